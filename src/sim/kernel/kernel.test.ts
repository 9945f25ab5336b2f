import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Kernel, Priority, SimulationError } from './index.ts';
import { createRng } from '../rng.ts';

describe('Kernel ordering', () => {
  it('runs events by time, then priority, then scheduling order', () => {
    const k = new Kernel();
    const log: string[] = [];
    k.schedule(20, Priority.NORMAL, () => log.push('t20'));
    k.schedule(10, Priority.LATE, () => log.push('t10 late'));
    k.schedule(10, Priority.NORMAL, () => log.push('t10 normal a'));
    k.schedule(10, Priority.URGENT, () => log.push('t10 urgent'));
    k.schedule(10, Priority.NORMAL, () => log.push('t10 normal b'));
    k.schedule(5, 7, () => log.push('t5'));
    expect(k.run()).toBe(6);
    expect(log).toEqual(['t5', 't10 urgent', 't10 normal a', 't10 normal b', 't10 late', 't20']);
    expect(k.now).toBe(20);
  });

  it('pops any random mix in (time, priority, seq) order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: -3, max: 3 })), { maxLength: 300 }), (events) => {
        const k = new Kernel();
        const seen: [number, number, number][] = [];
        events.forEach(([t, p], seq) => k.schedule(t, p, () => seen.push([k.now, p, seq])));
        k.run();
        const expected = events.map(([t, p], seq) => [t, p, seq] as [number, number, number]);
        expected.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
        expect(seen).toEqual(expected);
      }),
    );
  });

  it('lets events schedule more events, including at the current time', () => {
    const k = new Kernel();
    const log: string[] = [];
    k.schedule(1, Priority.NORMAL, () => {
      log.push('a');
      k.after(0, Priority.NORMAL, () => log.push('same time'));
      k.after(5, Priority.NORMAL, () => log.push(`later at ${k.now}`));
    });
    k.schedule(1, Priority.NORMAL, () => log.push('b'));
    k.run();
    expect(log).toEqual(['a', 'b', 'same time', 'later at 6']);
  });

  it('rejects times in the past, fractional times and out-of-range priorities', () => {
    const k = new Kernel();
    k.schedule(10, 0, () => {});
    k.run();
    expect(() => k.schedule(9, 0, () => {})).toThrow(/not before now/);
    expect(() => k.schedule(10.5, 0, () => {})).toThrow(/integer/);
    expect(() => k.schedule(11, 10_000, () => {})).toThrow(/priority/);
  });
});

describe('Kernel cancel and peek', () => {
  it('cancelled events never run and peek skips them', () => {
    const k = new Kernel();
    const log: number[] = [];
    const h1 = k.schedule(1, 0, () => log.push(1));
    k.schedule(2, 0, () => log.push(2));
    expect(k.pending).toBe(2);
    expect(k.cancel(h1)).toBe(true);
    expect(k.cancel(h1)).toBe(false);
    expect(k.pending).toBe(1);
    expect(k.peek()).toBe(2);
    k.run();
    expect(log).toEqual([2]);
    expect(k.peek()).toBe(Infinity);
  });

  it('an old handle cannot cancel a later event that reuses its slot', () => {
    const k = new Kernel();
    const log: string[] = [];
    const old = k.schedule(1, 0, () => log.push('first'));
    k.run();
    k.schedule(5, 0, () => log.push('second'));
    expect(k.cancel(old)).toBe(false);
    k.run();
    expect(log).toEqual(['first', 'second']);
  });

  it('cancelling the running event from inside its callback is a no-op', () => {
    const k = new Kernel();
    let handle = k.schedule(1, 0, () => {
      expect(k.cancel(handle)).toBe(false);
    });
    k.schedule(2, 0, () => {});
    k.run();
    expect(k.pending).toBe(0);
    handle = k.schedule(3, 0, () => {});
    expect(k.pending).toBe(1);
  });

  it('step runs one event at a time and reports an empty queue', () => {
    const k = new Kernel();
    const log: number[] = [];
    k.schedule(3, 0, () => log.push(3));
    k.schedule(4, 0, () => log.push(4));
    expect(k.step()).toBe(true);
    expect(log).toEqual([3]);
    expect(k.now).toBe(3);
    expect(k.step()).toBe(true);
    expect(k.step()).toBe(false);
    expect(k.now).toBe(4);
  });
});

describe('Kernel run until', () => {
  it('runs events strictly before `until`, then sets the clock to it', () => {
    const k = new Kernel();
    const log: number[] = [];
    for (const t of [5, 10, 15]) k.schedule(t, 0, () => log.push(t));
    expect(k.run({ until: 10 })).toBe(1);
    expect(log).toEqual([5]);
    expect(k.now).toBe(10);
    expect(k.run({ until: 100 })).toBe(2);
    expect(log).toEqual([5, 10, 15]);
    expect(k.now).toBe(100);
  });

  it('stop() ends run after the current event, leaving the clock at that event', () => {
    const k = new Kernel();
    const log: number[] = [];
    k.schedule(1, 0, () => log.push(1));
    k.schedule(2, 0, () => {
      log.push(2);
      k.stop();
    });
    k.schedule(3, 0, () => log.push(3));
    k.run({ until: 50 });
    expect(log).toEqual([1, 2]);
    expect(k.now).toBe(2);
    k.run({ until: 50 });
    expect(log).toEqual([1, 2, 3]);
    expect(k.now).toBe(50);
  });

  it('refuses an `until` in the past', () => {
    const k = new Kernel(100);
    expect(() => k.run({ until: 50 })).toThrow(/not before now/);
  });
});

describe('Kernel failures', () => {
  it('stops and rethrows with the time and label of the failed event', () => {
    const k = new Kernel();
    const log: string[] = [];
    k.schedule(1_500_000, 0, () => {
      throw new Error('boom');
    }, 'transfer-chunk');
    k.schedule(2_000_000, 0, () => log.push('after'));
    let caught: unknown;
    try {
      k.run();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SimulationError);
    const e = caught as SimulationError;
    expect(e.at).toBe(1_500_000);
    expect(e.label).toBe('transfer-chunk');
    expect(e.message).toContain('transfer-chunk');
    expect(e.message).toContain('boom');
    expect((e.cause as Error).message).toBe('boom');
    expect(log).toEqual([]);
    // the kernel stays failed: nothing else runs
    expect(() => k.run()).toThrow(SimulationError);
    expect(() => k.step()).toThrow(SimulationError);
    expect(log).toEqual([]);
  });

  it('falls back to the function name when no label is given', () => {
    const k = new Kernel();
    k.schedule(1, 0, function sampleMetrics() {
      throw new TypeError('bad');
    });
    expect(() => k.run()).toThrow(/sampleMetrics/);
  });

  it('refuses to be stepped from inside a callback', () => {
    const k = new Kernel();
    k.schedule(1, 0, () => {
      k.step();
    }, 'nested');
    expect(() => k.run()).toThrow(/inside an event callback/);
  });
});

describe('Kernel determinism', () => {
  /** A small self-rescheduling workload whose trace depends on order and randomness. */
  function workload(seed: number) {
    const k = new Kernel();
    const rng = createRng(seed);
    const trace: string[] = [];
    for (let node = 0; node < 20; node++) {
      const r = rng.fork(`node:${node}`);
      const act = (): void => {
        trace.push(`${k.now}:${node}`);
        if (k.now < 1_000_000) k.after(r.int(0, 50_000), r.int(0, 2), act, `node ${node}`);
      };
      k.schedule(r.int(0, 1000), 1, act);
    }
    return { k, trace };
  }

  it('gives identical traces when two simulations run interleaved in one process', () => {
    const alone = workload(7);
    alone.k.run();
    const a = workload(7);
    const b = workload(7);
    const c = workload(8);
    while (a.k.peek() !== Infinity || b.k.peek() !== Infinity) {
      a.k.step();
      c.k.step();
      b.k.step();
    }
    expect(a.trace).toEqual(alone.trace);
    expect(b.trace).toEqual(alone.trace);
    expect(a.trace.length).toBeGreaterThan(100);
  });
});

describe('Kernel as the Scheduler port', () => {
  it('schedules and cancels through the port', () => {
    const k = new Kernel();
    const s = k.scheduler();
    const log: number[] = [];
    const cancel = s.at(10, () => log.push(s.now()));
    s.at(20, () => log.push(s.now()));
    cancel();
    k.run();
    expect(log).toEqual([20]);
  });
});
