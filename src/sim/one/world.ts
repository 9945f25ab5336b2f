/**
 * The state of a ONE-compatible run and its mutations: links in opened order, message buffers in
 * insertion order, atomic transfers (one per node; a node with any transfer on any of its links is
 * busy), completion, abort. Every mutation that can let some host start a transfer marks that
 * host in `dirty`; the engine only updates marked hosts, which is what keeps it fast. It does not
 * decide what to send (epidemic.ts) nor when hosts update (engine.ts).
 */
import { UserError } from '../../cli/user-error.ts';
import { hasBit, setBit } from './bits.ts';
import { HostSet } from './host-set.ts';
import type { OneListener, PathNode } from './listener.ts';
import type { OneScenario } from './scenario.ts';

export interface Link {
  readonly a: number;
  readonly b: number;
  /** Bytes/s: the lower of the two ends' speeds. */
  readonly speed: number;
  up: boolean;
  transfer: Transfer | null;
}

export interface Transfer {
  readonly from: number;
  readonly to: number;
  readonly link: Link;
  readonly msg: number;
  /** `start + size / speed`. */
  readonly done: number;
  /** Before this time the transfer cannot be complete (a safe lower bound of the completion test). */
  readonly wake: number;
  /** The sender's copy's path; the receiver's copy extends it by the receiver. */
  readonly senderPath: PathNode;
  /** Index in the active-transfer list. */
  slot: number;
}

/** A message copy in a buffer; `receiveTime` orders the FIFO queue. */
export interface Copy {
  readonly msg: number;
  receiveTime: number;
  path: PathNode;
}

export const RCV_OK = 0;
export const RCV_BUSY = 1;
export const RCV_DENIED = -1;

export class OneWorld {
  readonly nHosts: number;
  readonly msgTo: Int32Array;
  readonly msgSize: Float64Array;
  /** Each host's open links, in the order they were opened. */
  readonly links: Link[][];
  /** Each host's buffer, in insertion order (The ONE's storage order). */
  readonly buffers: Copy[][];
  readonly sending: (Transfer | null)[];
  /** Hosts whose next update may start or finish something. */
  readonly dirty: HostSet;
  /** Earliest `wake` over active transfers. */
  minWake = Infinity;
  /**
   * Message bit sets, `words` 32-bit words per host (host h uses [h*words, (h+1)*words)):
   * `inBuffer` = copies held, `seen` = held or delivered here (offers of these are refused),
   * `destinedTo` = messages whose final destination is the host (fixed).
   */
  readonly words: number;
  readonly inBuffer: Uint32Array;
  readonly seen: Uint32Array;
  readonly destinedTo: Uint32Array;
  private readonly deliveredHere: Uint32Array;
  private readonly carry: Int32Array;
  private readonly used: Float64Array;
  private readonly outOfOrder: Uint8Array;
  private readonly active: Transfer[] = [];

  constructor(private readonly scn: OneScenario, private readonly out: OneListener) {
    const n = scn.hostNames.length;
    const m = scn.messages.ids.length;
    this.nHosts = n;
    this.msgTo = Int32Array.from(scn.messages.to);
    this.msgSize = Float64Array.from(scn.messages.size);
    this.links = Array.from({ length: n }, () => []);
    this.buffers = Array.from({ length: n }, () => []);
    this.sending = new Array<Transfer | null>(n).fill(null);
    this.dirty = new HostSet(n);
    this.carry = new Int32Array(n);
    this.used = new Float64Array(n);
    this.outOfOrder = new Uint8Array(n);
    const words = Math.max(1, Math.ceil(m / 32));
    this.words = words;
    this.inBuffer = new Uint32Array(n * words);
    this.seen = new Uint32Array(n * words);
    this.deliveredHere = new Uint32Array(n * words);
    this.destinedTo = new Uint32Array(n * words);
    for (let msg = 0; msg < m; msg++) setBit(this.destinedTo, (this.msgTo[msg] as number) * words, msg);
  }

  /** Sending, or any of its links carries a message (either direction). */
  busy(h: number): boolean {
    return this.sending[h] !== null || (this.carry[h] as number) > 0;
  }

  /** The open link between `a` and `b`, if any (a host has few links: a scan beats a map). */
  private linkBetween(a: number, b: number): Link | undefined {
    const la = this.links[a] as Link[];
    const lb = this.links[b] as Link[];
    const list = la.length <= lb.length ? la : lb;
    for (let i = 0; i < list.length; i++) {
      const l = list[i] as Link;
      if ((l.a === a && l.b === b) || (l.a === b && l.b === a)) return l;
    }
    return undefined;
  }

  /** `CONN a b up`: opens a link unless the pair already has one (then nothing happens, nothing is logged). */
  openLink(a: number, b: number, now: number): void {
    if (a === b || this.linkBetween(a, b) !== undefined) return;
    const sa = this.scn.speed[a] as number;
    const sb = this.scn.speed[b] as number;
    const link: Link = { a, b, speed: sa < sb ? sa : sb, up: true, transfer: null };
    (this.links[a] as Link[]).push(link);
    (this.links[b] as Link[]).push(link);
    this.out.connection(now, a, b, true);
    this.mark(a);
    this.mark(b);
  }

  /** `CONN a b down`: closes the pair's open link, if any. A transfer on it is aborted later, in its sender's update. */
  closeLink(a: number, b: number, now: number): void {
    const link = this.linkBetween(a, b);
    if (link === undefined) return;
    link.up = false;
    removeLink(this.links[link.a] as Link[], link);
    removeLink(this.links[link.b] as Link[], link);
    this.out.connection(now, a, b, false);
    this.mark(a);
    this.mark(b);
    const t = link.transfer;
    if (t !== null) {
      (this.carry[t.from] as number)--;
      (this.carry[t.to] as number)--;
      this.markFreed(t.to);
    }
  }

  /** `C` event: the message appears in its source's buffer. */
  createMessage(h: number, msg: number, now: number): void {
    this.addCopy(h, msg, now, { host: h, prev: null, hops: 0 });
    this.out.created(now, h, msg);
    this.markWithNeighbours(h);
  }

  /** The receiver's answer to an offer (The ONE's checkReceiving). */
  receiverCheck(r: number, msg: number): number {
    if (this.busy(r)) return RCV_BUSY;
    if (hasBit(this.seen, r * this.words, msg)) return RCV_DENIED;
    const size = this.msgSize[msg] as number;
    const cap = this.scn.bufferSize[r] as number;
    if (size > cap) return RCV_DENIED;
    if (cap - (this.used[r] as number) < size) throw this.overflow(r, msg);
    return RCV_OK;
  }

  startTransfer(from: number, to: number, link: Link, copy: Copy, now: number): void {
    const done = now + (this.msgSize[copy.msg] as number) / link.speed;
    const wake = done - 2 / link.speed - Math.abs(done) * 4 * Number.EPSILON;
    const t: Transfer = { from, to, link, msg: copy.msg, done, wake, senderPath: copy.path, slot: this.active.length };
    this.active.push(t);
    if (wake < this.minWake) this.minWake = wake;
    link.transfer = t;
    (this.carry[from] as number)++;
    (this.carry[to] as number)++;
    this.sending[from] = t;
    this.out.started(now, from, to, copy.msg);
    if (wake <= now) this.dirty.add(from);
  }

  /** Completion noticed in the sender's update: the receiver takes the message (or it is delivered). */
  finishTransfer(t: Transfer, now: number): void {
    this.endTransfer(t);
    if (t.link.up) {
      (this.carry[t.from] as number)--;
      (this.carry[t.to] as number)--;
    }
    const r = t.to;
    const path: PathNode = { host: r, prev: t.senderPath, hops: t.senderPath.hops + 1 };
    let kind: 'R' | 'D' | 'A';
    if (r === this.msgTo[t.msg]) {
      if (!hasBit(this.deliveredHere, r * this.words, t.msg)) {
        setBit(this.deliveredHere, r * this.words, t.msg);
        setBit(this.seen, r * this.words, t.msg);
        kind = 'D';
      } else {
        kind = 'A';
      }
    } else {
      this.addCopy(r, t.msg, now, path);
      kind = 'R';
    }
    this.out.transferred(now, t.from, r, t.msg, kind, path);
    this.markFreed(t.from);
    this.markWithNeighbours(r);
  }

  /** The sender noticed its link is gone before completion: all progress is lost. */
  abortTransfer(t: Transfer, now: number): void {
    this.endTransfer(t);
    this.out.aborted(now, t.from, t.to, t.msg);
    this.markFreed(t.from);
  }

  /** The buffer in FIFO order (by receive time, stable). */
  fifo(h: number): Copy[] {
    const buf = this.buffers[h] as Copy[];
    return this.outOfOrder[h] === 0 ? buf : buf.slice().sort((x, y) => x.receiveTime - y.receiveTime);
  }

  /** Marks every sender whose transfer may be complete at `now` (they stay due until their update finishes them). */
  markDue(now: number): void {
    const active = this.active;
    for (let i = 0; i < active.length; i++) {
      const t = active[i] as Transfer;
      if (t.wake <= now) this.dirty.add(t.from);
    }
  }

  private endTransfer(t: Transfer): void {
    const last = this.active.pop() as Transfer;
    if (last !== t) {
      this.active[t.slot] = last;
      last.slot = t.slot;
    }
    if (t.wake <= this.minWake) {
      let min = Infinity;
      const active = this.active;
      for (let i = 0; i < active.length; i++) {
        const w = (active[i] as Transfer).wake;
        if (w < min) min = w;
      }
      this.minWake = min;
    }
    t.link.transfer = null;
    this.sending[t.from] = null;
  }

  private addCopy(h: number, msg: number, now: number, path: PathNode): void {
    const buf = this.buffers[h] as Copy[];
    if (hasBit(this.inBuffer, h * this.words, msg)) {
      // The ONE's buffer is a map: a second copy replaces the first but keeps its place.
      const old = buf.find((c) => c.msg === msg) as Copy;
      old.receiveTime = now;
      old.path = path;
      if (old !== buf[buf.length - 1]) this.outOfOrder[h] = 1;
      return;
    }
    const size = this.msgSize[msg] as number;
    if ((this.used[h] as number) + size > (this.scn.bufferSize[h] as number)) throw this.overflow(h, msg);
    setBit(this.inBuffer, h * this.words, msg);
    setBit(this.seen, h * this.words, msg);
    this.used[h] = (this.used[h] as number) + size;
    buf.push({ msg, receiveTime: now, path });
  }

  private markWithNeighbours(h: number): void {
    this.mark(h);
    const links = this.links[h] as Link[];
    for (let i = 0; i < links.length; i++) {
      const l = links[i] as Link;
      this.mark(l.a === h ? l.b : l.a);
    }
  }

  /**
   * Marks `h` for an update unless that update is certainly a no-op: a host that is not sending
   * and holds no messages neither finishes, sends nor pulls (The ONE's canStartTransfer). Gaining
   * a message or a transfer marks it again.
   */
  private mark(h: number): void {
    if (this.sending[h] !== null || (this.buffers[h] as Copy[]).length > 0) this.dirty.add(h);
  }

  private markFreed(h: number): void {
    if (!this.busy(h)) this.markWithNeighbours(h);
  }

  private overflow(h: number, msg: number): UserError {
    return new UserError(
      `Group.bufferSize: host ${this.scn.hostNames[h]} would have to drop messages to take ${this.scn.messages.ids[msg]}; ` +
        'message drops are not supported in ONE-compatible mode (raise bufferSize)',
    );
  }
}

function removeLink(list: Link[], link: Link): void {
  const i = list.indexOf(link);
  if (i >= 0) list.splice(i, 1);
}
