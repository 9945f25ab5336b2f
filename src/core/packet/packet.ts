/**
 * Adapter packets: building a signed manifest and its Merkle tree from a payload, serving chunks
 * with proofs, verifying a received chunk on its own, and the single-file packet format
 * (`GHPK` header + manifest + payload). Simulated packets (`buildVirtualPacket`) carry a
 * synthetic root and virtual chunk bodies so payload bytes are never materialised.
 */
import { DecodeFailure, Reader, Writer, bytesToHex, fail, hexToBytes } from '../codec/bytes.ts';
import { err, ok, type Result } from '../errors.ts';
import type { AdapterId, ChunkBody, Manifest } from '../types.ts';
import { bodyLength, chunkCount, chunkLength, isVirtualBody } from '../types.ts';
import { HashTag, taggedHash } from './hash.ts';
import type { SigningKey } from './keys.ts';
import { decodeManifest, encodeManifest, manifestId, signManifest, type UnsignedManifest } from './manifest.ts';
import { leafHash, merkleLevels, merkleProof, verifyProof } from './merkle.ts';

export interface PacketOptions {
  name: string;
  version: number;
  baseModel: string;
  domain: string;
  keywords?: readonly string[];
  centroid?: readonly number[];
  referenceTexts?: readonly string[];
  chunkSize: number;
}

export interface BuiltPacket {
  readonly id: AdapterId;
  readonly manifest: Manifest;
  /** Chunk `i` with its Merkle proof. */
  chunk(i: number): { body: ChunkBody; proof: Uint8Array };
}

function unsigned(opts: PacketOptions, publisher: string, size: number, merkleRoot: string): UnsignedManifest {
  return {
    name: opts.name, publisher, version: opts.version, baseModel: opts.baseModel, domain: opts.domain,
    keywords: [...(opts.keywords ?? [])], centroid: opts.centroid ? [...opts.centroid] : undefined,
    referenceTexts: [...(opts.referenceTexts ?? [])], size, chunkSize: opts.chunkSize, merkleRoot,
  };
}

export function buildPacket(payload: Uint8Array, opts: PacketOptions, key: SigningKey): BuiltPacket {
  const shape = { size: payload.length, chunkSize: opts.chunkSize };
  const n = chunkCount(shape);
  const slice = (i: number) => payload.subarray(i * opts.chunkSize, i * opts.chunkSize + chunkLength(shape, i));
  const levels = merkleLevels(Array.from({ length: n }, (_, i) => leafHash(slice(i))));
  const root = levels[levels.length - 1]![0]!;
  const manifest = signManifest(unsigned(opts, key.publicKey, payload.length, bytesToHex(root)), key);
  return { id: manifestId(manifest), manifest, chunk: (i) => ({ body: slice(i), proof: merkleProof(levels, i) }) };
}

/** A packet whose payload exists only as lengths (simulation); its root is a tagged hash of its identity. */
export function buildVirtualPacket(size: number, opts: PacketOptions, key: SigningKey): BuiltPacket {
  const root = taggedHash(HashTag.simulatedPayload, new TextEncoder().encode(`${opts.name}/${opts.version}/${size}`));
  const manifest = signManifest(unsigned(opts, key.publicKey, size, bytesToHex(root)), key);
  const empty = new Uint8Array(0);
  return { id: manifestId(manifest), manifest, chunk: (i) => ({ body: { virtual: true, length: chunkLength(manifest, i) }, proof: empty }) };
}

/**
 * Verifies one received chunk against its manifest on its own. Virtual bodies are accepted only
 * when `allowVirtual` (a metadata-only simulation store); a real node rejects them.
 */
export function verifyChunk(m: Manifest, index: number, body: ChunkBody, proof: Uint8Array, allowVirtual: boolean): Result<void> {
  const n = chunkCount(m);
  if (!Number.isInteger(index) || index < 0 || index >= n) return err('chunk/unexpected', `chunk index ${index} outside 0..${n - 1}`);
  if (bodyLength(body) !== chunkLength(m, index)) return err('chunk/bad-length', `chunk ${index} has ${bodyLength(body)} bytes, expected ${chunkLength(m, index)}`);
  if (isVirtualBody(body)) return allowVirtual ? ok(undefined) : err('chunk/virtual-not-allowed', 'a payload-less chunk was sent to a node that stores bytes');
  if (!verifyProof(hexToBytes(m.merkleRoot, 32), n, index, leafHash(body), proof)) return err('chunk/bad-proof', `chunk ${index} does not match the manifest's Merkle root`);
  return ok(undefined);
}

const PACKET_MAGIC = 0x4b504847; // "GHPK"
const PACKET_FORMAT = 1;

/** One file holding a manifest and its payload, as written by `gossip adapter pack`. */
export function encodePacketFile(manifest: Manifest, payload: Uint8Array): Uint8Array {
  const mb = encodeManifest(manifest);
  const w = new Writer(16 + mb.length);
  w.u32(PACKET_MAGIC).u8(PACKET_FORMAT).bytes(mb);
  const head = w.finish();
  const out = new Uint8Array(head.length + payload.length);
  out.set(head);
  out.set(payload, head.length);
  return out;
}

export function decodePacketFile(bytes: Uint8Array): Result<{ manifest: Manifest; payload: Uint8Array }> {
  try {
    const r = new Reader(bytes);
    if (r.u32('magic') !== PACKET_MAGIC) fail('decode/bad-value', 'not a gossip-handshake packet (bad magic)');
    const f = r.u8('format');
    if (f !== PACKET_FORMAT) fail('decode/bad-version', `packet format ${f} is not supported`);
    const m = decodeManifest(r.bytes(256 * 1024, 'manifest'));
    if (!m.ok) return m;
    const payload = bytes.subarray(r.pos);
    if (payload.length !== m.value.size) return err('chunk/bad-length', `payload is ${payload.length} bytes, manifest says ${m.value.size} (truncated file?)`);
    return ok({ manifest: m.value, payload });
  } catch (e) {
    if (e instanceof DecodeFailure) return err(e.code, e.message);
    throw e;
  }
}

/** Verifies every chunk of a payload against the manifest. */
export function verifyPayload(m: Manifest, payload: Uint8Array): Result<void> {
  const opened = openPacket(m, payload);
  return opened.ok ? ok(undefined) : opened;
}

/**
 * Serves chunks (with proofs) of a packet that was already signed, e.g. one read from a packet
 * file. Fails if the payload does not match the manifest's Merkle root.
 */
export function openPacket(manifest: Manifest, payload: Uint8Array): Result<BuiltPacket> {
  if (payload.length !== manifest.size) return err('chunk/bad-length', `payload is ${payload.length} bytes, manifest says ${manifest.size}`);
  const n = chunkCount(manifest);
  const slice = (i: number) => payload.subarray(i * manifest.chunkSize, i * manifest.chunkSize + chunkLength(manifest, i));
  const levels = merkleLevels(Array.from({ length: n }, (_, i) => leafHash(slice(i))));
  if (bytesToHex(levels[levels.length - 1]![0]!) !== manifest.merkleRoot) return err('chunk/bad-proof', 'payload does not match the manifest Merkle root');
  return ok({ id: manifestId(manifest), manifest, chunk: (i) => ({ body: slice(i), proof: merkleProof(levels, i) }) });
}
