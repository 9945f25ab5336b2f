import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../cli/user-error.ts';
import type { StoredChunk } from '../../core/ports.ts';
import { fillFixture, fixtureAdapters } from '../../../test/store-compliance/fs-fixture.ts';
import { bytesPacket } from '../../../test/store-compliance/packets.ts';
import { createLibrary } from '../../core/library/index.ts';
import { epidemic } from '../../core/policy/index.ts';
import { keyFor } from '../../../test/store-compliance/packets.ts';
import { layoutPaths, openFsStore } from './index.ts';

const dirs: string[] = [];
function tempRoot(): string {
  const d = mkdtempSync(join(tmpdir(), 'gossip-fs-unit-'));
  dirs.push(d);
  return join(d, 'lib');
}
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

function tree(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) { out.push(`${relative(root, p)}/`); walk(p); }
      else out.push(`${relative(root, p)} ${statSync(p).size} ${createHash('sha256').update(readFileSync(p)).digest('hex').slice(0, 16)}`);
    }
  };
  walk(root);
  return out;
}

const fixtureDir = fileURLToPath(new URL('../../../test/store-compliance/fixtures/fs-layout-v1', import.meta.url));
const { partial, complete } = fixtureAdapters;

describe('fs store layout (version 1, pinned)', () => {
  it('writes exactly the documented files, byte for byte', () => {
    const root = tempRoot();
    fillFixture(openFsStore(root));
    expect(tree(root)).toMatchInlineSnapshot(`
      [
        "adapters/",
        "adapters/72a7b142fd80ae3eafcaf8c813d22d4fc6c0e3be15da26a38268a55866a6c687/",
        "adapters/72a7b142fd80ae3eafcaf8c813d22d4fc6c0e3be15da26a38268a55866a6c687/chunks/",
        "adapters/72a7b142fd80ae3eafcaf8c813d22d4fc6c0e3be15da26a38268a55866a6c687/chunks/0.bin 128 2d8276fdb0875635",
        "adapters/72a7b142fd80ae3eafcaf8c813d22d4fc6c0e3be15da26a38268a55866a6c687/chunks/1.bin 128 b7a89a1a88dd94fd",
        "adapters/72a7b142fd80ae3eafcaf8c813d22d4fc6c0e3be15da26a38268a55866a6c687/chunks/2.bin 34 d738479210f6e3d2",
        "adapters/72a7b142fd80ae3eafcaf8c813d22d4fc6c0e3be15da26a38268a55866a6c687/manifest.bin 230 b6355a449e99e902",
        "adapters/a5a2d2d116791c6e252f97e9564bae51a9cdf9a1be4b6ea9334bd6b7c32ccc7d/",
        "adapters/a5a2d2d116791c6e252f97e9564bae51a9cdf9a1be4b6ea9334bd6b7c32ccc7d/chunks/",
        "adapters/a5a2d2d116791c6e252f97e9564bae51a9cdf9a1be4b6ea9334bd6b7c32ccc7d/chunks/0.bin 192 1da413a7f655931d",
        "adapters/a5a2d2d116791c6e252f97e9564bae51a9cdf9a1be4b6ea9334bd6b7c32ccc7d/chunks/10.bin 124 cef17a41289f0136",
        "adapters/a5a2d2d116791c6e252f97e9564bae51a9cdf9a1be4b6ea9334bd6b7c32ccc7d/chunks/3.bin 192 86e0cd1d458524c2",
        "adapters/a5a2d2d116791c6e252f97e9564bae51a9cdf9a1be4b6ea9334bd6b7c32ccc7d/manifest.bin 227 a2a405cce76c36b3",
        "layout.json 56 6371bc39136579bb",
        "trash/",
      ]
    `);
  });

  it('opens a store written by layout version 1 (old-format fixture)', () => {
    const root = tempRoot();
    cpSync(fixtureDir, root, { recursive: true });
    const store = openFsStore(root);
    expect(store.recovery).toMatchObject({ adapters: 2, chunks: 6, chunksDropped: 0, adaptersDropped: 0 });
    for (const { packet, chunks } of [partial, complete]) {
      expect(store.get(packet.id)!.haveCount).toBe(chunks.length);
      for (const i of chunks) expect(Buffer.from(store.readChunk(packet.id, i)!.body as Uint8Array).equals(Buffer.from(packet.chunk(i).body as Uint8Array))).toBe(true);
    }
    expect(Buffer.from(store.exportPayload(complete.packet.id)!).equals(Buffer.from(complete.packet.payload))).toBe(true);
    expect(store.exportPayload(partial.packet.id)).toBeUndefined();
  });

  it('refuses a foreign non-empty folder and a newer layout version with a message naming the file', () => {
    const root = tempRoot();
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'notes.txt'), 'mine');
    expect(() => openFsStore(root)).toThrow(UserError);
    expect(() => openFsStore(root)).toThrow(/no layout\.json/);
    const other = tempRoot();
    openFsStore(other);
    writeFileSync(join(other, 'layout.json'), JSON.stringify({ format: 'gossip-handshake/adapter-store', version: 2 }));
    expect(() => openFsStore(other)).toThrow(/layout\.json: adapter store layout version 2 is not supported/);
  });
});

describe('fs store recovery', () => {
  it('drops temporaries, staging folders, trash, torn and corrupted chunks and manifest-less adapters', () => {
    const root = tempRoot();
    const p = layoutPaths(root);
    fillFixture(openFsStore(root));
    const pid = partial.packet.id;
    // a chunk write interrupted before its rename
    writeFileSync(p.chunk(pid, 5) + '.tmp', new Uint8Array(10));
    // a torn chunk file (right name, short body) and a corrupted one (right length, flipped byte)
    writeFileSync(p.chunk(pid, 6), (readFileSync(p.chunk(pid, 3))).subarray(0, 40));
    const bad = readFileSync(p.chunk(pid, 0)); bad[7]! ^= 1; writeFileSync(p.chunk(pid, 0), bad);
    // a chunk index past the end
    writeFileSync(p.chunk(pid, 99), new Uint8Array(64));
    // a registration interrupted before its rename, a removal interrupted before deletion
    mkdirSync(p.staging('ee'.repeat(32)), { recursive: true });
    mkdirSync(join(p.trash, `${complete.packet.id}.0`, 'chunks'), { recursive: true });
    // an adapter folder with no manifest, and one whose manifest is not its content address
    mkdirSync(join(p.adapter('cd'.repeat(32)), 'chunks'), { recursive: true });
    mkdirSync(p.adapter('dd'.repeat(32)), { recursive: true });
    cpSync(p.manifest(pid), p.manifest('dd'.repeat(32)));

    const store = openFsStore(root);
    expect(store.recovery).toEqual({ adapters: 2, chunks: 5, tempRemoved: 2, trashRemoved: 1, adaptersDropped: 2, chunksDropped: 3 });
    expect(store.list().map((s) => s.id).sort()).toEqual([pid, complete.packet.id].sort());
    expect(Array.from(store.get(pid)!.have)).toEqual([0b0000_1000, 0b0000_0100]);
    expect(readdirSync(p.trash)).toEqual([]);
    expect(readdirSync(p.adapters).sort()).toEqual([pid, complete.packet.id].sort());
    expect(readdirSync(p.chunks(pid)).sort()).toEqual(['10.bin', '3.bin']);
    // the writer resumes: the dropped chunk is missing again and can be stored
    store.putChunk(pid, 0, partial.packet.chunk(0) as StoredChunk);
    expect(openFsStore(root).get(pid)!.haveCount).toBe(3);
  });

  it("'length' verification trusts same-length files; 'full' re-hashes them", () => {
    const root = tempRoot();
    const p = layoutPaths(root);
    fillFixture(openFsStore(root));
    const bad = readFileSync(p.chunk(complete.packet.id, 1)); bad[0]! ^= 1; writeFileSync(p.chunk(complete.packet.id, 1), bad);
    expect(openFsStore(root, { verify: 'length' }).get(complete.packet.id)!.haveCount).toBe(3);
    expect(openFsStore(root).get(complete.packet.id)!.haveCount).toBe(2);
  });

  it('removal leaves nothing behind and a removed adapter can be registered again', () => {
    const root = tempRoot();
    const store = openFsStore(root);
    fillFixture(store);
    store.remove(complete.packet.id);
    expect(existsSync(layoutPaths(root).adapter(complete.packet.id))).toBe(false);
    expect(readdirSync(layoutPaths(root).trash)).toEqual([]);
    store.putManifest(complete.packet.id, complete.packet.manifest);
    expect(openFsStore(root).get(complete.packet.id)!.haveCount).toBe(0);
  });

  it('exports the exact payload of a larger complete adapter', () => {
    const p = bytesPacket({ name: 'big', size: 50_000, chunkSize: 4096, seed: 99 });
    const store = openFsStore(tempRoot(), { durable: false });
    store.putManifest(p.id, p.manifest);
    for (let i = 12; i >= 0; i--) store.putChunk(p.id, i, p.chunk(i) as StoredChunk);
    expect(Buffer.from(store.exportPayload(p.id)!).equals(Buffer.from(p.payload))).toBe(true);
  });
});

describe('a library over the fs store', () => {
  it('resumes a partial adapter after a restart and completes it byte for byte', () => {
    const root = tempRoot();
    const p = bytesPacket({ name: 'resume', size: 5000, chunkSize: 512, seed: 5 });
    const open = () => createLibrary({ store: openFsStore(root), self: keyFor('self').publicKey, trust: { publishers: [p.manifest.publisher], tofu: false }, budgetBytes: 1e6, policy: epidemic() });
    const first = open();
    expect(first.admitManifest(p.id, p.manifest, keyFor('peer').publicKey, 0).ok).toBe(true);
    for (const i of [0, 4, 9]) first.storeChunk(p.id, i, p.chunk(i) as StoredChunk, 1);
    const second = open();
    expect(second.missing(p.id)).toEqual([1, 2, 3, 5, 6, 7, 8]);
    expect(second.inventory()[0]!.have).toEqual(new Uint8Array([0b0001_0001, 0b0000_0010]));
    let done = false;
    for (const i of second.missing(p.id)) {
      const r = second.storeChunk(p.id, i, p.chunk(i) as StoredChunk, 2);
      done = r.ok && r.value.complete;
    }
    expect(done).toBe(true);
    const store = openFsStore(root);
    expect(Buffer.from(store.exportPayload(p.id)!).equals(Buffer.from(p.payload))).toBe(true);
  });
});
