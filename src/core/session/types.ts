/**
 * Shapes of the handshake session's API: its states, inputs (frames, timeouts, commands), outputs
 * (frames to transmit, the next deadline, events), events and configuration with defaults.
 * Shapes only; behaviour lives in session.ts and the handler modules.
 */
import type { Capabilities, ByeReason } from '../codec/messages/types.ts';
import type { GossipError } from '../errors.ts';
import type { PeerView, SessionLibrary } from '../library/contract.ts';
import { ManifestLimits } from '../packet/manifest.ts';
import type { AdapterId, Micros, NodeId } from '../types.ts';
import { MICROS_PER_SECOND } from '../types.ts';

export type SessionState = 'new' | 'hello-sent' | 'ready' | 'done-sent' | 'peer-done' | 'closing' | 'closed';
export const SESSION_STATES: readonly SessionState[] = ['new', 'hello-sent', 'ready', 'done-sent', 'peer-done', 'closing', 'closed'];

export type TimerName = 'handshake' | 'request' | 'idle';
export const TIMER_NAMES: readonly TimerName[] = ['handshake', 'request', 'idle'];

/** Driver commands. `announce` tells a session that its node stored a chunk through another session. */
export type SessionCommand =
  | { readonly kind: 'command'; readonly at: Micros; readonly command: 'start' | 'close' | 'link-lost' }
  | { readonly kind: 'command'; readonly at: Micros; readonly command: 'announce'; readonly id: AdapterId; readonly index: number };
export type CommandName = SessionCommand['command'];

export type SessionInput =
  /** One whole frame (already reassembled). The session keeps views into it: do not reuse the buffer. */
  | { readonly kind: 'receive'; readonly at: Micros; readonly bytes: Uint8Array }
  | { readonly kind: 'timeout'; readonly at: Micros }
  | SessionCommand;

export type SessionOutput =
  /** A frame for the peer; `virtualBytes` is payload that a simulation counts but never materialises. */
  | { readonly kind: 'transmit'; readonly bytes: Uint8Array; readonly virtualBytes: number }
  /** The next deadline (null: none). The last output of every drain. */
  | { readonly kind: 'timer'; readonly at: Micros | null }
  | { readonly kind: 'event'; readonly event: SessionEvent };

export interface ChunkRef { readonly id: AdapterId; readonly index: number }

/** What a BYE told us. */
export interface PeerSummary { readonly reason: ByeReason; readonly reasonName: string; readonly sent: number; readonly received: number }

export type SessionEvent =
  | { readonly type: 'hello'; readonly peer: PeerView; readonly capabilities: Capabilities; readonly version: number }
  | { readonly type: 'transfer-started'; readonly id: AdapterId }
  | { readonly type: 'chunk-stored'; readonly id: AdapterId; readonly index: number; readonly bytes: number }
  | { readonly type: 'adapter-complete'; readonly id: AdapterId }
  /** Our library declined a manifest (untrusted, over budget, superseded...): the adapter is skipped. */
  | { readonly type: 'manifest-declined'; readonly id: AdapterId; readonly error: GossipError }
  /** Our library failed to store a verified chunk: the adapter is skipped for this session. */
  | { readonly type: 'transfer-aborted'; readonly id: AdapterId; readonly error: GossipError }
  /** The peer broke the protocol or sent unverifiable data; `flagged` when it was reported to the library. */
  | { readonly type: 'peer-misbehaved'; readonly error: GossipError; readonly flagged: boolean }
  /**
   * Always the last event. `error` is absent for a clean end (both done, a close command, or a
   * peer's BYE done/closed). `inFlight` lists requests left unanswered: nothing of them was stored.
   */
  | {
      readonly type: 'closed';
      readonly error?: GossipError;
      readonly sent: number;
      readonly received: number;
      readonly inFlight: readonly ChunkRef[];
      readonly manifestInFlight?: AdapterId;
      readonly peer?: PeerSummary;
    };

export interface SessionConfig {
  /** Our node id (Ed25519 public key, 64 hex chars). */
  readonly nodeId: NodeId;
  readonly library: SessionLibrary;
  readonly capabilities?: Partial<Capabilities>;
  readonly timeouts?: Partial<Record<TimerName, Micros>>;
}

export const DEFAULT_CAPABILITIES: Capabilities = { mtu: 244, maxChunk: ManifestLimits.maxChunk, maxInFlight: 4 };

/** handshake: HELLO (and the closing BYE) must arrive within; request: an answer to an outstanding
 *  request; idle: any frame from the peer. */
export const DEFAULT_TIMEOUTS: Readonly<Record<TimerName, Micros>> = {
  handshake: 10 * MICROS_PER_SECOND,
  request: 60 * MICROS_PER_SECOND,
  idle: 120 * MICROS_PER_SECOND,
};
