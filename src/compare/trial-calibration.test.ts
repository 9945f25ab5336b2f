import { describe, expect, it } from 'vitest';
import { fitLink, trialLinkSamples } from './trial-calibration.ts';

const log = [
  { t: 0, event: 'contact-start', a: 'A', b: 'B' },
  { t: 0.2, event: 'encounter-start', node: 'B', peer: null, role: 'peripheral' },
  { t: 0.21, event: 'encounter-start', node: 'A', peer: 'B', role: 'central' },
  { t: 0.3, event: 'transfer-start', node: 'B', peer: 'A', adapter: 'p' },
  { t: 4.3, event: 'transfer-complete', node: 'B', peer: 'A', adapter: 'p', bytes: 600_000 },
  { t: 4.5, event: 'encounter-start', node: 'A', peer: 'B', role: 'central' }, // a reconnection in the same contact
  { t: 5, event: 'contact-start', a: 'C', b: 'B' },
  { t: 5.3, event: 'encounter-start', node: 'C', peer: 'B', role: 'central' },
  { t: 5.4, event: 'transfer-start', node: 'C', peer: 'B', adapter: 'p' },
  { t: 6.0, event: 'transfer-interrupted', node: 'C', peer: 'B', adapter: 'p', bytes: 1 },
].map((r) => JSON.stringify(r)).join('\n');

describe('link calibration from a calibration trial', () => {
  it('measures contact-to-connection delays (first connection of each contact) and goodput of complete transfers', () => {
    const s = trialLinkSamples(log, 'trial.jsonl');
    expect(s.contactToConnection.map((x) => Number(x.toFixed(3)))).toEqual([0.21, 0.3]);
    expect(s.goodput).toEqual([150_000]);
  });

  it('fits setup less the discovery the simulator adds, and goodput quantiles', () => {
    const fit = fitLink({ contactToConnection: [0.2, 0.25, 0.3], goodput: [120_000, 140_000, 150_000] }, 50_000, 't');
    expect(fit.connectionSetup.median).toBe(200_000);
    expect(fit.goodput.median).toBe(140_000);
    expect(fit.goodput.p10).toBeLessThan(fit.goodput.median);
  });

  it('needs enough samples', () => {
    expect(() => fitLink({ contactToConnection: [0.2], goodput: [1] }, undefined, 'x.jsonl')).toThrow(/x\.jsonl: a calibration trial needs at least 3 contacts/);
  });
});
