/**
 * Setting up an emulated trial on disk before any node starts: seeded identities (one key per
 * node, one publisher key), the adapter packets (synthetic seeded payloads or real files packed
 * and signed; or signed packet files taken as they are) written to `packets/`, and each node's
 * library folder under `nodes/<name>/library` holding the adapters it originates. Folders of an
 * earlier run in the same output directory are cleared first, so a run never inherits adapters.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildPacket, encodePacketFile, signingKeyFromSeed, type SigningKey } from '../../core/packet/index.ts';
import type { AdapterId, Hex, NodeId } from '../../core/types.ts';
import { readBytes, verifyPacketFile, writeFileAtomic } from '../packet-files.ts';
import { openFsStore } from '../store/index.ts';
import type { Trial } from './load-trial.ts';
import { placePacket } from './node-library.ts';

export interface PreparedNode {
  readonly name: string;
  readonly nodeId: NodeId;
  readonly libraryDir: string;
}

export interface PreparedAdapter {
  readonly name: string;
  readonly id: AdapterId;
  readonly domain: string;
  readonly size: number;
  readonly origin: string;
  readonly packetFile: string;
}

export interface PreparedTrial {
  readonly nodes: readonly PreparedNode[];
  readonly adapters: readonly PreparedAdapter[];
  /** Publishers every node trusts (the trial key and the publishers of given packet files). */
  readonly publishers: readonly Hex[];
}

function keyFor(seed: number, purpose: string): SigningKey {
  return signingKeyFromSeed(new Uint8Array(createHash('sha256').update(`gossip-handshake/trial/${seed}/${purpose}`).digest()));
}

/** Deterministic pseudo-random bytes (xorshift32 seeded from a hash of `seed`). */
export function syntheticPayload(size: number, seed: string): Uint8Array {
  const out = new Uint8Array(size);
  const words = new Uint32Array(out.buffer, 0, size >>> 2);
  let x = createHash('sha256').update(seed).digest().readUInt32LE(0) || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    words[i] = x;
  }
  for (let i = words.length * 4; i < size; i++) out[i] = (x >>> ((i & 3) * 8)) & 0xff;
  return out;
}

/** Base-model id of synthetic trial adapters. */
export const TRIAL_BASE_MODEL = createHash('sha256').update('gossip-handshake/trial/base-model').digest('hex');

export function prepareTrial(t: Trial, outDir: string): PreparedTrial {
  const nodesDir = join(outDir, 'nodes');
  const packetsDir = join(outDir, 'packets');
  rmSync(nodesDir, { recursive: true, force: true });
  rmSync(packetsDir, { recursive: true, force: true });
  mkdirSync(packetsDir, { recursive: true });
  const publisherKey = keyFor(t.seed, 'publisher');
  const publishers = new Set<Hex>([publisherKey.publicKey]);
  const nodes = t.nodes.map((name) => ({ name, nodeId: keyFor(t.seed, `node/${name}`).publicKey, libraryDir: join(nodesDir, name, 'library') }));
  const stores = new Map(nodes.map((n) => [n.name, openFsStore(n.libraryDir, { durable: false })]));
  const adapters = t.adapters.map((a): PreparedAdapter => {
    let manifest;
    let payload: Uint8Array;
    if (a.packet) {
      const p = verifyPacketFile(a.packet);
      manifest = p.manifest;
      payload = p.payload;
      publishers.add(p.manifest.publisher);
    } else {
      payload = a.file ? readBytes(a.file, `the adapter file of ${a.name}`) : syntheticPayload(a.size!, `${t.seed}/${a.name}`);
      manifest = buildPacket(payload, { name: a.name, version: 1, baseModel: TRIAL_BASE_MODEL, domain: a.domain, keywords: a.keywords, chunkSize: a.chunkSize }, publisherKey).manifest;
    }
    const packetFile = join(packetsDir, `${a.name}.packet`);
    writeFileAtomic(packetFile, encodePacketFile(manifest, payload));
    const placed = placePacket(stores.get(a.origin)!, manifest, payload);
    return { name: a.name, id: placed.id, domain: manifest.domain, size: manifest.size, origin: a.origin, packetFile };
  });
  return { nodes, adapters, publishers: [...publishers] };
}
