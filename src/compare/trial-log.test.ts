import { describe, expect, it } from 'vitest';
import { parseTrialLog } from './trial-log.ts';

const lines = (...recs: object[]) => recs.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('trial.jsonl reader', () => {
  it('takes the population from trial-start, arrivals from ok adapter-verified records, and counts transfers', () => {
    const log = parseTrialLog(lines(
      { t: 1.2, at: 5, event: 'node-ready', node: 'C', nodeId: 'x', addresses: [] },
      { t: 0, at: 10, event: 'trial-start', nodes: ['A', 'B', 'C'], adapters: ['agro'], contactSource: 'schedule' },
      { t: 0.2, at: 11, event: 'transfer-start', node: 'B', peer: 'A', adapter: 'agro', id: 'cid', chunks: 4, have: 0, resumed: false },
      { t: 1.0, at: 12, event: 'transfer-interrupted', node: 'B', peer: 'A', adapter: 'agro', have: 2, chunks: 4, bytes: 9, cause: 'link-lost' },
      { t: 2.0, at: 13, event: 'transfer-start', node: 'B', peer: 'A', adapter: 'agro', id: 'cid', chunks: 4, have: 2, resumed: true },
      { t: 2.9, at: 14, event: 'adapter-verified', node: 'B', adapter: 'agro', id: 'cid', ok: false, size: 1 },
      { t: 3.0, at: 15, event: 'adapter-verified', node: 'B', adapter: 'agro', id: 'cid', ok: true, size: 1 },
      { t: 3.1, at: 16, event: 'transfer-complete', node: 'B', peer: 'A', adapter: 'agro', id: 'cid', bytes: 9 },
      { t: 4, at: 17, event: 'something-new', node: 'A' },
    ), 'trial.jsonl');
    expect(log.nodes).toEqual(['A', 'B', 'C']);
    expect(log.arrivals).toEqual([{ adapter: 'agro', node: 'B', t: 3 }]);
    expect(log.transfers).toEqual({ started: 2, completed: 1, interrupted: 1, resumed: 1 });
    expect(log.endSeconds).toBe(4);
  });

  it('times records that carry only `at` from the trial start', () => {
    const log = parseTrialLog(lines(
      { at: 1_000_000, event: 'trial-start', nodes: ['A', 'B'] },
      { at: 3_500_000, event: 'adapter-verified', node: 'B', adapter: 'x', id: 'i', ok: true, size: 1 },
    ), 'log.jsonl');
    expect(log.arrivals[0]!.t).toBe(2.5);
  });

  it('reads publication records of other tools as origins', () => {
    const log = parseTrialLog(lines({ t: 5, event: 'adapter-published', node: 'A', adapter: 'x', id: 'cid-x' }), 'log.jsonl');
    expect(log.published).toEqual([{ adapter: 'x', id: 'cid-x', node: 'A', t: 5 }]);
    expect(log.ids.get('cid-x')).toBe('x');
  });

  it('names the file, line and field of a bad record', () => {
    expect(() => parseTrialLog('{"t":0,"event":"trial-start"}\nnot json\n', 'x/trial.jsonl')).toThrow(/^x\/trial\.jsonl:2: not valid JSON/);
    expect(() => parseTrialLog('{"t":0}\n', 'x/trial.jsonl')).toThrow(/x\/trial\.jsonl:1: field event: missing/);
    expect(() => parseTrialLog('{"t":0,"event":"adapter-verified","node":"A","ok":true}\n', 'x/trial.jsonl')).toThrow(/:1: field adapter: missing .* adapter-verified record/);
    expect(() => parseTrialLog('{"event":"adapter-verified","node":"A","adapter":"x","ok":true}\n', 'x/trial.jsonl')).toThrow(/:1: field t: missing/);
    expect(() => parseTrialLog('\n\n', 'x/trial.jsonl')).toThrow(/empty trial log/);
  });
});
