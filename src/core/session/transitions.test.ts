import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { message as randomMessage } from '../../../test/pair/arbitraries.ts';
import { cast, entryOf, helloFrom, sessionIn } from '../../../test/pair/scripted.ts';
import { SimpleLibrary } from '../../../test/pair/simple-library.ts';
import { encodeMessage } from '../codec/messages/index.ts';
import { encodeManifest } from '../packet/manifest.ts';
import type { Message } from '../codec/messages/types.ts';
import { TABLE_INPUTS, TRANSITIONS, type TableInput } from './transitions.ts';
import { SESSION_STATES, type SessionInput, type SessionState } from './types.ts';

/** Messages that make sense to a session of the standard cast (so handlers' success paths run too). */
function meaningful(c: ReturnType<typeof cast>): fc.Arbitrary<Message> {
  return fc.constantFrom<Message>(
    helloFrom(c.peer, [entryOf(c.Q)]),
    { type: 'manifest-request', id: c.P.id },
    { type: 'manifest', id: c.Q.id, manifest: encodeManifest(c.Q.manifest) },
    { type: 'manifest', id: c.Q.id, manifest: new Uint8Array(0) },
    { type: 'chunk-request', id: c.P.id, index: 2 },
    { type: 'chunk-request', id: c.P.id, index: 999 },
    { type: 'chunk', id: c.Q.id, index: 0, ...c.Q.chunk(0) },
    { type: 'chunk-missing', id: c.Q.id, index: 0 },
    { type: 'have', id: c.Q.id, index: 1 },
    { type: 'have', id: c.Q.id, index: 5000 },
    { type: 'done' },
    { type: 'bye', reason: 0, sent: 0, received: 0 },
    { type: 'bye', reason: 5, sent: 1, received: 2 },
  );
}

function inputFor(name: TableInput, at: number, c: ReturnType<typeof cast>): SessionInput {
  if (name === 'timeout') return { kind: 'timeout', at };
  if (name === 'announce') return { kind: 'command', at, command: 'announce', id: c.P.id, index: 3 };
  if (name === 'start' || name === 'close' || name === 'link-lost') return { kind: 'command', at, command: name };
  throw new Error(`not a command: ${name}`);
}

describe('transition table', () => {
  it('has a rule for every (state, input) pair', () => {
    for (const s of SESSION_STATES) for (const i of TABLE_INPUTS) expect(TRANSITIONS[s][i], `${s} × ${i}`).toBeDefined();
  });

  it('every (state, input) either transitions as the table says or fails with a coded error', () => {
    const states = fc.constantFrom<SessionState>(...SESSION_STATES);
    const commands = fc.constantFrom<TableInput>('start', 'close', 'link-lost', 'announce', 'timeout');
    const c = cast();
    const input = fc.oneof(
      fc.record({ kind: fc.constant('message' as const), m: fc.oneof(randomMessage, meaningful(c)) }),
      fc.record({ kind: fc.constant('command' as const), name: commands }),
    );
    fc.assert(fc.property(states, input, fc.integer({ min: 0, max: 200_000_000 }), (state, inp, at) => {
      const s = sessionIn(state, { ...c, library: new SimpleLibrary().add(c.P) });
      const name: TableInput = inp.kind === 'message' ? inp.m.type : inp.name;
      const rule = TRANSITIONS[state][name];
      const step = inp.kind === 'message'
        ? s.feed({ kind: 'receive', at, bytes: encodeMessage(inp.m) })
        : s.feed(inputFor(name, at, c));
      const closed = step.events.find((e) => e.type === 'closed');
      switch (rule.kind) {
        case 'misuse':
          expect(step.result).toMatchObject({ ok: false, error: { code: rule.code, origin: 'local' } });
          expect(s.state).toBe(state);
          expect(step.sent).toEqual([]);
          break;
        case 'ignore':
          expect(step.result.ok).toBe(true);
          expect(s.state).toBe(state);
          break;
        case 'violation':
          expect(step.result.ok).toBe(true);
          expect(s.state).toBe('closed');
          expect(closed).toMatchObject({ error: { code: rule.code, origin: 'remote' } });
          expect(step.sent.map((m) => m.type)).toEqual(state === 'closing' ? [] : ['bye']);
          break;
        case 'handle':
          expect(step.result.ok).toBe(true);
          expect(rule.to).toContain(s.state);
          if (closed && 'error' in closed && closed.error) expect(closed.error.code).toMatch(/^[a-z]+\/[a-z-]+$/);
          break;
      }
      // after closing nothing but a null timer is left, and the closed event is the last one
      if (s.state === 'closed' && state !== 'closed') {
        expect(step.timer).toBeNull();
        expect(step.events.at(-1)?.type).toBe('closed');
      }
    }), { numRuns: 4000 });
  });

  it('the scripted peer can bring a session to every state of the table', () => {
    for (const s of SESSION_STATES) expect(sessionIn(s).state).toBe(s);
  });
});
