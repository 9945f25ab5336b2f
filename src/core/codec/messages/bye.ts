/**
 * BYE codec: reason byte (see `ByeReason`), then the varint counts of chunks the sender sent and
 * received in this session. Unknown reasons are rejected (a newer reason needs a newer version).
 */
import { fail, varintLength } from '../bytes.ts';
import { MessageType } from '../frame.ts';
import { HEADER, writeHeader, type MessageCodec } from './codec.ts';
import { BYE_REASON_NAMES, type ByeMessage, type ByeReason } from './types.ts';

const MAX_COUNT = 0xffffffff;

export const byeCodec: MessageCodec<ByeMessage> = {
  name: 'bye',
  type: MessageType.BYE,
  encodingLength: (m) => HEADER + 1 + varintLength(m.sent) + varintLength(m.received),
  encode(m, w) { writeHeader(w, MessageType.BYE); w.u8(m.reason).varint(m.sent).varint(m.received); },
  decode(r) {
    const reason = r.u8('bye reason');
    if (!(reason in BYE_REASON_NAMES)) fail('decode/bad-value', `unknown bye reason ${reason}`);
    const sent = r.varint('chunks sent', MAX_COUNT);
    const received = r.varint('chunks received', MAX_COUNT);
    return { type: 'bye', reason: reason as ByeReason, sent, received };
  },
};
