// `gossip emulate scenarios/trials/three-hop.yaml` end to end: three node processes with real
// noble/bleno on one virtual air; the adapter hops A -> B -> C following the contact schedule,
// and summary.json (valid against the sim's schema) shows it reaching all three nodes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs from 'yargs';
import { afterAll, describe, expect, it } from 'vitest';
import { emulateCommand } from '../../src/cli/commands/emulate.ts';
import { RunSummarySchema } from '../../src/report/index.ts';
import type { TrialRecord } from '../../src/hw/trial/index.ts';

const out = mkdtempSync(join(tmpdir(), 'gossip-emulate-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('gossip emulate', () => {
  it('carries an adapter A -> B -> C over two contacts and reports it in the sim summary schema', async () => {
    await yargs([]).command(emulateCommand).strict().parseAsync(['emulate', 'scenarios/trials/three-hop.yaml', '--out', out, '--no-charts']);

    const summary = RunSummarySchema.parse(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')));
    expect(summary).toMatchObject({ mode: 'emulate', scenario: 'three-hop', nodes: 3 });
    expect(summary.adapters).toHaveLength(1);
    expect(summary.adapters[0]).toMatchObject({ id: 'agronomy-expert', finalCoverage: 1 });
    expect(summary.adapters[0]!.t100).not.toBeNull();
    expect(summary.transfers.completed).toBe(2);

    const records = readFileSync(join(out, 'trial.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as TrialRecord);
    const at = (pred: (r: TrialRecord) => boolean) => records.find(pred)?.t;
    const verifiedB = at((r) => r.event === 'adapter-verified' && r.node === 'B' && r.ok);
    const verifiedC = at((r) => r.event === 'adapter-verified' && r.node === 'C' && r.ok);
    const contactBC = at((r) => r.event === 'contact-start' && r.a === 'B' && r.b === 'C');
    expect(verifiedB).toBeDefined();
    expect(verifiedC).toBeDefined();
    // B got it from A during the first contact; C only once it met B
    expect(verifiedB!).toBeLessThan(contactBC!);
    expect(verifiedC!).toBeGreaterThan(contactBC!);
    const fromB = records.find((r) => r.event === 'transfer-complete' && r.node === 'C');
    expect(fromB).toMatchObject({ peer: 'B' });
    expect(records.some((r) => r.event === 'encounter-start' && (r.node === 'A' || r.node === 'C') && r.peer === (r.node === 'A' ? 'C' : 'A'))).toBe(false);
  });
});
