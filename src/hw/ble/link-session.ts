/**
 * Drives one core `Session` over one `LinkEndpoint` on the wall clock (the hardware counterpart of
 * the simulator's Encounter): frames from the session are cut with `fragment` to the link MTU,
 * packets from the link are rebuilt with a `Reassembler`, the session's single deadline becomes
 * one timer, and every output goes through the shared `drain`. Also:
 * - framing errors from the peer (bad fragments, oversized frames) end the session with that
 *   coded error (origin remote): a `peer-misbehaved` event, a BYE, and the link is closed;
 * - back-pressure: while the link holds more than `highWater` unsent bytes, incoming frames wait
 *   (the session would answer them with more data); a peer that queues more than `maxQueued`
 *   frames meanwhile is flooding and is cut off with `session/protocol-violation`;
 * - a lost link becomes the `link-lost` command; after the session closes, the link is closed
 *   once its queue has drained (the central closes; a peripheral waits for the central first).
 * Owns no policy: who connects and what to fetch are the node's and the library's business.
 */
import { fragment, Reassembler } from '../../core/codec/fragment.ts';
import { maxFrameLength } from '../../core/codec/frame.ts';
import { gossipError, type GossipError } from '../../core/errors.ts';
import type { Scheduler } from '../../core/ports.ts';
import { drain, type Session, type SessionEvent, type SessionInput, type SessionSink } from '../../core/session/index.ts';
import type { Micros } from '../../core/types.ts';
import type { LinkEndpoint } from './link-endpoint.ts';

export type ClosedEvent = Extract<SessionEvent, { type: 'closed' }>;

export interface LinkSessionOptions {
  readonly link: LinkEndpoint;
  readonly session: Session;
  readonly scheduler: Scheduler;
  /** Session events in order; the last is `closed` (with a framing error in `error` if one ended it). */
  readonly onEvent?: (event: SessionEvent) => void;
  /** Which end closes the link after the session: 'now' (central) or 'wait' for the peer (peripheral). */
  readonly closeLink?: 'now' | 'wait';
  /** Unsent bytes on the link above which incoming frames wait. Default 512 KiB. */
  readonly highWater?: number;
  /** Frames allowed to wait meanwhile. Default 4096. */
  readonly maxQueued?: number;
  /** How long a peripheral waits for the central to disconnect after the session. Default 2 s. */
  readonly lingerMicros?: Micros;
}

export class LinkSession {
  readonly done: Promise<ClosedEvent>;
  private resolveDone!: (e: ClosedEvent) => void;
  private readonly reassembler: Reassembler;
  private readonly inbox: Uint8Array[] = [];
  private cancelTimer: (() => void) | undefined;
  private cancelPoll: (() => void) | undefined;
  private started = false;
  private closedEvent: ClosedEvent | undefined;
  private framingError: GossipError | undefined;
  private readonly sink: SessionSink;

  constructor(private readonly o: LinkSessionOptions) {
    this.done = new Promise((r) => { this.resolveDone = r; });
    this.reassembler = new Reassembler({ maxFrame: maxFrameLength(o.session.config.capabilities.maxChunk) });
    this.sink = {
      transmit: (bytes) => { for (const p of fragment(bytes, o.link.mtu)) o.link.send(p); },
      timer: (at) => this.arm(at),
      event: (e) => this.event(e),
    };
    o.link.onPacket = (p) => this.packet(p);
    o.link.onClose = () => this.linkClosed();
  }

  get session(): Session { return this.o.session; }
  get isClosed(): boolean { return this.closedEvent !== undefined; }

  /** Sends HELLO; frames that arrived earlier are processed now. */
  start(): void {
    if (this.started || this.closedEvent) return;
    this.started = true;
    this.input({ kind: 'command', at: this.now(), command: 'start' });
    this.process();
  }

  /** Our node stored a chunk through another session. */
  announce(id: string, index: number): void {
    if (this.started && !this.closedEvent) this.input({ kind: 'command', at: this.now(), command: 'announce', id, index });
  }

  /** Ends the session now (BYE closed), then the link. */
  close(): void {
    if (this.closedEvent) return;
    if (!this.started) {
      this.o.link.close('closed before start');
      return;
    }
    this.input({ kind: 'command', at: this.now(), command: 'close' });
  }

  private now(): Micros {
    return this.o.scheduler.now();
  }

  private input(i: SessionInput): void {
    this.o.session.handle(i);
    drain(this.o.session, this.sink);
  }

  private packet(p: Uint8Array): void {
    if (this.closedEvent) return;
    const r = this.reassembler.push(p);
    if (!r.ok) return this.fail(r.error);
    if (!r.value) return;
    this.inbox.push(r.value);
    if (this.inbox.length > (this.o.maxQueued ?? 4096)) return this.fail(gossipError('session/protocol-violation', `the peer queued more than ${this.o.maxQueued ?? 4096} frames without reading our answers`, 'remote'));
    this.process();
  }

  /** Feeds waiting frames to the session unless the link is congested. */
  private process(): void {
    if (!this.started) return;
    while (this.inbox.length > 0 && !this.closedEvent) {
      if (this.o.link.bufferedAmount > (this.o.highWater ?? 512 * 1024)) return this.pollDrain();
      this.input({ kind: 'receive', at: this.now(), bytes: this.inbox.shift()! });
    }
  }

  private pollDrain(): void {
    if (this.cancelPoll) return;
    const s = this.o.scheduler;
    this.cancelPoll = s.at(s.now() + 5_000, () => {
      this.cancelPoll = undefined;
      this.process();
    });
  }

  private fail(error: GossipError): void {
    if (this.closedEvent || this.framingError) return;
    this.framingError = error;
    this.reassembler.reset();
    this.inbox.length = 0;
    this.o.onEvent?.({ type: 'peer-misbehaved', error, flagged: false });
    if (this.started) this.input({ kind: 'command', at: this.now(), command: 'close' });
    else this.o.link.close(error.code);
  }

  private arm(at: Micros | null): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    if (at === null || this.closedEvent) return;
    this.cancelTimer = this.o.scheduler.at(at, () => {
      this.cancelTimer = undefined;
      if (!this.closedEvent) this.input({ kind: 'timeout', at: Math.max(at, this.now()) });
    });
  }

  private event(e: SessionEvent): void {
    if (e.type !== 'closed') {
      this.o.onEvent?.(e);
      return;
    }
    const closed: ClosedEvent = this.framingError ? { ...e, error: this.framingError } : e;
    this.closedEvent = closed;
    this.cancelTimer?.();
    this.cancelPoll?.();
    this.o.onEvent?.(closed);
    this.closeLinkWhenDrained(this.now());
    this.resolveDone(closed);
  }

  private closeLinkWhenDrained(since: Micros): void {
    const link = this.o.link;
    const s = this.o.scheduler;
    if (link.closed) return;
    const waitPeer = this.o.closeLink === 'wait' && !this.framingError;
    const linger = this.o.lingerMicros ?? 2_000_000;
    const drained = link.bufferedAmount === 0;
    if (drained && !waitPeer) {
      // the last BYE is with the radio: give it a moment to cross before hanging up
      s.at(s.now() + 20_000, () => link.close('session closed'));
      return;
    }
    if (s.now() - since > (drained ? linger : Math.max(linger, 5_000_000))) {
      link.close('session closed');
      return;
    }
    s.at(s.now() + 10_000, () => this.closeLinkWhenDrained(since));
  }

  private linkClosed(): void {
    if (this.closedEvent) return;
    this.started = true; // a session that never started closes from 'new'
    this.inbox.length = 0;
    this.input({ kind: 'command', at: this.now(), command: 'link-lost' });
  }
}
