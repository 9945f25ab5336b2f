import { describe, it, expect } from 'vitest';
import { EventLogReport } from './event-log-report.ts';

describe('EventLogReport', () => {
  it('writes The ONE event-log lines with Java double times', () => {
    const r = new EventLogReport(['n0', 'n1', 'n2'], ['M1']);
    r.connection(0, 0, 1, true);
    r.created(10, 0, 0);
    r.started(10, 0, 1, 0);
    r.transferred(622.400000000073, 0, 1, 0, 'R', { host: 1, prev: null, hops: 1 });
    r.transferred(700, 1, 2, 0, 'D', { host: 2, prev: null, hops: 2 });
    r.transferred(701, 0, 2, 0, 'A', { host: 2, prev: null, hops: 1 });
    r.aborted(800.5, 1, 0, 0);
    r.connection(900, 1, 0, false);
    expect(r.render()).toBe([
      '0.0 CONN n0 n1 up',
      '10.0 C n0 M1',
      '10.0 S n0 n1 M1',
      '622.400000000073 DE n0 n1 M1 R',
      '700.0 DE n1 n2 M1 D',
      '701.0 DE n0 n2 M1 A',
      '800.5 A n1 n0 M1',
      '900.0 CONN n1 n0 down',
      '',
    ].join('\n'));
    expect(r.lineCount).toBe(8);
  });

  it('keeps long and non-ASCII names and ids intact over many lines', () => {
    const long = 'g'.repeat(3000);
    const r = new EventLogReport([`${long}0`, 'hôte1'], ['消息-1']);
    for (let i = 0; i < 5000; i++) r.started(i, 0, 1, 0);
    const lines = r.render().split('\n');
    expect(lines).toHaveLength(5001);
    expect(lines[4999]).toBe(`4999.0 S ${long}0 hôte1 消息-1`);
  });

  it('is empty when nothing happened', () => {
    expect(new EventLogReport([], []).render()).toBe('');
  });
});
