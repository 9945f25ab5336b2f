/**
 * The shape every message codec has (`encodingLength/encode/decode`) plus the small field helpers
 * they share (frame header, adapter id, chunk index). Decoders throw `DecodeFailure` from the
 * bounds-checked Reader; only `decodeMessage` turns that into a Result, so nothing escapes.
 */
import { varintLength, type Reader, type Writer } from '../bytes.ts';
import { FRAME_HEADER_BYTES, PROTOCOL_VERSION, WireLimits, type MessageTypeByte } from '../frame.ts';
import type { Message } from './types.ts';

export interface MessageCodec<M extends Message> {
  readonly name: M['type'];
  readonly type: MessageTypeByte;
  /** Whole frame length in bytes (header + body). */
  encodingLength(m: M): number;
  /** Writes the whole frame (header + body). */
  encode(m: M, w: Writer): void;
  /** Reads the body; the reader stands just after the header. Throws `DecodeFailure`. */
  decode(r: Reader): M;
}

export function writeHeader(w: Writer, type: MessageTypeByte): void {
  w.u8(PROTOCOL_VERSION).u8(type);
}

export const HEADER = FRAME_HEADER_BYTES;
export const ID_BYTES = 32;

export function indexLength(index: number): number {
  return varintLength(index);
}

export function readIndex(r: Reader): number {
  return r.varint('chunk index', WireLimits.chunkIndex);
}

/** Codec of a message that is just (id, chunk index). */
export function idIndexCodec<M extends Message & { id: string; index: number }>(
  name: M['type'], type: MessageTypeByte, make: (id: string, index: number) => M,
): MessageCodec<M> {
  return {
    name,
    type,
    encodingLength: (m) => HEADER + ID_BYTES + indexLength(m.index),
    encode(m, w) { writeHeader(w, type); w.hex32(m.id).varint(m.index); },
    decode(r) { const id = r.hex32('adapter id'); return make(id, readIndex(r)); },
  };
}
