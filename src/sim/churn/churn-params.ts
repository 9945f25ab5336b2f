/**
 * Parameters of per-device churn and energy: nightly off windows, random off periods, battery,
 * power draw while the app runs, transfer energy and a daily charging window, with two presets.
 * Power figures are estimates (no phone-to-phone BLE gossip measurement is public); sources used
 * for orders of magnitude are cited below. Owns only data; knows nothing of the kernel.
 */
import type { Micros } from '../../core/types.ts';
import { HOUR, MINUTE } from '../mobility/time-of-day.ts';

/** A window each day from `from` to `to` (times of day; to < from wraps past midnight). */
export interface DailyWindow {
  readonly from: Micros;
  readonly to: Micros;
  /** Probability the window happens on a given day (drawn per device per day). */
  readonly probability: number;
  /** Uniform jitter ± applied to each end, per device per day. */
  readonly jitter: Micros;
}

export interface ChargingWindow extends DailyWindow {
  /** Charger power into the battery, W (the device's own draw is subtracted). */
  readonly powerW: number;
}

export interface RandomOff {
  /** Alternating exponential periods: on for meanOn, then off for meanOff (app killed, Bluetooth off). */
  readonly meanOn: Micros;
  readonly meanOff: Micros;
}

export interface BatteryParams {
  readonly capacityWh: number;
  /** Initial charge as a fraction of capacity, or a uniform range drawn per device. */
  readonly initialFraction: number | readonly [number, number];
}

export interface PowerParams {
  /** Drawn while the app is on (scanning, advertising, awake for the protocol), W. */
  readonly scanW: number;
  readonly advertiseW: number;
  readonly idleW: number;
  /** Rest of the phone (screen, cellular, other apps), drawn whenever the battery is not empty, W. */
  readonly otherW: number;
  /** Energy per MB moved over a connection (radio + CPU), J/MB (10^6 bytes). */
  readonly transferJPerMB: number;
}

export interface ChurnParams {
  readonly nightOff: DailyWindow | null;
  readonly randomOff: RandomOff | null;
  /** Null: unlimited energy (mains power); energy is still accounted. */
  readonly battery: BatteryParams | null;
  readonly power: PowerParams;
  /** Null: never recharged (a dead battery stays dead). */
  readonly charging: ChargingWindow | null;
}

/**
 * Power estimates. Orders of magnitude: Bluetooth on and idle adds ~3 mW to a phone (Aalborg
 * University mobile-device energy measurements); continuous low-latency BLE scanning among dozens
 * of beacons cost a 2014 Nexus 5 ~0.7 W more than low-power scanning (Radius Networks, "Android 5.0
 * scanning"), an upper bound; modern controllers filter in hardware. Transfer: ~0.15 W above idle
 * for ~20 s per MB at 50 kB/s ≈ 3 J/MB. otherW 0.25 W empties a 15 Wh phone in ~2.5 days alone.
 */
export const DEFAULT_POWER: PowerParams = { scanW: 0.04, advertiseW: 0.01, idleW: 0.02, otherW: 0.25, transferJPerMB: 3 };

export const CHURN_PRESETS = {
  /** Never off, unlimited energy (energy still accounted). */
  'always-on': { nightOff: null, randomOff: null, battery: null, power: DEFAULT_POWER, charging: null },
  /**
   * A village phone: off on half of the nights 22:00–06:00 (± 1 h), the app killed now and then
   * (on ~8 h, off ~30 min), a 15 Wh battery starting 50–100 % full, charged on 70 % of evenings
   * 18:00–21:00 (± 1 h) at 10 W (e.g. at a solar kiosk).
   */
  'village-phone': {
    nightOff: { from: 22 * HOUR, to: 6 * HOUR, probability: 0.5, jitter: HOUR },
    randomOff: { meanOn: 8 * HOUR, meanOff: 30 * MINUTE },
    battery: { capacityWh: 15, initialFraction: [0.5, 1] },
    power: DEFAULT_POWER,
    charging: { from: 18 * HOUR, to: 21 * HOUR, probability: 0.7, jitter: HOUR, powerW: 10 },
  },
} as const satisfies Record<string, ChurnParams>;

export type ChurnPresetName = keyof typeof CHURN_PRESETS;
