/**
 * The Gossip Handshake session (one encounter between two nodes) as a sans-I/O state machine in
 * the quinn-proto / h11 shape: `handle(input)` takes a frame, a timeout or a command at a given
 * time, `poll()` hands out what to transmit, events, and finally the next deadline. Dispatch goes
 * through the one transition table (transitions.ts); handlers live in lifecycle/fetch/serve.ts.
 * No clock, no I/O, no randomness: two sessions fed the same inputs produce the same outputs.
 */
import { encodeMessage, decodeMessage } from '../codec/messages/index.ts';
import type { ByeMessage, Capabilities, ChunkMessage, ChunkMissingMessage, ChunkRequestMessage, HaveMessage, HelloMessage, ManifestMessage, ManifestRequestMessage, Message } from '../codec/messages/types.ts';
import { WireLimits } from '../codec/frame.ts';
import { MAX_MTU, MIN_MTU } from '../codec/fragment.ts';
import { GossipFault, err, gossipError, ok, type GossipError, type Result } from '../errors.ts';
import type { PeerView, SessionLibrary } from '../library/contract.ts';
import { ManifestLimits } from '../packet/manifest.ts';
import type { AdapterId, InventoryEntry, Micros } from '../types.ts';
import { isVirtualBody } from '../types.ts';
import { closeWithError, type ResolvedConfig, type SessionCore } from './core.ts';
import { FetchState } from './fetch-state.ts';
import { onAnnounce, onChunk, onChunkMissing, onHave, onManifest } from './fetch.ts';
import { onBye, onClose, onHello, onLinkLost, onPeerDone, onTimeout, start } from './lifecycle.ts';
import type { PeerState } from './peer-state.ts';
import { serveChunk, serveManifest } from './serve.ts';
import { Timers } from './timers.ts';
import { TRANSITIONS, type HandlerName, type TableInput } from './transitions.ts';
import { DEFAULT_CAPABILITIES, DEFAULT_TIMEOUTS, type SessionConfig, type SessionEvent, type SessionInput, type SessionOutput, type SessionState } from './types.ts';

type Handler = (s: SessionCore, input: SessionInput, m: Message | undefined) => void;

const HANDLERS: Readonly<Record<HandlerName, Handler>> = {
  'start': (s) => start(s),
  'hello': (s, _i, m) => onHello(s, m as HelloMessage),
  'serve-manifest': (s, _i, m) => serveManifest(s, m as ManifestRequestMessage),
  'manifest': (s, _i, m) => onManifest(s, m as ManifestMessage),
  'serve-chunk': (s, _i, m) => serveChunk(s, m as ChunkRequestMessage),
  'chunk': (s, _i, m) => onChunk(s, m as ChunkMessage),
  'chunk-missing': (s, _i, m) => onChunkMissing(s, m as ChunkMissingMessage),
  'have': (s, _i, m) => onHave(s, m as HaveMessage),
  'peer-done': (s) => onPeerDone(s),
  'bye': (s, _i, m) => onBye(s, m as ByeMessage),
  'close': (s) => onClose(s),
  'link-lost': (s) => onLinkLost(s),
  'announce': (s, i) => { if (i.kind === 'command' && i.command === 'announce') onAnnounce(s, i.id, i.index); },
  'timeout': (s) => onTimeout(s),
};

function resolveConfig(config: SessionConfig): ResolvedConfig {
  const capabilities: Capabilities = { ...DEFAULT_CAPABILITIES, ...config.capabilities };
  const bad = (what: string) => { throw new GossipFault(gossipError('session/protocol-violation', `invalid session config: ${what}`, 'local')); };
  if (!/^[0-9a-f]{64}$/.test(config.nodeId)) bad('nodeId must be 64 lower-case hex chars');
  if (!Number.isInteger(capabilities.mtu) || capabilities.mtu < MIN_MTU || capabilities.mtu > MAX_MTU) bad(`mtu must be ${MIN_MTU}-${MAX_MTU}`);
  if (!Number.isInteger(capabilities.maxChunk) || capabilities.maxChunk < ManifestLimits.minChunk || capabilities.maxChunk > ManifestLimits.maxChunk) bad(`maxChunk must be ${ManifestLimits.minChunk}-${ManifestLimits.maxChunk}`);
  if (!Number.isInteger(capabilities.maxInFlight) || capabilities.maxInFlight < 1 || capabilities.maxInFlight > WireLimits.maxInFlight) bad(`maxInFlight must be 1-${WireLimits.maxInFlight}`);
  const timeouts = { ...DEFAULT_TIMEOUTS, ...config.timeouts };
  for (const [k, v] of Object.entries(timeouts)) if (!Number.isInteger(v) || v <= 0) bad(`timeout ${k} must be a positive integer (µs)`);
  return { nodeId: config.nodeId, capabilities, timeouts };
}

/** The mutable state handlers work on; never handed to drivers. */
class Core implements SessionCore {
  readonly timers = new Timers();
  readonly fetch = new FetchState();
  readonly stats = { sent: 0, received: 0 };
  readonly advertised = new Map<AdapterId, InventoryEntry>();
  now: Micros = 0;
  state: SessionState = 'new';
  peer: PeerState | undefined;
  peerBye: ByeMessage | undefined;
  readonly queue: SessionOutput[] = [];

  constructor(readonly config: ResolvedConfig, readonly library: SessionLibrary) {}

  send(m: Message): void {
    const virtualBytes = m.type === 'chunk' && isVirtualBody(m.body) ? m.body.length : 0;
    this.queue.push({ kind: 'transmit', bytes: encodeMessage(m), virtualBytes });
  }

  emit(event: SessionEvent): void {
    this.queue.push({ kind: 'event', event });
  }
}

export class Session {
  private readonly core: Core;
  private head = 0;
  private timerDue = false;

  constructor(config: SessionConfig) {
    this.core = new Core(resolveConfig(config), config.library);
  }

  get state(): SessionState { return this.core.state; }

  /** Capabilities, timeouts and node id in effect (defaults filled in). */
  get config(): ResolvedConfig { return this.core.config; }

  /** Chunks served to and received from the peer so far. */
  get stats(): { readonly sent: number; readonly received: number } { return { ...this.core.stats }; }

  /** The peer as its HELLO described it, once received. */
  get peerView(): PeerView | undefined { return this.core.peer?.view; }

  /** The peer's capabilities (e.g. to fragment at the smaller MTU), once its HELLO arrived. */
  get peerCapabilities(): Capabilities | undefined { return this.core.peer?.capabilities; }

  /** The earliest armed deadline, or null. */
  get nextDeadline(): Micros | null { return this.core.timers.next(); }

  /**
   * Feeds one input. Returns an error only for local misuse (origin 'local', state unchanged);
   * everything the peer does wrong is handled by closing the session with an event.
   */
  handle(input: SessionInput): Result<void> {
    const s = this.core;
    if (input.at > s.now) s.now = input.at;
    this.timerDue = true;
    let name: TableInput;
    let message: Message | undefined;
    if (input.kind === 'receive') {
      const decoded = decodeMessage(input.bytes);
      if (!decoded.ok) return this.badFrame(decoded.error);
      message = decoded.value;
      name = message.type;
    } else name = input.kind === 'timeout' ? 'timeout' : input.command;
    const rule = TRANSITIONS[s.state][name];
    switch (rule.kind) {
      case 'misuse': return err(rule.code, `${name} in state ${s.state}: ${rule.why}`, 'local');
      case 'ignore': return ok(undefined);
      case 'violation':
        closeWithError(s, gossipError(rule.code, `${name} in state ${s.state}: ${rule.why}`, 'remote'), { misbehaved: true });
        return ok(undefined);
      case 'handle':
        if (input.kind === 'receive' && s.state !== 'closing') s.timers.set('idle', s.now + s.config.timeouts.idle);
        HANDLERS[rule.handler](s, input, message);
        return ok(undefined);
    }
  }

  /** Next output: transmits and events in order, then one `timer` output, then undefined. */
  poll(): SessionOutput | undefined {
    const q = this.core.queue;
    if (this.head < q.length) {
      const o = q[this.head++]!;
      if (this.head === q.length) {
        q.length = 0;
        this.head = 0;
      }
      return o;
    }
    if (this.timerDue) {
      this.timerDue = false;
      return { kind: 'timer', at: this.core.timers.next() };
    }
    return undefined;
  }

  private badFrame(error: GossipError): Result<void> {
    const s = this.core;
    if (s.state === 'new') return err('session/unexpected-message', 'frames can only be received after start', 'local');
    if (s.state === 'closed') return err('session/closed', 'the session is closed', 'local');
    if (error.code === 'decode/bad-version' && s.state === 'hello-sent') {
      closeWithError(s, gossipError('session/incompatible-version', error.message, 'remote'));
    } else closeWithError(s, error, { misbehaved: true });
    return ok(undefined);
  }
}
