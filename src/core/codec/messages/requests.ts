/**
 * Codecs of the small (id) and (id, index) messages: MANIFEST_REQUEST, CHUNK_REQUEST,
 * CHUNK_MISSING and HAVE, plus the empty DONE. Layout: 32-byte adapter id, then the chunk index
 * as a varint (< 2^20).
 */
import { MessageType } from '../frame.ts';
import { HEADER, ID_BYTES, idIndexCodec, writeHeader, type MessageCodec } from './codec.ts';
import type { ChunkMissingMessage, ChunkRequestMessage, DoneMessage, HaveMessage, ManifestRequestMessage } from './types.ts';

export const manifestRequestCodec: MessageCodec<ManifestRequestMessage> = {
  name: 'manifest-request',
  type: MessageType.MANIFEST_REQUEST,
  encodingLength: () => HEADER + ID_BYTES,
  encode(m, w) { writeHeader(w, MessageType.MANIFEST_REQUEST); w.hex32(m.id); },
  decode: (r) => ({ type: 'manifest-request', id: r.hex32('adapter id') }),
};

export const chunkRequestCodec = idIndexCodec<ChunkRequestMessage>('chunk-request', MessageType.CHUNK_REQUEST, (id, index) => ({ type: 'chunk-request', id, index }));
export const chunkMissingCodec = idIndexCodec<ChunkMissingMessage>('chunk-missing', MessageType.CHUNK_MISSING, (id, index) => ({ type: 'chunk-missing', id, index }));
export const haveCodec = idIndexCodec<HaveMessage>('have', MessageType.HAVE, (id, index) => ({ type: 'have', id, index }));

export const doneCodec: MessageCodec<DoneMessage> = {
  name: 'done',
  type: MessageType.DONE,
  encodingLength: () => HEADER,
  encode(_m, w) { writeHeader(w, MessageType.DONE); },
  decode: () => ({ type: 'done' }),
};
