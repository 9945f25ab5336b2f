/**
 * On-disk layout of the filesystem adapter store, version 1 (pinned by a snapshot test and an
 * old-format fixture in test/store-compliance/fixtures):
 *
 *   <root>/layout.json                     {"format":"gossip-handshake/adapter-store","version":1}
 *   <root>/adapters/<id>/manifest.bin      canonical signed manifest (packet/manifest.ts encoding)
 *   <root>/adapters/<id>/chunks/<i>.bin    chunk i body followed by its Merkle proof (32 B hashes)
 *   <root>/adapters/<id>.tmp/              an adapter being registered (staging; garbage after a crash)
 *   <root>/trash/<id>.<n>/                 an adapter being removed (garbage after a crash)
 *
 * `<id>` is the 64-hex adapter id, `<i>` the decimal chunk index. Any name ending in `.tmp` is a
 * temporary. Owns paths and the layout file; knows nothing about recovery or the store API.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../cli/user-error.ts';
import { TEMP_SUFFIX, ensureDir, fsyncDir, io, writeFileAtomic } from './fs-durable.ts';

export const LAYOUT_FORMAT = 'gossip-handshake/adapter-store';
export const LAYOUT_VERSION = 1;
export const LAYOUT_FILE = 'layout.json';

export const layoutPaths = (root: string) => ({
  layout: join(root, LAYOUT_FILE),
  adapters: join(root, 'adapters'),
  trash: join(root, 'trash'),
  adapter: (id: string) => join(root, 'adapters', id),
  staging: (id: string) => join(root, 'adapters', id + TEMP_SUFFIX),
  manifest: (id: string) => join(root, 'adapters', id, 'manifest.bin'),
  chunks: (id: string) => join(root, 'adapters', id, 'chunks'),
  chunk: (id: string, index: number) => join(root, 'adapters', id, 'chunks', `${index}.bin`),
});
export type LayoutPaths = ReturnType<typeof layoutPaths>;

export const ADAPTER_DIR = /^[0-9a-f]{64}$/;
export const CHUNK_FILE = /^(0|[1-9][0-9]{0,8})\.bin$/;

/**
 * Creates the layout file in a new or empty directory, or checks the one present. A non-empty
 * directory without a layout file, or a layout of another version, is refused with a UserError.
 */
export function ensureLayout(root: string, durable: boolean): LayoutPaths {
  const p = layoutPaths(root);
  ensureDir(root);
  if (existsSync(p.layout)) {
    const text = io('read', p.layout, () => readFileSync(p.layout, 'utf8'));
    let parsed: unknown;
    try { parsed = JSON.parse(text); } catch { parsed = undefined; }
    const rec = parsed as { format?: unknown; version?: unknown } | undefined;
    if (!rec || rec.format !== LAYOUT_FORMAT) {
      throw new UserError(`${p.layout}: not a gossip-handshake adapter store layout file; point the library at another directory`);
    }
    if (rec.version !== LAYOUT_VERSION) {
      throw new UserError(`${p.layout}: adapter store layout version ${String(rec.version)} is not supported (this build reads version ${LAYOUT_VERSION}); use a matching gossip-handshake or another library directory`);
    }
  } else {
    const foreign = io('list', root, () => readdirSync(root)).filter((n) => n !== LAYOUT_FILE + TEMP_SUFFIX);
    if (foreign.length > 0) {
      throw new UserError(`${root}: directory is not empty and has no ${LAYOUT_FILE}; point the library at an empty or new directory`);
    }
    const body = JSON.stringify({ format: LAYOUT_FORMAT, version: LAYOUT_VERSION }) + '\n';
    writeFileAtomic(p.layout, [new TextEncoder().encode(body)], durable);
  }
  if (!existsSync(p.adapters) || !existsSync(p.trash)) {
    ensureDir(p.adapters);
    ensureDir(p.trash);
    fsyncDir(root, durable);
  }
  return p;
}
