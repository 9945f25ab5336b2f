/**
 * Reads The ONE's external event files (StandardEventsReader text format): contact lines
 * `time CONN a b up|down [interface]` and message lines `time C id from to size [responseSize]`,
 * separated by spaces or tabs, `#` and blank lines skipped, sorted by time. Hosts are addresses
 * (`12`) or names ending in the address (`n12`). Bad lines give `file:line:col: message`.
 * Produces flat typed arrays for the engine; knows nothing about what the events do.
 */
import { UserError } from '../../cli/user-error.ts';

export const EV_UP = 0;
export const EV_DOWN = 1;
export const EV_CREATE = 2;

/** Events in application order. For CONN: `a`, `b` are the hosts as written; for C: `a` is the source, `b` the message index. */
export interface OneEventList {
  readonly count: number;
  readonly time: Float64Array;
  readonly kind: Uint8Array;
  readonly a: Int32Array;
  readonly b: Int32Array;
}

export interface OneMessageTable {
  readonly ids: readonly string[];
  readonly from: readonly number[];
  readonly to: readonly number[];
  readonly size: readonly number[];
}

/** Collects messages across event files and refuses a message id used twice. */
export class MessageTableBuilder implements OneMessageTable {
  readonly ids: string[] = [];
  readonly from: number[] = [];
  readonly to: number[] = [];
  readonly size: number[] = [];
  private readonly byId = new Map<string, string>();

  add(id: string, from: number, to: number, size: number, where: string): number {
    const first = this.byId.get(id);
    if (first !== undefined) throw new UserError(`${where}: message id ${id} was already created at ${first}; ids must be unique`);
    this.byId.set(id, where);
    this.ids.push(id);
    this.from.push(from);
    this.to.push(to);
    this.size.push(size);
    return this.ids.length - 1;
  }
}

const INT_RE = /^[+-]?\d+$/;
const MAX_TOKENS = 8;
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** Growable columns of parsed events. */
class EventColumns {
  count = 0;
  time = new Float64Array(1024);
  kind = new Uint8Array(1024);
  a = new Int32Array(1024);
  b = new Int32Array(1024);

  push(t: number, k: number, a: number, b: number): void {
    if (this.count === this.time.length) {
      const cap = this.count * 2;
      this.time = grow(this.time, new Float64Array(cap));
      this.kind = grow(this.kind, new Uint8Array(cap));
      this.a = grow(this.a, new Int32Array(cap));
      this.b = grow(this.b, new Int32Array(cap));
    }
    const i = this.count++;
    this.time[i] = t;
    this.kind[i] = k;
    this.a[i] = a;
    this.b[i] = b;
  }
}

/** One line being parsed: its tokens and where to point in error messages. */
class LineCursor {
  readonly starts = new Int32Array(MAX_TOKENS + 1);
  readonly ends = new Int32Array(MAX_TOKENS + 1);
  n = 0;
  lineNo = 0;
  lineStart = 0;
  lineEnd = 0;
  /** Where the next line starts. */
  pos = 0;
  /** Time of the previous event (files must be sorted). */
  prevTime = -Infinity;

  constructor(readonly text: string, readonly file: string) {}

  tok(k: number): string {
    return this.text.slice(this.starts[k], this.ends[k]);
  }

  fail(k: number, msg: string): never {
    const col = (k < this.n ? (this.starts[k] as number) : this.lineEnd) - this.lineStart + 1;
    throw new UserError(`${this.file}:${this.lineNo}:${col}: ${msg}`);
  }

  failTime(prevTime: number): never {
    const t = this.tok(0);
    if (Number(t) < 0) this.fail(0, `negative time ${t}`);
    this.fail(0, `events must be sorted by time: ${t} comes after ${prevTime}`);
  }

  /** Token `k` as a host address: digits, optionally after lowercase letters (`12`, `n12`). */
  host(k: number, nHosts: number): number {
    if (k >= this.n) this.fail(k, 'missing host address');
    const text = this.text;
    const s = this.starts[k] as number;
    const e = this.ends[k] as number;
    let i = s;
    while (i < e && text.charCodeAt(i) >= 97 && text.charCodeAt(i) <= 122) i++;
    let addr = 0;
    const digitsStart = i;
    for (; i < e; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      addr = addr * 10 + c;
    }
    if (i !== e || digitsStart === e) this.fail(k, `invalid host '${this.tok(k)}' (expected an address like 12 or n12)`);
    if (addr >= nHosts) this.fail(k, `host ${this.tok(k)} does not exist (the settings define ${nHosts} hosts, addresses 0..${nHosts - 1})`);
    return addr;
  }

  /** Token 0 as a time: a plain decimal (optionally with exponent), parsed exactly like Java's parseDouble. */
  time(): number {
    const text = this.text;
    const s = this.starts[0] as number;
    const e = this.ends[0] as number;
    // Fast path: digits[.digits] with ≤ 15 significant digits is one exact division (correctly rounded).
    let mant = 0;
    let digits = 0;
    let frac = -1;
    let i = s;
    for (; i < e; i++) {
      const c = text.charCodeAt(i);
      if (c === 46 /* . */ && frac < 0) frac = 0;
      else if (c >= 48 && c <= 57) {
        mant = mant * 10 + (c - 48);
        if (mant > 0) digits++;
        if (frac >= 0) frac++;
      } else break;
    }
    if (i === e && digits <= 15 && frac <= 22 && i > s && !(frac === 0 && e - s === 1)) return frac > 0 ? mant / (POW10[frac] as number) : mant;
    const t = this.tok(0);
    if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) this.fail(0, `invalid time '${t}' (expected a number of seconds)`);
    return Number(t);
  }
}

/**
 * The common contact line (`time CONN a b up|down [iface]`, plain decimal time), matched by one
 * sticky regular expression: native matching is much faster than a character loop in a short-lived
 * process. Any other line (comments, messages, odd spacing, errors) goes through `parseLine`.
 */
const FAST_CONN = String.raw`[ \t]*(\d+(?:\.\d*)?)[ \t]+CONN[ \t]+[a-z]*(\d+)[ \t]+[a-z]*(\d+)[ \t]+(up|down)(?:[ \t]+[^ \t\r\n]+)?[ \t]*\r?(?:\n|$)`;

/** Parses one event file's text. `nHosts` bounds the addresses; messages are added to `messages`. */
export function parseEventsText(text: string, file: string, nHosts: number, messages: MessageTableBuilder): OneEventList {
  const out = new EventColumns();
  const cur = new LineCursor(text, file);
  const fast = new RegExp(FAST_CONN, 'y');
  const len = text.length;
  while (cur.pos < len) {
    fast.lastIndex = cur.pos;
    const m = fast.exec(text);
    if (m !== null) {
      const t = Number(m[1]);
      const a = Number(m[2]);
      const b = Number(m[3]);
      if (t >= cur.prevTime && a < nHosts && b < nHosts) {
        out.push(t, m[4] === 'up' ? EV_UP : EV_DOWN, a, b);
        cur.prevTime = t;
        cur.lineNo++;
        cur.pos = fast.lastIndex;
        continue;
      }
    }
    parseLine(cur, nHosts, messages, out); // also reports every error with its position
  }
  return { count: out.count, time: out.time, kind: out.kind, a: out.a, b: out.b };
}

/** Parses the line at `cur.pos` token by token and moves `cur.pos` past it. */
function parseLine(cur: LineCursor, nHosts: number, messages: MessageTableBuilder, out: EventColumns): void {
  const { text, starts, ends } = cur;
  const len = text.length;
  cur.lineNo++;
  let eol = text.indexOf('\n', cur.pos);
  if (eol < 0) eol = len;
  const lineStart = cur.pos;
  let lineEnd = eol;
  if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
  cur.pos = eol + 1;
  let n = 0;
  for (let i = lineStart; i < lineEnd;) {
    let c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    if (n > MAX_TOKENS) break;
    starts[n] = i;
    while (i < lineEnd && (c = text.charCodeAt(i)) !== 32 && c !== 9) i++;
    ends[n++] = i;
  }
  if (n === 0 || text.charCodeAt(starts[0] as number) === 35 /* # */) return;
  cur.n = n;
  cur.lineStart = lineStart;
  cur.lineEnd = lineEnd;

  const t = cur.time();
  if (t < 0 || t < cur.prevTime) cur.failTime(cur.prevTime);
  cur.prevTime = t;
  if (n < 2) cur.fail(1, 'missing action (CONN or C)');
  const s1 = starts[1] as number;
  const e1 = ends[1] as number;
  if (e1 - s1 === 4 && text.startsWith('CONN', s1)) {
    const a = cur.host(2, nHosts);
    const b = cur.host(3, nHosts);
    if (n < 5) cur.fail(4, 'missing up|down');
    const s4 = starts[4] as number;
    const l4 = (ends[4] as number) - s4;
    let kind = EV_UP;
    if (l4 === 4 && text.startsWith('down', s4)) kind = EV_DOWN;
    else if (!(l4 === 2 && text.startsWith('up', s4))) cur.fail(4, `expected up or down, got '${cur.tok(4)}'`);
    if (n > 6) cur.fail(6, 'unexpected text after the interface id');
    out.push(t, kind, a, b);
  } else if (e1 - s1 === 1 && text.charCodeAt(s1) === 67 /* C */) {
    parseCreate(cur, t, nHosts, messages, out);
  } else {
    cur.fail(1, `action '${cur.tok(1)}' is not supported in ONE-compatible mode (supported: CONN, C)`);
  }
}

/** The rest of a `time C id from to size [responseSize]` line (kept out of the hot CONN loop). */
function parseCreate(cur: LineCursor, t: number, nHosts: number, messages: MessageTableBuilder, out: EventColumns): void {
  const n = cur.n;
  if (n < 3) cur.fail(2, 'missing message id');
  const id = cur.tok(2);
  const from = cur.host(3, nHosts);
  const to = cur.host(4, nHosts);
  if (n < 6) cur.fail(5, 'missing message size in bytes');
  const sizeText = cur.tok(5);
  const size = Number(sizeText);
  if (!INT_RE.test(sizeText) || size < 0 || size > 2147483647) cur.fail(5, `invalid message size '${sizeText}' (expected whole bytes)`);
  if (n > 6) {
    const resp = cur.tok(6);
    if (!INT_RE.test(resp)) cur.fail(6, `invalid response size '${resp}'`);
    if (Number(resp) !== 0) cur.fail(6, 'response messages (responseSize > 0) are not supported in ONE-compatible mode');
  }
  if (n > 7) cur.fail(7, 'unexpected text after the response size');
  out.push(t, EV_CREATE, from, messages.add(id, from, to, size, `${cur.file}:${cur.lineNo}`));
}

function grow<T extends Float64Array | Uint8Array | Int32Array>(old: T, bigger: T): T {
  bigger.set(old as never);
  return bigger;
}

/**
 * Merges sorted event lists into one application order: by time, and at equal times the
 * earlier file (`Events1` before `Events2`) first, keeping file order within a file.
 */
export function mergeEventLists(lists: readonly OneEventList[]): OneEventList {
  const nonEmpty = lists.filter((l) => l.count > 0);
  if (nonEmpty.length === 1) return nonEmpty[0] as OneEventList;
  const total = lists.reduce((s, l) => s + l.count, 0);
  const out = { count: total, time: new Float64Array(total), kind: new Uint8Array(total), a: new Int32Array(total), b: new Int32Array(total) };
  const idx = lists.map(() => 0);
  let k = 0;
  while (k < total) {
    // the list whose head comes first (earliest time, then lowest index) ...
    let best = -1;
    for (let f = 0; f < lists.length; f++) {
      const l = lists[f] as OneEventList;
      const i = idx[f] as number;
      if (i < l.count && (best < 0 || (l.time[i] as number) < ((lists[best] as OneEventList).time[idx[best] as number] as number))) best = f;
    }
    // ... gives a run up to the next head of another list
    let bound = Infinity;
    let boundList = lists.length;
    for (let f = 0; f < lists.length; f++) {
      const l = lists[f] as OneEventList;
      const i = idx[f] as number;
      if (f === best || i >= l.count) continue;
      const t = l.time[i] as number;
      if (t < bound || (t === bound && f < boundList)) {
        bound = t;
        boundList = f;
      }
    }
    const l = lists[best] as OneEventList;
    const from = idx[best] as number;
    let to = from;
    while (to < l.count && ((l.time[to] as number) < bound || ((l.time[to] as number) === bound && best < boundList))) to++;
    out.time.set(l.time.subarray(from, to), k);
    out.kind.set(l.kind.subarray(from, to), k);
    out.a.set(l.a.subarray(from, to), k);
    out.b.set(l.b.subarray(from, to), k);
    k += to - from;
    idx[best] = to;
  }
  return out;
}
