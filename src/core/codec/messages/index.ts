/**
 * The message registry: one codec per message, looked up by type byte (decoding) or name
 * (encoding), and the two entry points `encodeMessage` and `decodeMessage`. `decodeMessage`
 * never throws on any input: every failure is a coded `GossipError` with origin 'remote'.
 */
import { DecodeFailure, Reader, Writer } from '../bytes.ts';
import { err, ok, type Result } from '../../errors.ts';
import { FRAME_HEADER_BYTES, SUPPORTED_VERSIONS } from '../frame.ts';
import { byeCodec } from './bye.ts';
import { chunkCodec } from './chunk.ts';
import type { MessageCodec } from './codec.ts';
import { helloCodec } from './hello.ts';
import { manifestCodec } from './manifest.ts';
import { chunkMissingCodec, chunkRequestCodec, doneCodec, haveCodec, manifestRequestCodec } from './requests.ts';
import type { Message, MessageName } from './types.ts';

export * from './types.ts';
export { ChunkFlag } from './chunk.ts';
export { HaveKind } from './hello.ts';
export type { MessageCodec } from './codec.ts';
export { helloCodec, manifestRequestCodec, manifestCodec, chunkRequestCodec, chunkCodec, chunkMissingCodec, haveCodec, doneCodec, byeCodec };

type CodecFor<N extends MessageName> = MessageCodec<Extract<Message, { type: N }>>;

export const codecs: { readonly [N in MessageName]: CodecFor<N> } = {
  'hello': helloCodec,
  'manifest-request': manifestRequestCodec,
  'manifest': manifestCodec,
  'chunk-request': chunkRequestCodec,
  'chunk': chunkCodec,
  'chunk-missing': chunkMissingCodec,
  'have': haveCodec,
  'done': doneCodec,
  'bye': byeCodec,
};

const byType: ReadonlyMap<number, MessageCodec<Message>> = new Map(
  Object.values(codecs).map((c) => [c.type, c as unknown as MessageCodec<Message>]),
);

function codecOf(m: Message): MessageCodec<Message> {
  return codecs[m.type] as unknown as MessageCodec<Message>;
}

/** Frame length of a message in bytes. */
export function messageLength(m: Message): number {
  return codecOf(m).encodingLength(m);
}

/** Encodes a message as one frame, allocated once at its exact length. */
export function encodeMessage(m: Message): Uint8Array {
  const codec = codecOf(m);
  const w = new Writer(codec.encodingLength(m));
  codec.encode(m, w);
  return w.take();
}

/**
 * Decodes one whole frame. Payload, proof and manifest bytes are views into `frame`, which the
 * caller must not mutate afterwards.
 */
export function decodeMessage(frame: Uint8Array): Result<Message> {
  if (frame.length < FRAME_HEADER_BYTES) return err('decode/truncated', `a frame has at least ${FRAME_HEADER_BYTES} bytes, got ${frame.length}`);
  const version = frame[0]!;
  if (!SUPPORTED_VERSIONS.includes(version)) return err('decode/bad-version', `protocol version ${version} is not supported (supported: ${SUPPORTED_VERSIONS.join(', ')})`);
  const codec = byType.get(frame[1]!);
  if (!codec) return err('decode/unknown-type', `unknown message type 0x${frame[1]!.toString(16).padStart(2, '0')}`);
  try {
    const r = new Reader(frame);
    r.pos = FRAME_HEADER_BYTES;
    const m = codec.decode(r);
    r.end(codec.name);
    return ok(m);
  } catch (e) {
    if (e instanceof DecodeFailure) return err(e.code, e.message);
    throw e;
  }
}
