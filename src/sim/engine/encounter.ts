/**
 * One encounter in the simulator: two real core sessions (one per node) joined by a modelled BLE
 * connection on the kernel's virtual clock. Frames are serialised on the connection at its drawn
 * goodput (fragment headers included, payload of virtual chunks counted but never materialised);
 * each session's timer table is mirrored by one kernel event; the connection ends when the
 * sessions finish, the contact is lost, a device switches off, or the link drops. Everything the
 * sessions report goes to the `EncounterHooks` (metrics and node bookkeeping). Owns no policy.
 */
import { drain, type Session, type SessionEvent } from '../../core/session/index.ts';
import type { Micros } from '../../core/types.ts';
import type { EventHandle, Kernel } from '../kernel/index.ts';
import { Priority } from '../kernel/index.ts';

export interface EncounterEnd {
  /** Why the connection ended: both sessions finished, or the link was cut. */
  readonly cause: 'finished' | 'link-lost';
}

export interface EncounterHooks {
  /** A session event of side `side` (0 = node a, 1 = node b). */
  event(side: 0 | 1, event: SessionEvent, at: Micros): void;
  /** The encounter is over (after both sessions reported `closed`). */
  ended(end: EncounterEnd, at: Micros): void;
}

export interface EncounterOptions {
  readonly kernel: Kernel;
  readonly sessions: readonly [Session, Session];
  /** Airtime of a frame of `bytes` (payload included) on this connection. */
  readonly airtime: (bytes: number) => Micros;
  readonly hooks: EncounterHooks;
}

export class Encounter {
  private busyUntil: Micros = 0;
  private readonly timers: [EventHandle | null, EventHandle | null] = [null, null];
  private readonly closed: [boolean, boolean] = [false, false];
  private readonly inFlight = new Set<EventHandle>();
  private over = false;
  private cut = false;

  constructor(private readonly o: EncounterOptions) {}

  get finished(): boolean {
    return this.over;
  }

  start(at: Micros): void {
    for (const side of [0, 1] as const) this.input(side, { kind: 'command', at, command: 'start' });
  }

  /** Tells one side's session that its node stored a chunk through another encounter. */
  announce(side: 0 | 1, id: string, index: number, at: Micros): void {
    if (!this.closed[side]) this.input(side, { kind: 'command', at, command: 'announce', id, index });
  }

  /** Cuts the connection now (contact lost, device off, link drop): both sessions see link-lost. */
  linkLost(at: Micros): void {
    if (this.over) return;
    this.cut = true;
    for (const h of this.inFlight) this.o.kernel.cancel(h);
    this.inFlight.clear();
    for (const side of [0, 1] as const) if (!this.closed[side]) this.input(side, { kind: 'command', at, command: 'link-lost' });
  }

  /** One sink per side, built once: `now` carries the time of the input being drained. */
  private now: Micros = 0;
  private readonly sinks = ([0, 1] as const).map((side) => ({
    transmit: (bytes: Uint8Array, virtualBytes: number) => this.transmit(side, bytes, virtualBytes, this.now),
    timer: (deadline: Micros | null) => this.timer(side, deadline),
    event: (e: SessionEvent) => this.onEvent(side, e, this.now),
  }));

  private input(side: 0 | 1, input: Parameters<Session['handle']>[0]): void {
    const s = this.o.sessions[side];
    const outer = this.now;
    this.now = input.at;
    s.handle(input);
    drain(s, this.sinks[side]!);
    this.now = outer;
  }

  private transmit(from: 0 | 1, bytes: Uint8Array, virtualBytes: number, at: Micros): void {
    if (this.cut) return;
    const start = Math.max(at, this.busyUntil);
    const arrival = start + this.o.airtime(bytes.length + virtualBytes);
    this.busyUntil = arrival;
    const to = (1 - from) as 0 | 1;
    const h = this.o.kernel.schedule(arrival, Priority.NORMAL, () => {
      this.inFlight.delete(h);
      if (!this.closed[to]) this.input(to, { kind: 'receive', at: arrival, bytes });
    }, 'frame');
    this.inFlight.add(h);
  }

  private timer(side: 0 | 1, deadline: Micros | null): void {
    const k = this.o.kernel;
    const old = this.timers[side];
    if (old) k.cancel(old);
    this.timers[side] = null;
    if (deadline === null || this.closed[side]) return;
    const at = Math.max(deadline, k.now);
    this.timers[side] = k.schedule(at, Priority.NORMAL, () => {
      this.timers[side] = null;
      if (!this.closed[side]) this.input(side, { kind: 'timeout', at });
    }, 'session-timer');
  }

  private onEvent(side: 0 | 1, e: SessionEvent, at: Micros): void {
    this.o.hooks.event(side, e, at);
    if (e.type !== 'closed') return;
    this.closed[side] = true;
    const t = this.timers[side];
    if (t) this.o.kernel.cancel(t);
    this.timers[side] = null;
    if (this.closed[0] && this.closed[1] && !this.over) {
      this.over = true;
      for (const h of this.inFlight) this.o.kernel.cancel(h);
      this.inFlight.clear();
      this.o.hooks.ended({ cause: this.cut ? 'link-lost' : 'finished' }, at);
    } else if (!this.cut) {
      // One side closed (BYE sent or an error): the other learns it from the frames in flight;
      // if none reach it, it times out. Nothing to do here.
    }
  }
}
