import { describe, expect, it } from 'vitest';
import { RunSummarySchema } from '../../report/index.ts';
import type { TrialRecord } from './trial-log.ts';
import { trialOutputs } from './trial-summary.ts';

const adapter = { name: 'x', id: 'aa', domain: 'agronomy', size: 1000, origin: 'A', packetFile: 'x.packet' };
const r = (t: number, e: Record<string, unknown>) => ({ t, at: t * 1e6, ...e }) as unknown as TrialRecord;

describe('trial outputs', () => {
  it('counts transfers like the simulator and times the spread from verifications', () => {
    const records = [
      r(0, { event: 'trial-start', nodes: ['A', 'B', 'C', 'D'], adapters: ['x'], contactSource: 'schedule' }),
      r(1, { event: 'transfer-start', node: 'B', peer: 'A', adapter: 'x', id: 'aa', chunks: 4, have: 0, resumed: false }),
      r(2, { event: 'transfer-interrupted', node: 'B', peer: 'A', adapter: 'x', have: 2, chunks: 4, bytes: 500, cause: 'session/link-lost' }),
      r(3, { event: 'transfer-start', node: 'B', peer: 'A', adapter: 'x', id: 'aa', chunks: 4, have: 2, resumed: true }),
      r(4, { event: 'transfer-complete', node: 'B', peer: 'A', adapter: 'x', id: 'aa', bytes: 500 }),
      r(4, { event: 'adapter-verified', node: 'B', adapter: 'x', id: 'aa', ok: true, size: 1000 }),
      r(5, { event: 'transfer-start', node: 'C', peer: 'B', adapter: 'x', id: 'aa', chunks: 4, have: 0, resumed: false }),
      r(6, { event: 'transfer-interrupted', node: 'C', peer: 'B', adapter: 'x', have: 1, chunks: 4, bytes: 250, cause: 'incomplete' }),
      r(8, { event: 'trial-end', reason: 'duration', seconds: 8 }),
    ];
    const out = trialOutputs({ name: 't', seed: 1, packageVersion: '0', nodes: ['A', 'B', 'C', 'D'], adapters: [adapter], records, seconds: 8, wallSeconds: 9 });
    expect(() => RunSummarySchema.parse(out.summary)).not.toThrow();
    expect(out.summary.transfers).toEqual({ started: 3, completed: 1, interrupted: 1, resumed: 1 });
    expect(out.summary.bytesTransferred).toBe(1250);
    expect(out.summary.adapters[0]).toMatchObject({ t50: 4, t90: null, t100: null, finalCoverage: 0.5 });
    expect(out.spread.at(-1)).toMatchObject({ time_s: 8, holders: 2 });
    expect(out.traffic.at(-1)).toMatchObject({ time_s: 8, bytes: 1250 });
    expect(out.transfers.map((t) => [t.to, t.chunks, t.outcome])).toEqual([['B', 2, 'interrupted'], ['B', 2, 'completed'], ['C', 1, 'incomplete']]);
  });
});
