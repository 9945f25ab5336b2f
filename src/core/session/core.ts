/**
 * The session's internal surface that the handler modules work on (state, library, timers, fetch
 * bookkeeping, peer) and the shared ways to end a session: a graceful close when both sides are
 * done, a close on error (with BYE, optional flagging of the peer), and the final `closed` event.
 * Handlers must end sessions only through these functions.
 */
import type { ByeMessage, Capabilities, Message } from '../codec/messages/types.ts';
import { BYE_REASON_NAMES, ByeReason } from '../codec/messages/types.ts';
import type { GossipError } from '../errors.ts';
import type { SessionLibrary } from '../library/contract.ts';
import type { AdapterId, InventoryEntry, Micros, NodeId } from '../types.ts';
import type { FetchState } from './fetch-state.ts';
import type { PeerState } from './peer-state.ts';
import type { Timers } from './timers.ts';
import type { SessionEvent, SessionState, TimerName } from './types.ts';

export interface ResolvedConfig {
  readonly nodeId: NodeId;
  readonly capabilities: Capabilities;
  readonly timeouts: Readonly<Record<TimerName, Micros>>;
}

export interface SessionCore {
  readonly config: ResolvedConfig;
  readonly library: SessionLibrary;
  readonly timers: Timers;
  readonly fetch: FetchState;
  readonly stats: { sent: number; received: number };
  /** Adapters we listed in our HELLO (the only ones a HAVE may name). */
  readonly advertised: Map<AdapterId, InventoryEntry>;
  now: Micros;
  state: SessionState;
  peer: PeerState | undefined;
  peerBye: ByeMessage | undefined;
  send(m: Message): void;
  emit(e: SessionEvent): void;
}

/** True while the session may still request from the peer. */
export function fetching(s: SessionCore): boolean {
  return s.state === 'ready' || s.state === 'peer-done';
}

function byeReasonFor(error: GossipError): ByeReason {
  if (error.origin === 'local') return error.code === 'session/timeout' ? ByeReason.TIMEOUT : ByeReason.LOCAL_ERROR;
  switch (error.code) {
    case 'session/incompatible-version': case 'decode/bad-version': return ByeReason.INCOMPATIBLE_VERSION;
    case 'session/self-connection': return ByeReason.SELF_CONNECTION;
    case 'session/peer-misbehaving': return ByeReason.REFUSED;
    case 'session/timeout': return ByeReason.TIMEOUT;
    default:
      if (error.code.startsWith('chunk/')) return ByeReason.BAD_CHUNK;
      if (error.code.startsWith('manifest/')) return ByeReason.BAD_MANIFEST;
      return ByeReason.PROTOCOL_VIOLATION;
  }
}

function sendBye(s: SessionCore, reason: ByeReason): void {
  s.send({ type: 'bye', reason, sent: s.stats.sent, received: s.stats.received });
}

/** Ends the session now: disarms timers and emits `closed` (always the last event). */
export function finish(s: SessionCore, error?: GossipError): void {
  if (s.state === 'closed') return;
  s.state = 'closed';
  s.timers.clearAll();
  const f = s.fetch;
  const bye = s.peerBye;
  s.emit({
    type: 'closed',
    ...(error ? { error } : {}),
    sent: s.stats.sent,
    received: s.stats.received,
    inFlight: [...f.inFlight.values()],
    ...(f.awaitingManifest !== undefined ? { manifestInFlight: f.awaitingManifest } : {}),
    ...(bye ? { peer: { reason: bye.reason, reasonName: BYE_REASON_NAMES[bye.reason], sent: bye.sent, received: bye.received } } : {}),
  });
}

export interface CloseOptions {
  /** Emit `peer-misbehaved` (the peer broke the protocol). */
  readonly misbehaved?: boolean;
  /** Report the peer to the library (`flagPeer`): forged or unverifiable data. */
  readonly flag?: boolean;
}

/** Ends the session because of `error`: optional misbehaviour report, a BYE saying why, `closed`. */
export function closeWithError(s: SessionCore, error: GossipError, options: CloseOptions = {}): void {
  if (s.state === 'closed') return;
  const flagged = options.flag === true && s.peer !== undefined;
  if (flagged) s.library.flagPeer(s.peer!.nodeId, error, s.now);
  if (options.misbehaved || flagged) s.emit({ type: 'peer-misbehaved', error, flagged });
  if (s.state !== 'new' && s.state !== 'closing') sendBye(s, byeReasonFor(error)); // in closing we already said BYE
  finish(s, error);
}

/** Ends the session at the driver's request: BYE(closed) unless nothing was ever sent. */
export function closeByCommand(s: SessionCore): void {
  if (s.state !== 'new' && s.state !== 'closing') sendBye(s, ByeReason.CLOSED);
  finish(s);
}

/** Sends DONE; when the peer is done too, says BYE and waits (handshake timer) for the peer's BYE. */
export function sendDone(s: SessionCore): void {
  s.send({ type: 'done' });
  s.timers.set('request', null);
  if (s.peer?.done) bothDone(s);
  else s.state = 'done-sent';
}

export function bothDone(s: SessionCore): void {
  sendBye(s, ByeReason.DONE);
  s.state = 'closing';
  s.timers.set('request', null);
  s.timers.set('idle', null);
  s.timers.set('handshake', s.now + s.config.timeouts.handshake);
}
