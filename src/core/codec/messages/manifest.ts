/**
 * MANIFEST codec: 32-byte adapter id, then the manifest's canonical encoding filling the rest of
 * the frame (≤ 256 KiB; empty = "not held any more"). The bytes are passed through undecoded:
 * the session decodes and verifies them, so a bad manifest is a verification failure, not a
 * framing one.
 */
import { fail } from '../bytes.ts';
import { MessageType, WireLimits } from '../frame.ts';
import { HEADER, ID_BYTES, writeHeader, type MessageCodec } from './codec.ts';
import type { ManifestMessage } from './types.ts';

export const manifestCodec: MessageCodec<ManifestMessage> = {
  name: 'manifest',
  type: MessageType.MANIFEST,
  encodingLength: (m) => HEADER + ID_BYTES + m.manifest.length,
  encode(m, w) { writeHeader(w, MessageType.MANIFEST); w.hex32(m.id).raw(m.manifest); },
  decode(r) {
    const id = r.hex32('adapter id');
    if (r.remaining > WireLimits.manifest) fail('decode/bad-length', `manifest of ${r.remaining} bytes exceeds ${WireLimits.manifest}`);
    return { type: 'manifest', id, manifest: r.raw(r.remaining, 'manifest') };
  },
};
