/**
 * Reading and writing adapter packet files (`gossip adapter pack/verify`): the I/O around the
 * core's packet format, with errors that name the file. Knows nothing about sessions or stores.
 */
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { buildPacket, decodePacketFile, encodePacketFile, verifyManifest, verifyPayload, type PacketOptions, type SigningKey } from '../core/packet/index.ts';
import type { AdapterId, Manifest } from '../core/types.ts';
import { UserError } from '../cli/user-error.ts';

export function readBytes(path: string, what: string): Uint8Array {
  try {
    const b = readFileSync(path);
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`${path}: cannot read ${what} (${code === 'ENOENT' ? 'no such file' : code ?? 'unknown error'})`);
  }
}

/** Atomic write: temp file + rename, so a crash never leaves a torn packet. */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

export function packAdapterFile(input: string, out: string, opts: PacketOptions, key: SigningKey): { id: AdapterId; manifest: Manifest } {
  const payload = readBytes(input, 'the adapter file');
  if (payload.length === 0) throw new UserError(`${input}: the adapter file is empty`);
  const p = buildPacket(payload, opts, key);
  writeFileAtomic(out, encodePacketFile(p.manifest, payload));
  return { id: p.id, manifest: p.manifest };
}

export interface VerifiedPacket {
  id: AdapterId;
  manifest: Manifest;
  payload: Uint8Array;
}

/** Decodes and fully verifies a packet file (signature and every chunk). */
export function verifyPacketFile(path: string): VerifiedPacket {
  const decoded = decodePacketFile(readBytes(path, 'the packet'));
  if (!decoded.ok) throw new UserError(`${path}: not a valid packet: ${decoded.error.message} [${decoded.error.code}]`);
  const { manifest, payload } = decoded.value;
  const sig = verifyManifest(manifest);
  if (!sig.ok) throw new UserError(`${path}: ${sig.error.message} [${sig.error.code}]`);
  const body = verifyPayload(manifest, payload);
  if (!body.ok) throw new UserError(`${path}: ${body.error.message} [${body.error.code}]`);
  return { id: sig.value, manifest, payload };
}
