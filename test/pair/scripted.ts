/**
 * A session driven by hand: the test plays the peer by feeding encoded messages and reads back
 * what the session transmitted (decoded) and emitted. `sessionIn(state)` brings a fresh session
 * to any state of the transition table, for the state × input properties.
 */
import { decodeMessage, encodeMessage } from '../../src/core/codec/messages/index.ts';
import { SUPPORTED_VERSIONS } from '../../src/core/codec/frame.ts';
import type { HelloMessage, Message } from '../../src/core/codec/messages/types.ts';
import type { Result } from '../../src/core/errors.ts';
import { drain } from '../../src/core/session/drain.ts';
import { Session } from '../../src/core/session/session.ts';
import type { SessionConfig, SessionEvent, SessionInput, SessionState } from '../../src/core/session/types.ts';
import type { BuiltPacket } from '../../src/core/packet/packet.ts';
import type { InventoryEntry, Micros, NodeId } from '../../src/core/types.ts';
import { chunkCount } from '../../src/core/types.ts';
import { nodeIdOf, packetOf } from './fixtures.ts';
import { SimpleLibrary } from './simple-library.ts';

export interface Step {
  readonly result: Result<void>;
  readonly sent: Message[];
  readonly events: SessionEvent[];
  readonly timer: Micros | null | undefined;
}

export class Scripted {
  readonly session: Session;
  now: Micros = 0;

  constructor(config: SessionConfig) {
    this.session = new Session(config);
  }

  feed(input: SessionInput): Step {
    const result = this.session.handle(input);
    const sent: Message[] = [];
    const events: SessionEvent[] = [];
    let timer: Micros | null | undefined;
    drain(this.session, {
      transmit: (bytes) => {
        const d = decodeMessage(bytes);
        if (!d.ok) throw new Error(`session transmitted an undecodable frame: ${d.error.message}`);
        sent.push(d.value);
      },
      timer: (at) => { timer = at; },
      event: (e) => events.push(e),
    });
    return { result, sent, events, timer };
  }

  command(command: 'start' | 'close' | 'link-lost'): Step {
    return this.feed({ kind: 'command', at: this.now, command });
  }

  receive(m: Message): Step {
    return this.feed({ kind: 'receive', at: this.now, bytes: encodeMessage(m) });
  }

  get state(): SessionState {
    return this.session.state;
  }
}

export function entryOf(p: BuiltPacket, held: 'all' | 'none' | readonly number[] = 'all'): InventoryEntry {
  const m = p.manifest;
  const n = chunkCount(m);
  const have = new Uint8Array(Math.ceil(n / 8));
  const idx = held === 'all' ? Array.from({ length: n }, (_, i) => i) : held === 'none' ? [] : held;
  for (const i of idx) have[i >> 3]! |= 1 << (i & 7);
  return { id: p.id, publisher: m.publisher, name: m.name, version: m.version, domain: m.domain, size: m.size, chunkSize: m.chunkSize, have };
}

export function helloFrom(nodeId: NodeId, inventory: readonly InventoryEntry[] = [], maxInFlight = 4): HelloMessage {
  return { type: 'hello', versions: SUPPORTED_VERSIONS, nodeId, capabilities: { mtu: 244, maxChunk: 1 << 20, maxInFlight }, inventory };
}

/** The standard cast: we hold P (complete); the peer holds Q (complete), which we lack. */
export function cast() {
  const P = packetOf(10_000, 1024, 'ours').packet;
  const Q = packetOf(5_000, 1024, 'theirs').packet;
  const library = new SimpleLibrary().add(P);
  const me = nodeIdOf('me');
  const peer = nodeIdOf('peer');
  return { P, Q, library, me, peer };
}

/**
 * A session of the standard cast brought to `state`:
 * ready = the peer advertised Q (we asked for its manifest); done-sent = the peer advertised
 * nothing; peer-done = ready + the peer's DONE; closing = done-sent + the peer's DONE.
 */
export function sessionIn(state: SessionState, c = cast()): Scripted {
  const s = new Scripted({ nodeId: c.me, library: c.library });
  const steps: Record<SessionState, () => void> = {
    'new': () => {},
    'hello-sent': () => s.command('start'),
    'ready': () => { s.command('start'); s.receive(helloFrom(c.peer, [entryOf(c.Q)])); },
    'done-sent': () => { s.command('start'); s.receive(helloFrom(c.peer, [])); },
    'peer-done': () => { steps.ready(); s.receive({ type: 'done' }); },
    'closing': () => { steps['done-sent'](); s.receive({ type: 'done' }); },
    'closed': () => { s.command('start'); s.command('close'); },
  };
  steps[state]();
  if (s.state !== state) throw new Error(`could not reach ${state}, got ${s.state}`);
  return s;
}
