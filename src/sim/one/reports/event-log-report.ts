/**
 * The ONE's EventLogReport: one line per event, in the order events happen, times printed with
 * Java's `Double.toString` (`605.0`, `622.400000000073`). A long run has >100k lines, so events
 * are recorded as compact columns while the engine runs and turned into bytes in one pass at the
 * end. Only observes.
 */
import { javaDoubleToString } from '../java-format.ts';
import type { OneListener, PathNode, TransferKind } from '../listener.ts';

const K_UP = 0;
const K_DOWN = 1;
const K_CREATE = 2;
const K_START = 3;
const K_RELAYED = 4;
const K_DELIVERED = 5;
const K_AGAIN = 6;
const K_ABORT = 7;
/** Line middles and ends by record kind: `<time><head><host1>[ <host2>][ <id>]<tail>` (host2 unless C, id unless CONN). */
const HEADS = [' CONN ', ' CONN ', ' C ', ' S ', ' DE ', ' DE ', ' DE ', ' A '];
const TAILS = [' up\n', ' down\n', '\n', '\n', ' R\n', ' D\n', ' A\n', '\n'];

/** Strings as UTF-8 bytes packed into one array, addressed by index. */
class PackedStrings {
  readonly bytes: Uint8Array;
  readonly start: Int32Array;

  constructor(strings: readonly string[]) {
    const encoded = strings.map((s) => Buffer.from(s, 'utf8'));
    this.start = new Int32Array(strings.length + 1);
    let total = 0;
    for (let i = 0; i < encoded.length; i++) {
      this.start[i] = total;
      total += (encoded[i] as Buffer).length;
    }
    this.start[encoded.length] = total;
    this.bytes = new Uint8Array(total);
    for (let i = 0; i < encoded.length; i++) this.bytes.set(encoded[i] as Buffer, this.start[i]);
  }
}

function longest(ps: PackedStrings): number {
  let max = 0;
  for (let i = 0; i + 1 < ps.start.length; i++) max = Math.max(max, (ps.start[i + 1] as number) - (ps.start[i] as number));
  return max;
}

function growBytes(out: Uint8Array, used: number): Uint8Array {
  const bigger = new Uint8Array(out.length * 2);
  bigger.set(out.subarray(0, used));
  return bigger;
}

export class EventLogReport implements OneListener {
  private n = 0;
  private kind = new Uint8Array(4096);
  private time = new Float64Array(4096);
  private a = new Int32Array(4096);
  private b = new Int32Array(4096);
  private m = new Int32Array(4096);

  constructor(private readonly names: readonly string[], private readonly ids: readonly string[]) {}

  private record(kind: number, now: number, a: number, b: number, m: number): void {
    if (this.n === this.kind.length) this.grow();
    const i = this.n++;
    this.kind[i] = kind;
    this.time[i] = now;
    this.a[i] = a;
    this.b[i] = b;
    this.m[i] = m;
  }

  private grow(): void {
    const cap = this.kind.length * 2;
    const k = new Uint8Array(cap); k.set(this.kind); this.kind = k;
    const t = new Float64Array(cap); t.set(this.time); this.time = t;
    const a = new Int32Array(cap); a.set(this.a); this.a = a;
    const b = new Int32Array(cap); b.set(this.b); this.b = b;
    const m = new Int32Array(cap); m.set(this.m); this.m = m;
  }

  connection(now: number, a: number, b: number, up: boolean): void {
    this.record(up ? K_UP : K_DOWN, now, a, b, 0);
  }

  created(now: number, host: number, msg: number): void {
    this.record(K_CREATE, now, host, 0, msg);
  }

  started(now: number, from: number, to: number, msg: number): void {
    this.record(K_START, now, from, to, msg);
  }

  transferred(now: number, from: number, to: number, msg: number, kind: TransferKind, _path: PathNode): void {
    this.record(kind === 'R' ? K_RELAYED : kind === 'D' ? K_DELIVERED : K_AGAIN, now, from, to, msg);
  }

  aborted(now: number, from: number, to: number, msg: number): void {
    this.record(K_ABORT, now, from, to, msg);
  }

  finished(): void {}

  get lineCount(): number {
    return this.n;
  }

  /** The report as UTF-8 bytes. */
  bytes(): Uint8Array {
    const names = new PackedStrings(this.names);
    const ids = new PackedStrings(this.ids);
    const heads = new PackedStrings(HEADS);
    const tails = new PackedStrings(TAILS);
    const maxLine = 32 + longest(heads) + 2 * longest(names) + longest(ids) + longest(tails) + 2;
    let out: Uint8Array = new Uint8Array(Math.max(4 * maxLine, this.n * 40));
    let p = 0;
    let lastTime = NaN;
    let timeText = '';
    const { n, kind, time, a, b, m } = this;
    const nb = names.bytes;
    const ns = names.start;
    const ib = ids.bytes;
    const is = ids.start;
    for (let i = 0; i < n; i++) {
      if (out.length - p < maxLine) out = growBytes(out, p);
      const t = time[i] as number;
      if (t !== lastTime) {
        lastTime = t;
        timeText = javaDoubleToString(t);
      }
      for (let c = 0; c < timeText.length; c++) out[p++] = timeText.charCodeAt(c); // ASCII digits
      const k = kind[i] as number;
      for (let c = heads.start[k] as number, e = heads.start[k + 1] as number; c < e; c++) out[p++] = heads.bytes[c] as number;
      const ha = a[i] as number;
      for (let c = ns[ha] as number, e = ns[ha + 1] as number; c < e; c++) out[p++] = nb[c] as number;
      if (k !== K_CREATE) {
        const hb = b[i] as number;
        out[p++] = 32;
        for (let c = ns[hb] as number, e = ns[hb + 1] as number; c < e; c++) out[p++] = nb[c] as number;
      }
      if (k >= K_CREATE) {
        const id = m[i] as number;
        out[p++] = 32;
        for (let c = is[id] as number, e = is[id + 1] as number; c < e; c++) out[p++] = ib[c] as number;
      }
      for (let c = tails.start[k] as number, e = tails.start[k + 1] as number; c < e; c++) out[p++] = tails.bytes[c] as number;
    }
    return out.subarray(0, p);
  }

  render(): string {
    const b = this.bytes();
    return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8');
  }
}
