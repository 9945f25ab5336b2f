/**
 * Crash safety under SIGKILL: a child process writes adapters into a filesystem store and is killed
 * at seeded random instants, 24 times. After each kill the store reopens with nothing dropped
 * (no torn or unverified chunk ever carries a final name), every present chunk verifies and equals
 * the original, and at the end a resumed writer completes every adapter byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyChunk } from '../../core/packet/packet.ts';
import { chunkCount } from '../../core/types.ts';
import { hasBit } from '../../core/store/bitmap.ts';
import { killPackets } from './fs-store.kill-fixture.ts';
import { openFsStore } from './fs-store.ts';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const writer = fileURLToPath(new URL('./fs-store.kill-writer.ts', import.meta.url));
const KILLS = 24;

/** Runs the writer; with `killAfterMs`, SIGKILLs it that long after it reports ready. */
function runWriter(root: string, mode: 'loop' | 'finish', killAfterMs?: number): Promise<{ signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repo, 'bin/run-ts.mjs'), writer, root, mode], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (killAfterMs !== undefined && !armed && out.includes('ready\n')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code !== 0 && signal === null ? reject(new Error(`writer exited ${code}: ${err}`)) : resolve({ signal, out })));
  });
}

describe('fs store under SIGKILL', () => {
  it(`keeps every verified chunk and exposes no torn adapter across ${KILLS} kills, then resumes to byte-identical adapters`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gossip-kill-'));
    const root = join(dir, 'lib');
    const packets = killPackets();
    const byId = new Map(packets.map((p) => [p.id, p]));
    let seed = 0x5eed;
    const nextDelay = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return 5 + (seed >>> 8) % 300; };
    let partialSeen = 0;
    try {
      for (let k = 0; k < KILLS; k++) {
        const r = await runWriter(root, 'loop', nextDelay());
        expect(r.signal).toBe('SIGKILL');
        const store = openFsStore(root);
        expect(store.recovery.chunksDropped).toBe(0);
        expect(store.recovery.adaptersDropped).toBe(0);
        for (const s of store.list()) {
          const p = byId.get(s.id);
          expect(p).toBeDefined();
          expect(s.manifest).toEqual(p!.manifest);
          if (s.haveCount < chunkCount(s.manifest)) partialSeen++;
          for (let i = 0; i < chunkCount(s.manifest); i++) {
            if (!hasBit(s.have, i)) continue;
            const c = store.readChunk(s.id, i)!;
            expect(verifyChunk(s.manifest, i, c.body, c.proof, false).ok).toBe(true);
            expect(Buffer.from(c.body as Uint8Array).equals(Buffer.from(p!.chunk(i).body as Uint8Array))).toBe(true);
          }
        }
      }
      // kills landed while adapters were being written (the writer spends nearly all its time there)
      expect(partialSeen).toBeGreaterThan(0);
      const done = await runWriter(root, 'finish');
      expect(done.out).toContain('done');
      const store = openFsStore(root);
      expect(store.list().map((s) => s.id)).toEqual([...byId.keys()].sort());
      for (const p of packets) expect(Buffer.from(store.exportPayload(p.id)!).equals(Buffer.from(p.payload))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
