/**
 * HELLO codec: supported versions, node id (Ed25519 public key), capabilities and the inventory
 * summary, each entry with a chunk bitmap sent compactly (none / all / bitmap). Decoding checks
 * every bound (≤ 4096 entries, manifest limits on sizes, canonical bitmaps, unique ids).
 */
import { fail, varintLength, type Reader, type Writer } from '../bytes.ts';
import { ManifestLimits } from '../../packet/manifest.ts';
import type { InventoryEntry } from '../../types.ts';
import { chunkCount } from '../../types.ts';
import { MessageType, WireLimits } from '../frame.ts';
import { HEADER, ID_BYTES, writeHeader, type MessageCodec } from './codec.ts';
import type { HelloMessage } from './types.ts';

/** How an inventory entry's chunk bitmap is sent. */
export const HaveKind = {
  NONE: 0,
  ALL: 1,
  BITMAP: 2,
} as const;

const utf8 = new TextEncoder();

function bitmapBytes(entry: Pick<InventoryEntry, 'size' | 'chunkSize'>): number {
  return Math.ceil(chunkCount(entry) / 8);
}

/** Counts set bits among the first `n` bits. */
function popcount(bits: Uint8Array, n: number): number {
  let c = 0;
  for (let i = 0; i < n; i++) if ((bits[i >> 3]! >> (i & 7)) & 1) c++;
  return c;
}

function haveKind(e: InventoryEntry): number {
  const n = chunkCount(e);
  const held = popcount(e.have, n);
  return held === 0 ? HaveKind.NONE : held === n ? HaveKind.ALL : HaveKind.BITMAP;
}

function entryLength(e: InventoryEntry): number {
  const kind = haveKind(e);
  return ID_BYTES * 2 + 2 + utf8.encode(e.name).length + varintLength(e.version) + 2 + utf8.encode(e.domain).length
    + varintLength(e.size) + varintLength(e.chunkSize) + 1 + (kind === HaveKind.BITMAP ? bitmapBytes(e) : 0);
}

function writeEntry(w: Writer, e: InventoryEntry): void {
  const kind = haveKind(e);
  w.hex32(e.id).hex32(e.publisher).str(e.name).varint(e.version).str(e.domain).varint(e.size).varint(e.chunkSize).u8(kind);
  if (kind !== HaveKind.BITMAP) return;
  const n = chunkCount(e);
  const out = new Uint8Array(bitmapBytes(e));
  out.set(e.have.subarray(0, out.length));
  if (n % 8 !== 0) out[out.length - 1]! &= (1 << (n % 8)) - 1;
  w.raw(out);
}

function readEntry(r: Reader): InventoryEntry {
  const id = r.hex32('adapter id');
  const publisher = r.hex32('publisher');
  const name = r.str(ManifestLimits.name, 'name');
  const version = r.varint('version', 0xffffffff);
  const domain = r.str(ManifestLimits.domain, 'domain');
  const size = r.varint('size', ManifestLimits.maxSize);
  const chunkSize = r.varint('chunk size', ManifestLimits.maxChunk);
  if (chunkSize < ManifestLimits.minChunk) fail('decode/bad-value', `chunk size ${chunkSize} below ${ManifestLimits.minChunk}`);
  const n = chunkCount({ size, chunkSize });
  if (n > ManifestLimits.maxChunks) fail('decode/bad-value', `${n} chunks exceed ${ManifestLimits.maxChunks}`);
  const kind = r.u8('have kind');
  const bytes = Math.ceil(n / 8);
  let have: Uint8Array;
  if (kind === HaveKind.NONE) have = new Uint8Array(bytes);
  else if (kind === HaveKind.ALL) {
    have = new Uint8Array(bytes).fill(0xff);
    if (n % 8 !== 0) have[bytes - 1] = (1 << (n % 8)) - 1;
  } else if (kind === HaveKind.BITMAP) {
    have = r.raw(bytes, 'have bitmap').slice();
    if (n % 8 !== 0 && have[bytes - 1]! >> (n % 8) !== 0) fail('decode/bad-value', 'have bitmap sets bits past the last chunk');
  } else return fail('decode/bad-value', `unknown have kind ${kind}`);
  return { id, publisher, name, version, domain, size, chunkSize, have };
}

export const helloCodec: MessageCodec<HelloMessage> = {
  name: 'hello',
  type: MessageType.HELLO,
  encodingLength(m) {
    let n = HEADER + 1 + m.versions.length + ID_BYTES + 2 + varintLength(m.capabilities.maxChunk)
      + varintLength(m.capabilities.maxInFlight) + varintLength(m.inventory.length);
    for (const e of m.inventory) n += entryLength(e);
    return n;
  },
  encode(m, w) {
    writeHeader(w, MessageType.HELLO);
    w.u8(m.versions.length);
    for (const v of m.versions) w.u8(v);
    w.hex32(m.nodeId).u16(m.capabilities.mtu).varint(m.capabilities.maxChunk).varint(m.capabilities.maxInFlight);
    w.varint(m.inventory.length);
    for (const e of m.inventory) writeEntry(w, e);
  },
  decode(r) {
    const nv = r.u8('version count');
    if (nv === 0 || nv > WireLimits.versions) fail('decode/bad-length', `a hello lists 1-${WireLimits.versions} versions, got ${nv}`);
    const versions: number[] = [];
    for (let i = 0; i < nv; i++) {
      const v = r.u8('version');
      if (i > 0 && v <= versions[i - 1]!) fail('decode/bad-value', 'hello versions must be strictly ascending');
      versions.push(v);
    }
    const nodeId = r.hex32('node id');
    const mtu = r.u16('mtu');
    if (mtu < WireLimits.minMtu || mtu > WireLimits.maxMtu) fail('decode/bad-value', `mtu ${mtu} outside ${WireLimits.minMtu}-${WireLimits.maxMtu}`);
    const maxChunk = r.varint('max chunk', ManifestLimits.maxChunk);
    if (maxChunk < ManifestLimits.minChunk) fail('decode/bad-value', `max chunk ${maxChunk} below ${ManifestLimits.minChunk}`);
    const maxInFlight = r.varint('max in flight', WireLimits.maxInFlight);
    if (maxInFlight === 0) fail('decode/bad-value', 'max in flight must be at least 1');
    const count = r.varint('inventory count', WireLimits.inventory);
    const inventory: InventoryEntry[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) {
      const e = readEntry(r);
      if (seen.has(e.id)) fail('decode/bad-value', `adapter ${e.id.slice(0, 12)} listed twice`);
      seen.add(e.id);
      inventory.push(e);
    }
    return { type: 'hello', versions, nodeId, capabilities: { mtu, maxChunk, maxInFlight }, inventory };
  },
};
