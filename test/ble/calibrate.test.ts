// `gossip hw calibrate --radio emulated`: the real stacks over the virtual air, measured, written
// as the link section of a profile that the simulator's profile schema accepts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { calibrateRadio } from '../../src/hw/calibrate/radio.ts';
import { writeRadioProfile } from '../../src/hw/calibrate/radio-profile.ts';
import { profileSchema } from '../../src/sim/scenario/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'gossip-calibrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('radio calibration on the emulated air', () => {
  it('measures discovery, connection setup and goodput per packet size, and writes a valid profile', async () => {
    const c = await calibrateRadio({
      radio: 'emulated', air: { rate: 2_000_000, connectionSetup: 20_000, advertisingInterval: 50_000 },
      discoveryTrials: 3, connectTrials: 3, mtus: [64, 244], goodputBytes: 30_000,
    });
    expect(c.discoveryMs).toHaveLength(3);
    expect(c.connectMs).toHaveLength(3);
    expect(c.connectFailures).toBe(0);
    expect(c.attMtu).toBe(247);
    expect(c.goodput.map((g) => [g.mtu, g.bytesPerSecond.length])).toEqual([[64, 3], [244, 3]]);

    const out = join(dir, 'measured.yaml');
    writeRadioProfile(out, c, { baseProfile: 'android-2m' });
    const text = readFileSync(out, 'utf8');
    const profile = profileSchema.parse(parseDocument(text).toJS());
    expect(profile.link.mtu).toBe(247);
    expect(profile.link.advertisingInterval).toBe(50_000);
    expect(profile.link.discoveryLatency).toBeDefined();
    expect(profile.link.range).toBe(30); // not measured: kept from android-2m
    expect(profile.energy.joulesPerMB).toBe(1.6);
    expect(text).toMatch(/measured by `gossip hw calibrate --radio emulated`/);
  });
});
