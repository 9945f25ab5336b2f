/**
 * The adapters the SIGKILL test writes (fs-store.kill.test.ts and its child fs-store.kill-writer.ts):
 * deterministic signed packets, so the parent can check every chunk the child left behind and
 * the final payloads byte for byte.
 */
import { createHash } from 'node:crypto';
import { buildPacket, signingKeyFromSeed, type BuiltPacket } from '../../core/packet/index.ts';

export interface KillPacket extends BuiltPacket {
  readonly payload: Uint8Array;
}

export function killPackets(): KillPacket[] {
  const key = signingKeyFromSeed(new Uint8Array(createHash('sha256').update('kill-test-publisher').digest()));
  return [0, 1, 2, 3].map((k) => {
    const payload = new Uint8Array(40_000 + k * 3_001);
    let x = 1 + k;
    for (let i = 0; i < payload.length; i++) { x = (Math.imul(x, 1103515245) + 12345) >>> 0; payload[i] = x >>> 24; }
    const p = buildPacket(payload, { name: `kill-${k}`, version: 1, baseModel: 'cd'.repeat(32), domain: 'agronomy', chunkSize: 1024 }, key);
    return { ...p, payload };
  });
}
