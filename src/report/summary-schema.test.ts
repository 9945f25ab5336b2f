import { readFile } from 'node:fs/promises';
import { describe, it, expect } from 'vitest';
import { UserError } from '../cli/user-error.ts';
import { exampleRun } from './example-run.ts';
import {
  RunSummarySchema, WALL_CLOCK_FIELDS, deterministicSummary, parseSummary, serializeSummary, summaryJsonSchemaText,
} from './summary-schema.ts';
import type { RunSummary } from './summary-schema.ts';

const valid = (): RunSummary => exampleRun().summary;

function without(obj: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = obj;
  return rest;
}

describe('RunSummary schema', () => {
  it('accepts a complete summary, including never-reached thresholds and no energy model', () => {
    const s = valid();
    expect(RunSummarySchema.safeParse(s).success).toBe(true);
    const noEnergy = { ...s, energy: { totalJoules: null, perNodeMeanJoules: null }, queries: { ...s.queries, total: 0, meanQuality: null } };
    expect(RunSummarySchema.safeParse(noEnergy).success).toBe(true);
    expect(s.adapters.some((a) => a.t100 === null)).toBe(true);
  });

  it('rejects a summary missing any top-level field', () => {
    const s = valid() as unknown as Record<string, unknown>;
    for (const key of Object.keys(s)) {
      expect(RunSummarySchema.safeParse(without(s, key)).success, `missing ${key}`).toBe(false);
    }
  });

  it('rejects missing nested fields, unknown fields and out-of-range values', () => {
    const s = valid();
    const adapter = s.adapters[0] as unknown as Record<string, unknown>;
    expect(RunSummarySchema.safeParse({ ...s, adapters: [without(adapter, 't50')] }).success).toBe(false);
    expect(RunSummarySchema.safeParse({ ...s, transfers: without(s.transfers, 'resumed') }).success).toBe(false);
    expect(RunSummarySchema.safeParse({ ...s, colour: 'blue' }).success).toBe(false);
    expect(RunSummarySchema.safeParse({ ...s, mode: 'real' }).success).toBe(false);
    expect(RunSummarySchema.safeParse({ ...s, adapters: [{ ...adapter, finalCoverage: 1.2 }] }).success).toBe(false);
    expect(RunSummarySchema.safeParse({ ...s, nodes: 2.5 }).success).toBe(false);
  });

  it('names the file and the field when a summary file is invalid', () => {
    const bad = { ...valid(), adapters: [{ ...valid().adapters[0], t90: 'soon' }] };
    expect(() => parseSummary(bad, 'runs/a/summary.json')).toThrow(UserError);
    expect(() => parseSummary(bad, 'runs/a/summary.json')).toThrow(/runs\/a\/summary\.json: field adapters\.0\.t90/);
  });
});

describe('serialisation and determinism helpers', () => {
  it('serialises to the same text whatever the key order of the input', () => {
    const s = valid();
    const shuffled = Object.fromEntries(Object.entries(s).reverse()) as RunSummary;
    expect(serializeSummary(shuffled)).toBe(serializeSummary(s));
    expect(serializeSummary(s).endsWith('}\n')).toBe(true);
    expect(JSON.parse(serializeSummary(s))).toEqual(s);
  });

  it('drops exactly the wall-clock fields for determinism comparisons', () => {
    const a = valid();
    const b = { ...valid(), wallSeconds: 99, eventsPerSecond: 1 };
    expect(deterministicSummary(a)).toEqual(deterministicSummary(b));
    expect(WALL_CLOCK_FIELDS.every((f) => !(f in deterministicSummary(a)))).toBe(true);
    expect(Object.keys(deterministicSummary(a))).toHaveLength(Object.keys(a).length - WALL_CLOCK_FIELDS.length);
  });

  it('keeps docs/summary.schema.json in sync (regenerate: node bin/run-ts.mjs src/report/gen-summary-schema.ts)', async () => {
    const committed = await readFile(new URL('../../docs/summary.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(summaryJsonSchemaText());
  });
});
