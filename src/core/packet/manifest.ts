/**
 * The adapter manifest: validation, canonical binary encoding, content address and signature.
 * The signed message and the id both derive from the canonical body (every field but the
 * signature) under different hash tags. Decoding untrusted bytes returns a Result.
 * Knows nothing about chunks' bytes, sessions or stores.
 */
import { DecodeFailure, Reader, Writer, bytesToHex, fail, hexToBytes, isHex } from '../codec/bytes.ts';
import { err, ok, type Result } from '../errors.ts';
import type { AdapterId, Manifest } from '../types.ts';
import { chunkCount } from '../types.ts';
import { HashTag, taggedHash } from './hash.ts';
import { signBytes, verifyBytes, type SigningKey } from './keys.ts';

const MAGIC = 0x464d4847; // "GHMF" little-endian
export const MANIFEST_FORMAT = 1;

export const ManifestLimits = {
  name: 64,
  domain: 64,
  keywords: 256,
  keyword: 64,
  referenceTexts: 64,
  referenceText: 2048,
  centroid: 16384,
  minChunk: 64,
  maxChunk: 16 * 1024 * 1024,
  maxSize: 2 ** 40,
  maxChunks: 1 << 20,
  /** Upper bound of an encoded manifest, for framing limits. */
  maxEncoded: 256 * 1024,
} as const;

export type UnsignedManifest = Omit<Manifest, 'signature'>;

/** Structural checks a decoded or hand-built manifest must pass. */
export function validateManifest(m: UnsignedManifest): Result<void> {
  const bad = (msg: string): Result<void> => err('manifest/invalid', msg);
  const L = ManifestLimits;
  if (typeof m.name !== 'string' || m.name.length === 0 || Buffer.byteLength(m.name) > L.name) return bad('name must be 1-64 bytes');
  if (!isHex(m.publisher, 32)) return bad('publisher must be a 32-byte Ed25519 key in hex');
  if (!Number.isInteger(m.version) || m.version < 0 || m.version > 0xffffffff) return bad('version must be a u32');
  if (!isHex(m.baseModel, 32)) return bad('baseModel must be a 32-byte hash in hex');
  if (typeof m.domain !== 'string' || m.domain.length === 0 || Buffer.byteLength(m.domain) > L.domain) return bad('domain must be 1-64 bytes');
  if (m.keywords.length > L.keywords || m.keywords.some((k) => typeof k !== 'string' || Buffer.byteLength(k) > L.keyword)) return bad('too many or too long keywords');
  if (m.referenceTexts.length > L.referenceTexts || m.referenceTexts.some((t) => typeof t !== 'string' || Buffer.byteLength(t) > L.referenceText)) return bad('too many or too long reference texts');
  if (m.centroid && (m.centroid.length === 0 || m.centroid.length > L.centroid || m.centroid.some((x) => !Number.isFinite(x)))) return bad('centroid must hold 1-16384 finite numbers');
  if (!Number.isInteger(m.chunkSize) || m.chunkSize < L.minChunk || m.chunkSize > L.maxChunk) return bad(`chunkSize must be ${L.minChunk}..${L.maxChunk}`);
  if (!Number.isInteger(m.size) || m.size < 0 || m.size > L.maxSize) return bad('size out of range');
  if (chunkCount(m) > L.maxChunks) return bad('too many chunks');
  if (!isHex(m.merkleRoot, 32)) return bad('merkleRoot must be a 32-byte hash in hex');
  return ok(undefined);
}

function writeBody(w: Writer, m: UnsignedManifest): void {
  w.u32(MAGIC).u8(MANIFEST_FORMAT).str(m.name).hex32(m.publisher).u32(m.version).hex32(m.baseModel).str(m.domain);
  w.u16(m.keywords.length);
  for (const k of m.keywords) w.str(k);
  w.u16(m.referenceTexts.length);
  for (const t of m.referenceTexts) w.str(t);
  const c = m.centroid ?? [];
  w.u32(c.length);
  for (const x of c) w.f32(x);
  w.u64(m.size).u32(m.chunkSize).hex32(m.merkleRoot);
}

/** Canonical bytes of everything but the signature. */
export function manifestBody(m: UnsignedManifest): Uint8Array {
  const w = new Writer(512);
  writeBody(w, m);
  return w.finish();
}

export function manifestId(m: UnsignedManifest): AdapterId {
  return bytesToHex(taggedHash(HashTag.adapterId, manifestBody(m)));
}

/** Canonical bytes including the signature (0-length when unsigned). */
export function encodeManifest(m: Manifest): Uint8Array {
  const w = new Writer(512);
  writeBody(w, m);
  w.bytes(m.signature ? hexToBytes(m.signature, 64) : new Uint8Array(0));
  return w.finish();
}

export function decodeManifest(bytes: Uint8Array): Result<Manifest> {
  try {
    const r = new Reader(bytes);
    if (r.u32('magic') !== MAGIC) fail('decode/bad-value', 'not a manifest (bad magic)');
    const format = r.u8('format');
    if (format !== MANIFEST_FORMAT) fail('decode/bad-version', `manifest format ${format} is not supported (expected ${MANIFEST_FORMAT})`);
    const L = ManifestLimits;
    const name = r.str(L.name, 'name');
    const publisher = r.hex32('publisher');
    const version = r.u32('version');
    const baseModel = r.hex32('baseModel');
    const domain = r.str(L.domain, 'domain');
    const nk = r.u16('keyword count');
    if (nk > L.keywords) fail('decode/bad-length', 'too many keywords');
    const keywords: string[] = [];
    for (let i = 0; i < nk; i++) keywords.push(r.str(L.keyword, 'keyword'));
    const nt = r.u16('reference text count');
    if (nt > L.referenceTexts) fail('decode/bad-length', 'too many reference texts');
    const referenceTexts: string[] = [];
    for (let i = 0; i < nt; i++) referenceTexts.push(r.str(L.referenceText, 'reference text'));
    const nc = r.u32('centroid length');
    if (nc > L.centroid) fail('decode/bad-length', 'centroid too long');
    let centroid: number[] | undefined;
    if (nc > 0) {
      centroid = [];
      for (let i = 0; i < nc; i++) centroid.push(r.f32('centroid'));
    }
    const size = r.u64('size');
    const chunkSize = r.u32('chunkSize');
    const merkleRoot = r.hex32('merkleRoot');
    const sig = r.bytes(64, 'signature');
    if (sig.length !== 0 && sig.length !== 64) fail('decode/bad-length', 'signature must be 64 bytes or empty');
    r.end('manifest');
    const m: Manifest = { name, publisher, version, baseModel, domain, keywords, centroid, referenceTexts, size, chunkSize, merkleRoot, signature: bytesToHex(sig) };
    const v = validateManifest(m);
    return v.ok ? ok(m) : { ok: false, error: v.error };
  } catch (e) {
    if (e instanceof DecodeFailure) return err(e.code, e.message);
    throw e;
  }
}

/** Rounds the centroid to float32 so the value survives an encode/decode round trip unchanged. */
export function normaliseManifest(m: UnsignedManifest): UnsignedManifest {
  return m.centroid ? { ...m, centroid: m.centroid.map((x) => Math.fround(x)) } : m;
}

export function signManifest(unsigned: UnsignedManifest, key: SigningKey): Manifest {
  if (unsigned.publisher !== key.publicKey) throw new RangeError('manifest publisher is not the signing key');
  const m = normaliseManifest(unsigned);
  const v = validateManifest(m);
  if (!v.ok) throw new RangeError(v.error.message);
  const sig = signBytes(key, taggedHash(HashTag.manifestSignature, manifestBody(m)));
  return { ...m, signature: bytesToHex(sig) };
}

/** Checks structure and signature; returns the adapter id. */
export function verifyManifest(m: Manifest): Result<AdapterId> {
  const v = validateManifest(m);
  if (!v.ok) return { ok: false, error: v.error };
  if (!m.signature) return err('manifest/unsigned', `manifest ${m.name} v${m.version} is unsigned`);
  const body = manifestBody(m);
  if (!isHex(m.signature, 64) || !verifyBytes(m.publisher, taggedHash(HashTag.manifestSignature, body), hexToBytes(m.signature, 64))) {
    return err('manifest/bad-signature', `manifest ${m.name} v${m.version} has a signature that does not match its publisher`);
  }
  return ok(bytesToHex(taggedHash(HashTag.adapterId, body)));
}
