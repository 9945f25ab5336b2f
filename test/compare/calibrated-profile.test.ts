/**
 * A profile written by `gossip hw calibrate` (its writer, fed a radio calibration) is usable by
 * scenarios as `radio.profile` and as a group's `device` (paths relative to the scenario), and the
 * simulator's link model draws from what it measured.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRadioProfile } from '../../src/hw/calibrate/radio-profile.ts';
import type { RadioCalibration } from '../../src/hw/calibrate/radio.ts';
import { radioParamsOf } from '../../src/sim/build/radio.ts';
import { createLinkModel } from '../../src/sim/link/index.ts';
import { createRng } from '../../src/sim/rng.ts';
import { resolveScenario } from '../../src/sim/scenario/index.ts';
import { Simulation } from '../../src/sim/engine/index.ts';
import { calibrateProfileFromTrial } from '../../src/compare/index.ts';

const calibration: RadioCalibration = {
  radio: 'emulated', date: '2026-01-01', machine: 'test', air: {
    rate: 150_000, connectionSetup: 100_000, advertisingInterval: 100_000, latency: 0, loss: 0, aclLength: 251, aclBuffers: 8, rssi: -50,
  },
  discoveryMs: [10, 20, 30, 40, 50, 60, 70, 80, 90, 95],
  connectMs: [120, 121, 122, 124, 125, 126, 128, 130, 135, 140],
  connectAttempts: 10, connectFailures: 0, attMtu: 247,
  goodput: [{ mtu: 244, bytesPerSecond: [100_000, 110_000, 120_000] }],
  scan: { windowMs: 11.25, intervalMs: 11.25 },
};

const scenario = (profileRef: string) => `
name: calibrated
duration: 1h
sampleEvery: 1m
world: {width: 50m, height: 50m, places: [{name: lab, kind: market, x: 25m, y: 25m}]}
radio:
  profile: ${profileRef}
  link: {phy: 2M, connectionInterval: 10ms, dropsPerHour: 0, maxLinks: 4}
groups:
  - {name: a, count: 1, mobility: {model: stationary, place: lab}}
  - {name: b, count: 1, device: ./measured.yaml, mobility: {model: stationary, place: lab}}
adapters:
  - {id: agronomy, domain: agronomy, origin: 0, size: 1.2MB, chunkSize: 64KiB}
contacts:
  source: schedule
  encounters: [{a: 0, b: 1, from: 0s, to: 10m}]
`;

describe('a profile written by gossip hw calibrate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gossip-profile-'));
  const profile = join(dir, 'measured.yaml');
  writeRadioProfile(profile, calibration);
  writeFileSync(join(dir, 'scenario.yaml'), scenario('./measured.yaml'));

  it('loads as radio.profile and as a group device, with the measured distributions', () => {
    const { scenario: s } = resolveScenario(join(dir, 'scenario.yaml'));
    const p = s.profiles['./measured.yaml']!;
    expect(p.link.goodput).toEqual({ median: 110_000, p10: 102_000, p90: 118_000 });
    expect(p.link.connectionSetup).toMatchObject({ median: 126_000 });
    expect(p.link.discoveryLatency).toMatchObject({ median: 55_000 });
    expect(s.groups[1]!.device).toBe('./measured.yaml');
    expect(p.link.phy).toBe('2M'); // the scenario's override of an unmeasured field
  });

  it('drives the link model: goodput draws centre on the measured median, setup on the measured setup', () => {
    const { scenario: s } = resolveScenario(join(dir, 'scenario.yaml'));
    const params = radioParamsOf('measured', s.profiles['./measured.yaml']!);
    const link = createLinkModel(params, createRng(1));
    const g = Array.from({ length: 2001 }, (_, i) => link.goodput(i, i + 1)).sort((a, b) => a - b)[1000]!;
    expect(g / 110_000).toBeGreaterThan(0.97);
    expect(g / 110_000).toBeLessThan(1.03);
    const setup = Array.from({ length: 2001 }, () => link.setupDelay()).sort((a, b) => a - b)[1000]!;
    expect(Math.abs(setup - 126_000)).toBeLessThan(5_000);
  });

  it('moves an adapter in the time its goodput says', () => {
    const { scenario: s } = resolveScenario(join(dir, 'scenario.yaml'));
    const r = new Simulation(s).result();
    const t100 = r.spread.results()[0]!.t100!; // two nodes: t50 is the origin itself
    expect(t100).toBeGreaterThan(1.2e6 / 118_000 * 0.95);
    expect(t100).toBeLessThan(1.2e6 / 102_000 * 1.15);
  });

  it('takes connection setup and goodput from an emulated calibration trial, keeping the rest', () => {
    const p2 = join(dir, 'trial-calibrated.yaml');
    writeFileSync(p2, readFileSync(profile, 'utf8'));
    const log = join(dir, 'trial.jsonl');
    const recs: object[] = [];
    for (let k = 0; k < 5; k++) {
      const t = k * 10;
      recs.push({ t, event: 'contact-start', a: `n${k}`, b: `n${k + 1}` });
      recs.push({ t: t + 0.15 + k * 0.01, event: 'encounter-start', node: `n${k}`, peer: `n${k + 1}`, role: 'central' });
      recs.push({ t: t + 0.2, event: 'transfer-start', node: `n${k + 1}`, adapter: 'p' });
      recs.push({ t: t + 0.2 + 600_000 / (130_000 + k * 2_000), event: 'transfer-complete', node: `n${k + 1}`, adapter: 'p', bytes: 600_000 });
    }
    writeFileSync(log, recs.map((r) => JSON.stringify(r)).join('\n'));
    const fit = calibrateProfileFromTrial(p2, log, 'cal');
    expect(fit.goodput.median).toBeCloseTo(134_000, -2);
    const text = readFileSync(p2, 'utf8');
    expect(text).toContain('measured in the emulated calibration trial "cal"');
    writeFileSync(join(dir, 'scenario2.yaml'), scenario('./trial-calibrated.yaml'));
    const { scenario: s } = resolveScenario(join(dir, 'scenario2.yaml'));
    const p = s.profiles['./trial-calibrated.yaml']!;
    expect(p.link.goodput).toMatchObject({ median: 134_000 });
    expect(p.link.discoveryLatency).toMatchObject({ median: 55_000 }); // kept from gossip hw calibrate
  });
});
