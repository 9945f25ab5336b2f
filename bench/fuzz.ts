/**
 * Fuzzing figure: N random and mutated frames (default 1,000,000) through `decodeMessage`, and the
 * same number through live sessions' `handle` (a fresh session in a random state replaces each
 * one that closes). Prints counts, outcome breakdowns and crashes (must be 0). Seeded, so a
 * crash reproduces. Run: npx tsx bench/fuzz.ts [N] [seed]
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { decodeMessage, encodeMessage } from '../src/core/codec/messages/index.ts';
import type { Message } from '../src/core/codec/messages/types.ts';
import { encodeManifest } from '../src/core/packet/manifest.ts';
import type { Session } from '../src/core/session/session.ts';
import { SESSION_STATES, type SessionState } from '../src/core/session/types.ts';
import { message } from '../test/pair/arbitraries.ts';
import { cast, entryOf, helloFrom, sessionIn } from '../test/pair/scripted.ts';
import { SimpleLibrary } from '../test/pair/simple-library.ts';

const N = Number(process.argv[2] ?? 1_000_000);
const SEED = Number(process.argv[3] ?? 20240601);

let x = SEED >>> 0 || 1;
const rnd = (n: number) => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x % n; };
const randomBytes = (n: number) => { const b = new Uint8Array(n); for (let i = 0; i < n; i++) b[i] = rnd(256); return b; };

const c = cast();
const contextual: Message[] = [
  helloFrom(c.peer, [entryOf(c.Q)]), { type: 'manifest-request', id: c.P.id },
  { type: 'manifest', id: c.Q.id, manifest: encodeManifest(c.Q.manifest) }, { type: 'chunk-request', id: c.P.id, index: 1 },
  { type: 'chunk', id: c.Q.id, index: 0, ...c.Q.chunk(0) }, { type: 'chunk-missing', id: c.Q.id, index: 0 },
  { type: 'have', id: c.Q.id, index: 2 }, { type: 'done' }, { type: 'bye', reason: 0, sent: 1, received: 1 },
];
const corpus = [...fc.sample(message, { numRuns: 400, seed: SEED }), ...contextual].map(encodeMessage);

function mutant(): Uint8Array {
  const base = corpus[rnd(corpus.length)]!;
  switch (rnd(8)) {
    case 0: return randomBytes(rnd(300));
    case 1: return Uint8Array.from([1, 1 + rnd(10), ...randomBytes(rnd(120))]);
    case 2: return base.subarray(0, rnd(base.length + 1));
    case 3: return Uint8Array.from([...base, ...randomBytes(1 + rnd(8))]);
    case 4: { const o = corpus[rnd(corpus.length)]!; return Uint8Array.from([...base.subarray(0, rnd(base.length + 1)), ...o.subarray(rnd(o.length + 1))]); }
    case 5: { const b = base.slice(); if (b.length) b[rnd(b.length)]! ^= 1 << rnd(8); return b; }
    default: { const b = base.slice(); for (let k = 1 + rnd(4); k > 0 && b.length; k--) b[rnd(b.length)] = rnd(256); return b; }
  }
}

const crashes: string[] = [];
const tally = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

// 1. the decoder
const decodeOutcomes = new Map<string, number>();
let t0 = performance.now();
for (let i = 0; i < N; i++) {
  const f = mutant();
  try {
    const r = decodeMessage(f);
    tally(decodeOutcomes, r.ok ? `ok ${r.value.type}` : r.error.code);
  } catch (e) {
    crashes.push(`decode: ${String(e)} frame=${Buffer.from(f).toString('hex').slice(0, 120)}`);
  }
}
const decodeMs = performance.now() - t0;

// 2. live sessions
const sessionOutcomes = new Map<string, number>();
const fresh = (): Session => sessionIn(SESSION_STATES[rnd(SESSION_STATES.length)] as SessionState, { ...c, library: new SimpleLibrary().add(c.P) }).session;
let session = fresh();
let sessions = 1;
t0 = performance.now();
for (let i = 0; i < N; i++) {
  const f = mutant();
  try {
    const r = session.handle({ kind: 'receive', at: i, bytes: f });
    for (let o = session.poll(); o; o = session.poll()) {
      if (o.kind === 'event' && o.event.type === 'closed') tally(sessionOutcomes, `closed ${o.event.error?.code ?? 'cleanly'}`);
    }
    if (!r.ok) tally(sessionOutcomes, `local ${r.error.code}`);
    else if (session.state !== 'closed') tally(sessionOutcomes, `handled in ${session.state}`);
  } catch (e) {
    crashes.push(`session(${session.state}): ${String(e)} frame=${Buffer.from(f).toString('hex').slice(0, 120)}`);
  }
  if (session.state === 'closed' || session.state === 'new') { session = fresh(); sessions++; }
}
const sessionMs = performance.now() - t0;

const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `    ${String(v).padStart(8)}  ${k}`).join('\n');
console.log(`decodeMessage: ${N} frames in ${(decodeMs / 1000).toFixed(1)} s, crashes ${crashes.filter((s) => s.startsWith('decode')).length}`);
console.log(top(decodeOutcomes));
console.log(`session.handle: ${N} frames through ${sessions} live sessions in ${(sessionMs / 1000).toFixed(1)} s, crashes ${crashes.filter((s) => s.startsWith('session')).length}`);
console.log(top(sessionOutcomes));
console.log(`crashes: ${crashes.length}`);
for (const s of crashes.slice(0, 5)) console.log(`  ${s}`);
if (crashes.length > 0) process.exitCode = 1;
