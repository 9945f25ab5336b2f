/**
 * The two-node virtual-time pair harness (quinn-proto's `Pair`, h11's `ConnectionPair`): two
 * sessions joined by a fake link with one-way latency, per-direction bandwidth, MTU fragmentation
 * plus reassembly, and a `breakAt(bytes)` knob that cuts the link once that many bytes crossed it
 * (both sessions then get `link-lost`; frames still on the wire are lost). Several pairs can share
 * one VirtualClock to model a node in concurrent sessions. `drive()` is bounded.
 *
 * Link model simplification: a frame's packets are all handed to the reassembler when its last
 * packet arrives (the session only ever sees whole frames, so this is observationally the same).
 */
import { fragment, fragmentedLength, Reassembler } from '../../src/core/codec/fragment.ts';
import { maxFrameLength } from '../../src/core/codec/frame.ts';
import type { Capabilities } from '../../src/core/codec/messages/types.ts';
import type { Result } from '../../src/core/errors.ts';
import type { SessionLibrary } from '../../src/core/library/contract.ts';
import { drain, type SessionSink } from '../../src/core/session/drain.ts';
import { Session } from '../../src/core/session/session.ts';
import type { SessionEvent, SessionInput, TimerName } from '../../src/core/session/types.ts';
import type { Micros, NodeId } from '../../src/core/types.ts';
import { VirtualClock, type Scheduled } from './virtual-clock.ts';

export type Side = 'a' | 'b';
const other = (s: Side): Side => (s === 'a' ? 'b' : 'a');

export interface EndOptions {
  readonly nodeId: NodeId;
  readonly library: SessionLibrary;
  readonly capabilities?: Partial<Capabilities>;
  readonly timeouts?: Partial<Record<TimerName, Micros>>;
}

export interface LinkOptions {
  /** One-way latency (µs). Default 20 ms. */
  readonly latency?: Micros;
  /** Link packet size (20-512). Default 244. */
  readonly mtu?: number;
  /** Bytes per second in each direction; Infinity = no serialisation delay. Default 50 KB/s. */
  readonly bandwidth?: number;
  /** Cut the link once this many bytes (both directions, headers included) have crossed it. */
  readonly breakAt?: number;
  /** false: frames cross whole (no fragmentation; for throughput figures). Default true. */
  readonly fragment?: boolean;
}

interface Direction { busyUntil: Micros; readonly reassembler: Reassembler }

export class Pair {
  readonly a: Session;
  readonly b: Session;
  readonly events: Record<Side, SessionEvent[]> = { a: [], b: [] };
  /** Bytes put on the link (fragment headers and virtual payload included). */
  linkBytes = 0;
  /** Frame bytes handed to the link (virtual payload included). */
  frameBytes = 0;
  frames = 0;
  /** Frames and link bytes per message type byte. */
  readonly byType = new Map<number, { frames: number; linkBytes: number }>();
  brokenAt: Micros | undefined;
  onEvent: ((side: Side, event: SessionEvent) => void) | undefined;
  private breakLimit: number | undefined;
  private readonly latency: Micros;
  private readonly mtu: number;
  private readonly bandwidth: number;
  private readonly fragmenting: boolean;
  private readonly dirs: Record<Side, Direction>;
  private readonly timers: Record<Side, Scheduled | undefined> = { a: undefined, b: undefined };
  private readonly sinks: Record<Side, SessionSink>;
  private readonly closedSides = new Set<Side>();

  constructor(a: EndOptions, b: EndOptions, link: LinkOptions = {}, readonly clock = new VirtualClock()) {
    this.a = new Session(a);
    this.b = new Session(b);
    this.latency = link.latency ?? 20_000;
    this.mtu = link.mtu ?? 244;
    this.bandwidth = link.bandwidth ?? 50_000;
    this.fragmenting = link.fragment ?? true;
    this.breakLimit = link.breakAt;
    const dir = (s: Session): Direction => ({ busyUntil: 0, reassembler: new Reassembler({ maxFrame: maxFrameLength(s.config.capabilities.maxChunk), mtu: this.mtu }) });
    // packets travelling a→b are reassembled by b's reassembler, sized by b's limits
    this.dirs = { a: dir(this.b), b: dir(this.a) };
    this.sinks = { a: this.sink('a'), b: this.sink('b') };
  }

  session(side: Side): Session {
    return side === 'a' ? this.a : this.b;
  }

  /** Both sessions closed. */
  get done(): boolean {
    return this.closedSides.size === 2;
  }

  closedEvent(side: Side): Extract<SessionEvent, { type: 'closed' }> | undefined {
    return this.events[side].find((e): e is Extract<SessionEvent, { type: 'closed' }> => e.type === 'closed');
  }

  eventsOf<T extends SessionEvent['type']>(side: Side, type: T): Extract<SessionEvent, { type: T }>[] {
    return this.events[side].filter((e): e is Extract<SessionEvent, { type: T }> => e.type === type);
  }

  /** Cuts the link once `bytes` in total have crossed it. */
  breakAt(bytes: number): this {
    this.breakLimit = bytes;
    return this;
  }

  start(): this {
    this.input('a', { kind: 'command', at: this.clock.now, command: 'start' });
    this.input('b', { kind: 'command', at: this.clock.now, command: 'start' });
    return this;
  }

  /** Feeds one input to a side now and drains it. */
  input(side: Side, input: SessionInput): Result<void> {
    const r = this.session(side).handle(input);
    drain(this.session(side), this.sinks[side]);
    return r;
  }

  /** Runs the clock until both sessions closed (bounded). */
  drive(maxSteps = 5_000_000): this {
    this.clock.run(() => this.done, maxSteps);
    if (!this.done) throw new Error('pair: no events left but the sessions are not closed');
    return this;
  }

  private sink(side: Side): SessionSink {
    return {
      transmit: (bytes, virtualBytes) => this.transmit(side, bytes, virtualBytes),
      timer: (at) => {
        this.timers[side]?.cancel();
        this.timers[side] = at === null ? undefined : this.clock.schedule(at, () => this.input(side, { kind: 'timeout', at: this.clock.now }));
      },
      event: (event) => {
        this.events[side].push(event);
        if (event.type === 'closed') this.closedSides.add(side);
        this.onEvent?.(side, event);
      },
    };
  }

  private transmit(from: Side, bytes: Uint8Array, virtualBytes: number): void {
    if (this.brokenAt !== undefined) return;
    const frameLength = bytes.length + virtualBytes;
    const wire = this.fragmenting ? fragmentedLength(frameLength, this.mtu) : frameLength;
    const dir = this.dirs[from];
    const start = Math.max(this.clock.now, dir.busyUntil);
    const time = (n: number) => (this.bandwidth === Infinity ? 0 : Math.ceil((n * 1e6) / this.bandwidth));
    if (this.breakLimit !== undefined && this.linkBytes + wire > this.breakLimit) {
      const at = start + time(this.breakLimit - this.linkBytes);
      this.linkBytes = this.breakLimit;
      this.brokenAt = at;
      this.clock.schedule(at, () => this.cut());
      return;
    }
    this.linkBytes += wire;
    this.frameBytes += frameLength;
    this.frames++;
    const t = this.byType.get(bytes[1]!) ?? { frames: 0, linkBytes: 0 };
    t.frames++;
    t.linkBytes += wire;
    this.byType.set(bytes[1]!, t);
    dir.busyUntil = start + time(wire);
    const arrival = dir.busyUntil + this.latency;
    const to = other(from);
    const packets = this.fragmenting ? fragment(bytes, this.mtu) : [bytes];
    this.clock.schedule(arrival, () => this.deliver(to, packets, arrival));
  }

  private deliver(to: Side, packets: readonly Uint8Array[], at: Micros): void {
    if (this.brokenAt !== undefined && at > this.brokenAt) return;
    for (const p of packets) {
      let frame: Uint8Array | undefined = p;
      if (this.fragmenting) {
        const r = this.dirs[other(to)].reassembler.push(p);
        if (!r.ok) throw new Error(`pair: reassembly failed: ${r.error.code} ${r.error.message}`);
        frame = r.value;
      }
      if (frame) this.input(to, { kind: 'receive', at, bytes: frame });
    }
  }

  private cut(): void {
    for (const side of ['a', 'b'] as const) {
      if (!this.closedSides.has(side)) this.input(side, { kind: 'command', at: this.clock.now, command: 'link-lost' });
    }
  }
}

/** Runs a clock shared by several pairs until all are done. */
export function driveAll(clock: VirtualClock, pairs: readonly Pair[], maxSteps = 10_000_000): void {
  clock.run(() => pairs.every((p) => p.done), maxSteps);
  if (!pairs.every((p) => p.done)) throw new Error('driveAll: no events left but some sessions are open');
}
