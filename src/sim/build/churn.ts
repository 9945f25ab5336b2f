/**
 * Maps a group's `churn:` spec and its device profile's energy figures to the churn model's
 * parameters. Scanning power scales with the profile's scan duty cycle; a battery is recharged in
 * a daily window starting at `rechargeAt`. Knows nothing of nodes or the kernel.
 */
import type { ChurnParams } from '../churn/index.ts';
import type { ChurnSpec, Profile } from '../scenario/index.ts';

const MINUTE = 60_000_000;
const HOUR = 60 * MINUTE;
/** Rest-of-phone draw (screen, cellular, other apps) while the battery is not empty, W. */
const OTHER_W = 0.25;

export function churnParamsOf(spec: ChurnSpec, profile: Profile): ChurnParams {
  const e = profile.energy;
  const duty = Math.min(1, profile.link.scanWindow / profile.link.scanInterval);
  const b = spec.battery;
  return {
    nightOff: spec.nightOff ? { from: spec.nightOff.from, to: spec.nightOff.to, probability: spec.nightOff.probability, jitter: 30 * MINUTE } : null,
    randomOff: spec.randomOff ? { meanOn: spec.randomOff.meanOn, meanOff: spec.randomOff.meanOff } : null,
    battery: b ? { capacityWh: b.capacityWh, initialFraction: b.initialCharge } : null,
    power: {
      scanW: (b?.scanW ?? e.scanW) * duty,
      advertiseW: b?.advertiseW ?? e.advertiseW,
      idleW: b?.idleW ?? e.idleW,
      otherW: b ? OTHER_W : 0,
      transferJPerMB: b?.joulesPerMB ?? e.joulesPerMB,
    },
    charging: b ? { from: b.rechargeAt, to: (b.rechargeAt + 3 * HOUR) % (24 * HOUR), probability: 1, jitter: 30 * MINUTE, powerW: 10 } : null,
  };
}
