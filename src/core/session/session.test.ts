import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { message } from '../../../test/pair/arbitraries.ts';
import { SESSION_STATES } from './types.ts';
import { cast, entryOf, helloFrom, Scripted, sessionIn } from '../../../test/pair/scripted.ts';
import { SimpleLibrary } from '../../../test/pair/simple-library.ts';
import { MessageType } from '../codec/frame.ts';
import { encodeMessage } from '../codec/messages/index.ts';
import { GossipFault } from '../errors.ts';
import { encodeManifest } from '../packet/manifest.ts';
import { drain } from './drain.ts';
import { Session } from './session.ts';
import { DEFAULT_TIMEOUTS, type SessionOutput } from './types.ts';

const encodeManifestOf = (c: ReturnType<typeof cast>) => encodeManifest(c.Q.manifest);
const closedOf = (events: readonly { type: string }[]) => events.find((e) => e.type === 'closed') as { error?: { code: string; origin: string } } | undefined;

describe('session basics', () => {
  it('start sends HELLO with our inventory, then reports the handshake deadline as the last output', () => {
    const c = cast();
    const s = new Session({ nodeId: c.me, library: c.library });
    s.handle({ kind: 'command', at: 1000, command: 'start' });
    const outs: SessionOutput[] = [];
    drain(s, { transmit: (bytes, v) => outs.push({ kind: 'transmit', bytes, virtualBytes: v }), timer: (at) => outs.push({ kind: 'timer', at }), event: (event) => outs.push({ kind: 'event', event }) });
    expect(outs.map((o) => o.kind)).toEqual(['transmit', 'timer']);
    expect(outs[0]!.kind === 'transmit' && outs[0]!.bytes[1]).toBe(MessageType.HELLO);
    expect(outs[1]).toEqual({ kind: 'timer', at: 1000 + DEFAULT_TIMEOUTS.handshake });
    expect(s.poll()).toBeUndefined();
  });

  it('a spurious timeout is a no-op; the real one closes with session/timeout and a BYE', () => {
    const s = sessionIn('hello-sent');
    const early = s.feed({ kind: 'timeout', at: DEFAULT_TIMEOUTS.handshake - 1 });
    expect(early.sent).toEqual([]);
    expect(early.events).toEqual([]);
    expect(s.state).toBe('hello-sent');
    const due = s.feed({ kind: 'timeout', at: DEFAULT_TIMEOUTS.handshake });
    expect(s.state).toBe('closed');
    expect(due.sent.map((m) => m.type)).toEqual(['bye']);
    expect(closedOf(due.events)?.error?.code).toBe('session/timeout');
    expect(due.timer).toBeNull();
  });

  it('an unanswered request times out; an answer pushes the deadline', () => {
    const c = cast();
    const s = new Scripted({ nodeId: c.me, library: c.library, timeouts: { request: 5_000_000, idle: 100_000_000 } });
    s.command('start');
    const hello = s.receive(helloFrom(c.peer, [entryOf(c.Q)]));
    expect(hello.sent).toEqual([{ type: 'manifest-request', id: c.Q.id }]);
    expect(hello.timer).toBe(5_000_000);
    s.now = 4_000_000;
    const m = s.receive({ type: 'manifest', id: c.Q.id, manifest: encodeManifestOf(c) });
    expect(m.sent.filter((x) => x.type === 'chunk-request')).toHaveLength(4);
    expect(m.timer).toBe(9_000_000);
    const t = s.feed({ kind: 'timeout', at: 9_000_000 });
    expect(closedOf(t.events)?.error).toMatchObject({ code: 'session/timeout', origin: 'remote' });
  });

  it('misuse by the driver fails with local codes and changes nothing', () => {
    const c = cast();
    const s = new Scripted({ nodeId: c.me, library: c.library });
    expect(s.receive({ type: 'done' }).result).toMatchObject({ ok: false, error: { code: 'session/unexpected-message', origin: 'local' } });
    s.command('start');
    expect(s.command('start').result).toMatchObject({ ok: false, error: { code: 'session/protocol-violation', origin: 'local' } });
    expect(s.state).toBe('hello-sent');
    s.command('close');
    expect(s.receive({ type: 'done' }).result).toMatchObject({ ok: false, error: { code: 'session/closed' } });
    expect(() => new Session({ nodeId: 'xyz', library: c.library })).toThrow(GossipFault);
    expect(() => new Session({ nodeId: c.me, library: c.library, capabilities: { maxInFlight: 0 } })).toThrow(GossipFault);
  });

  it('garbage from the peer closes the session with the decoder code and a misbehaviour event', () => {
    const s = sessionIn('ready');
    const step = s.feed({ kind: 'receive', at: 0, bytes: Uint8Array.from([1, MessageType.CHUNK, 1, 2, 3]) });
    expect(closedOf(step.events)?.error).toMatchObject({ code: 'decode/truncated', origin: 'remote' });
    expect(step.events.map((e) => e.type)).toEqual(['peer-misbehaved', 'closed']);
  });

  it('refuses incompatible versions, self-connections and flagged peers with coded closes', () => {
    const c = cast();
    const v = sessionIn('hello-sent', c);
    expect(closedOf(v.receive({ ...helloFrom(c.peer), versions: [2, 3] }).events)?.error?.code).toBe('session/incompatible-version');
    const framed = sessionIn('hello-sent', { ...c, library: new SimpleLibrary().add(c.P) });
    const bytes = encodeMessage(helloFrom(c.peer)).slice();
    bytes[0] = 9;
    expect(closedOf(framed.feed({ kind: 'receive', at: 0, bytes }).events)?.error?.code).toBe('session/incompatible-version');
    const self = sessionIn('hello-sent', { ...c, library: new SimpleLibrary().add(c.P) });
    expect(closedOf(self.receive(helloFrom(c.me)).events)?.error?.code).toBe('session/self-connection');
    const lib = new SimpleLibrary().add(c.P);
    lib.flagPeer(c.peer, { code: 'chunk/bad-proof', origin: 'remote', message: 'earlier' }, 0);
    const flagged = sessionIn('hello-sent', { ...c, library: lib });
    const step = flagged.receive(helloFrom(c.peer, [entryOf(c.Q)]));
    expect(closedOf(step.events)?.error?.code).toBe('session/peer-misbehaving');
    expect(step.sent).toEqual([{ type: 'bye', reason: 7, sent: 0, received: 0 }]);
    expect(lib.observed).toEqual([]);
  });

  it('serves manifests and chunks it holds, and nacks what it lacks', () => {
    const c = cast();
    const s = sessionIn('done-sent', c);
    expect(s.receive({ type: 'manifest-request', id: c.P.id }).sent[0]).toMatchObject({ type: 'manifest', id: c.P.id });
    expect(s.receive({ type: 'manifest-request', id: c.Q.id }).sent[0]).toEqual({ type: 'manifest', id: c.Q.id, manifest: new Uint8Array(0) });
    const chunk = s.receive({ type: 'chunk-request', id: c.P.id, index: 9 }).sent[0];
    expect(chunk).toMatchObject({ type: 'chunk', id: c.P.id, index: 9, body: c.P.chunk(9).body, proof: c.P.chunk(9).proof });
    expect(s.receive({ type: 'chunk-request', id: c.P.id, index: 10 }).sent[0]).toEqual({ type: 'chunk-missing', id: c.P.id, index: 10 });
  });

  it('a HAVE mid-transfer makes the new chunk wanted from that peer', () => {
    const c = cast();
    const s = new Scripted({ nodeId: c.me, library: c.library, capabilities: { maxInFlight: 1 } });
    s.command('start');
    s.receive(helloFrom(c.peer, [entryOf(c.Q, [0])]));
    const first = s.receive({ type: 'manifest', id: c.Q.id, manifest: encodeManifestOf(c) });
    expect(first.sent).toEqual([{ type: 'chunk-request', id: c.Q.id, index: 0 }]);
    expect(s.receive({ type: 'have', id: c.Q.id, index: 3 }).sent).toEqual([]); // window full
    const next = s.receive({ type: 'chunk', id: c.Q.id, index: 0, ...c.Q.chunk(0) });
    expect(next.sent).toEqual([{ type: 'chunk-request', id: c.Q.id, index: 3 }]);
    expect(next.events.map((e) => e.type)).toEqual(['chunk-stored']);
  });

  it('announce sends HAVE for adapters we advertised and stops us wanting that chunk', () => {
    const c = cast();
    const s = sessionIn('done-sent', c);
    const ann = s.feed({ kind: 'command', at: 0, command: 'announce', id: c.P.id, index: 4 });
    expect(ann.sent).toEqual([{ type: 'have', id: c.P.id, index: 4 }]);
    expect(s.feed({ kind: 'command', at: 0, command: 'announce', id: c.Q.id, index: 1 }).sent).toEqual([]);
  });

  it('is deterministic: the same inputs give byte-identical outputs', () => {
    const run = () => {
      const c = cast();
      const s = new Session({ nodeId: c.me, library: c.library });
      const out: string[] = [];
      const sink = { transmit: (b: Uint8Array) => out.push(Buffer.from(b).toString('hex')), timer: (t: number | null) => out.push(`t${t}`), event: (e: { type: string }) => out.push(e.type) };
      for (const input of [
        { kind: 'command', at: 5, command: 'start' } as const,
        { kind: 'receive', at: 7, bytes: encodeMessage(helloFrom(c.peer, [entryOf(c.Q)])) } as const,
        { kind: 'receive', at: 9, bytes: encodeMessage({ type: 'manifest', id: c.Q.id, manifest: encodeManifestOf(c) }) } as const,
      ]) { s.handle(input); drain(s, sink); }
      return out;
    };
    expect(run()).toEqual(run());
  });

  it('random and mutated frames never throw in any state; every close carries a coded error', () => {
    const c = cast();
    const frame = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.tuple(message, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.nat()).map(([m, at, v, cut]) => {
        const b = encodeMessage(m).slice();
        b[at % b.length] = v;
        return b.subarray(0, Math.max(2, cut % (b.length + 1)));
      }),
    );
    fc.assert(fc.property(fc.constantFrom(...SESSION_STATES), fc.array(frame, { minLength: 1, maxLength: 5 }), (state, frames) => {
      const library = new SimpleLibrary().add(c.P);
      const s = sessionIn(state, { ...c, library });
      for (const bytes of frames) {
        const step = s.feed({ kind: 'receive', at: 0, bytes });
        if (!step.result.ok) expect(step.result.error.origin).toBe('local');
        const closed = step.events.find((e) => e.type === 'closed');
        if (closed && 'error' in closed && closed.error) expect(closed.error.code).toMatch(/^[a-z]+\/[a-z-]+$/);
      }
      expect(library.storeLog).toEqual([]); // nothing random is ever stored
    }), { numRuns: 3000 });
  });
});
