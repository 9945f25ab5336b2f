/**
 * CHUNK codec: 32-byte adapter id, varint index, flags byte, proof (u8 hash count + 32-byte
 * hashes), then either the payload filling the rest of the frame, or — with the VIRTUAL flag — a
 * varint length standing for a payload that is never materialised (simulation only). Decoding
 * returns views into the frame (no copy of the payload).
 */
import { fail, varintLength } from '../bytes.ts';
import { MessageType, WireLimits } from '../frame.ts';
import { isVirtualBody } from '../../types.ts';
import { HEADER, ID_BYTES, indexLength, readIndex, writeHeader, type MessageCodec } from './codec.ts';
import type { ChunkMessage } from './types.ts';

/** CHUNK flag bits; all others must be zero. */
export const ChunkFlag = {
  /** The payload is virtual: only its length is sent. */
  VIRTUAL: 0x01,
} as const;
const KNOWN_FLAGS = ChunkFlag.VIRTUAL;

const HASH = 32;

export const chunkCodec: MessageCodec<ChunkMessage> = {
  name: 'chunk',
  type: MessageType.CHUNK,
  encodingLength(m) {
    const body = isVirtualBody(m.body) ? varintLength(m.body.length) : m.body.length;
    return HEADER + ID_BYTES + indexLength(m.index) + 2 + m.proof.length + body;
  },
  encode(m, w) {
    if (m.proof.length % HASH !== 0 || m.proof.length > WireLimits.proofHashes * HASH) throw new RangeError('a proof is up to 32 whole 32-byte hashes');
    writeHeader(w, MessageType.CHUNK);
    w.hex32(m.id).varint(m.index);
    if (isVirtualBody(m.body)) w.u8(ChunkFlag.VIRTUAL).u8(m.proof.length / HASH).raw(m.proof).varint(m.body.length);
    else w.u8(0).u8(m.proof.length / HASH).raw(m.proof).raw(m.body);
  },
  decode(r) {
    const id = r.hex32('adapter id');
    const index = readIndex(r);
    const flags = r.u8('chunk flags');
    if ((flags & ~KNOWN_FLAGS) !== 0) fail('decode/bad-value', `unknown chunk flags 0x${flags.toString(16)}`);
    const hashes = r.u8('proof length');
    if (hashes > WireLimits.proofHashes) fail('decode/bad-length', `proof of ${hashes} hashes exceeds ${WireLimits.proofHashes}`);
    const proof = r.raw(hashes * HASH, 'proof');
    if (flags & ChunkFlag.VIRTUAL) {
      const length = r.varint('virtual length', WireLimits.chunkPayload);
      return { type: 'chunk', id, index, proof, body: { virtual: true, length } };
    }
    if (r.remaining > WireLimits.chunkPayload) fail('decode/bad-length', `chunk payload of ${r.remaining} bytes exceeds ${WireLimits.chunkPayload}`);
    return { type: 'chunk', id, index, proof, body: r.raw(r.remaining, 'payload') };
  },
};
