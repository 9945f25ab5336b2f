/**
 * Link-level fragmentation: splits one frame into packets of at most `mtu` bytes and puts them
 * back together. Each packet starts with one flag byte; the first packet of a frame (START) also
 * carries the frame's total length as a varint, so continuations need no other header. The
 * `Reassembler` returns a Result per packet and never throws. Knows nothing of message contents.
 */
import { DecodeFailure, Reader, varintLength } from './bytes.ts';
import { err, ok, type Result } from '../errors.ts';

/** Flag bits of a fragment's first byte; all others must be zero. */
export const FragmentFlag = {
  /** First packet of a frame; a varint total frame length follows. */
  START: 0x01,
} as const;

/** The shared "frame not complete yet" answer (immutable, so sharing it is safe). */
const PENDING: Result<undefined> = Object.freeze({ ok: true as const, value: undefined });

export const MIN_MTU = 20;
export const MAX_MTU = 512;

function checkMtu(mtu: number): void {
  if (!Number.isInteger(mtu) || mtu < MIN_MTU || mtu > MAX_MTU) throw new RangeError(`mtu must be an integer ${MIN_MTU}-${MAX_MTU}, got ${mtu}`);
}

/** Number of link packets a frame of `frameLength` bytes takes at `mtu`. */
export function fragmentCount(frameLength: number, mtu: number): number {
  checkMtu(mtu);
  if (frameLength <= 0) return 0;
  const first = mtu - 1 - varintLength(frameLength);
  return frameLength <= first ? 1 : 1 + Math.ceil((frameLength - first) / (mtu - 1));
}

/** Bytes on the link (packets and their headers) for a frame of `frameLength` bytes at `mtu`. */
export function fragmentedLength(frameLength: number, mtu: number): number {
  const n = fragmentCount(frameLength, mtu);
  return n === 0 ? 0 : frameLength + n + varintLength(frameLength);
}

/** Splits a frame into packets of at most `mtu` bytes: one allocation, packets are views into it. */
export function fragment(frame: Uint8Array, mtu: number): Uint8Array[] {
  const n = fragmentCount(frame.length, mtu);
  const out = new Uint8Array(fragmentedLength(frame.length, mtu));
  const packets: Uint8Array[] = [];
  let o = 0;
  let src = 0;
  for (let i = 0; i < n; i++) {
    const start = o;
    if (i === 0) {
      out[o++] = FragmentFlag.START;
      let v = frame.length;
      while (v > 0x7f) { out[o++] = (v % 0x80) | 0x80; v = Math.floor(v / 0x80); }
      out[o++] = v;
    } else out[o++] = 0;
    const take = Math.min(frame.length - src, mtu - (o - start));
    out.set(frame.subarray(src, src + take), o);
    o += take;
    src += take;
    packets.push(out.subarray(start, o));
  }
  return packets;
}

export interface ReassemblerOptions {
  /** Largest frame accepted; a larger declared total fails with `frame/too-large`. */
  readonly maxFrame: number;
  /** When set, a packet longer than this fails with `frame/bad-fragment`. */
  readonly mtu?: number;
}

/**
 * Rebuilds frames from packets of one ordered link. `push` returns the completed frame (a fresh
 * buffer), `undefined` while a frame is incomplete, or a coded error (after which the partial
 * frame is dropped).
 */
export class Reassembler {
  private frame: Uint8Array | undefined;
  private filled = 0;

  constructor(private readonly options: ReassemblerOptions) {}

  /** True while a frame is partially received. */
  get pending(): boolean { return this.frame !== undefined; }

  reset(): void {
    this.frame = undefined;
    this.filled = 0;
  }

  private bad(message: string, code: 'frame/bad-fragment' | 'frame/too-large' = 'frame/bad-fragment'): Result<never> {
    this.reset();
    return err(code, message);
  }

  push(packet: Uint8Array): Result<Uint8Array | undefined> {
    if (packet.length < 2) return this.bad(`a fragment has a flag byte and data, got ${packet.length} bytes`);
    if (this.options.mtu !== undefined && packet.length > this.options.mtu) return this.bad(`fragment of ${packet.length} bytes exceeds the mtu ${this.options.mtu}`);
    const flags = packet[0]!;
    if ((flags & ~FragmentFlag.START) !== 0) return this.bad(`unknown fragment flags 0x${flags.toString(16)}`);
    if (flags & FragmentFlag.START) {
      if (this.frame) return this.bad('a new frame started before the previous one was complete');
      let total: number;
      let dataStart: number;
      try {
        const r = new Reader(packet);
        r.pos = 1;
        total = r.varint('frame length');
        dataStart = r.pos;
      } catch (e) {
        if (e instanceof DecodeFailure) return this.bad(`bad frame length: ${e.message}`);
        throw e;
      }
      if (total === 0) return this.bad('a frame has at least one byte');
      if (total > this.options.maxFrame) return this.bad(`frame of ${total} bytes exceeds the limit of ${this.options.maxFrame}`, 'frame/too-large');
      const data = packet.subarray(dataStart);
      if (data.length === 0) return this.bad('a start fragment carries no data');
      if (data.length > total) return this.bad(`fragment carries ${data.length} bytes of a ${total}-byte frame`);
      if (data.length === total) return ok(data.slice());
      this.frame = new Uint8Array(total);
      this.frame.set(data);
      this.filled = data.length;
      return PENDING;
    }
    if (!this.frame) return this.bad('a continuation fragment arrived without a start');
    const data = packet.subarray(1);
    if (this.filled + data.length > this.frame.length) return this.bad(`fragments overrun the declared frame length ${this.frame.length}`);
    this.frame.set(data, this.filled);
    this.filled += data.length;
    if (this.filled < this.frame.length) return PENDING;
    const done = this.frame;
    this.reset();
    return ok(done);
  }
}
