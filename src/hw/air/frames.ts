/**
 * Length-prefixed framing for the air server's unix sockets: every message is a u32 little-endian
 * length and that many bytes. The first message of a connection is a JSON hello naming the node
 * and device; every later one is one H4 packet. Knows nothing about HCI contents.
 */

export function frame(body: Uint8Array): Buffer {
  const b = Buffer.allocUnsafe(4 + body.length);
  b.writeUInt32LE(body.length, 0);
  b.set(body, 4);
  return b;
}

/** Largest message accepted (a hostile or broken peer cannot make us allocate more). */
export const MAX_FRAME = 64 * 1024;

/** Cuts a byte stream into messages; throws on a length above MAX_FRAME. */
export class FrameReader {
  private buf: Buffer = Buffer.alloc(0);

  push(chunk: Buffer, onFrame: (body: Buffer) => void): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    let off = 0;
    while (this.buf.length - off >= 4) {
      const len = this.buf.readUInt32LE(off);
      if (len > MAX_FRAME) throw new RangeError(`air frame of ${len} bytes exceeds ${MAX_FRAME}`);
      if (this.buf.length - off - 4 < len) break;
      onFrame(Buffer.from(this.buf.subarray(off + 4, off + 4 + len)));
      off += 4 + len;
    }
    this.buf = off === this.buf.length ? Buffer.alloc(0) : this.buf.subarray(off);
  }
}

export interface AirHello {
  readonly node: string;
  readonly devId: number;
}
