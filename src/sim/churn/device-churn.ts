/**
 * One device's on/off state machine and energy account. The app is on unless a night-off window,
 * a random off period or an empty battery says otherwise. The battery drains at the app's power
 * while on plus the rest of the phone's power while not empty, charges during charging windows,
 * and loses transfer energy per MB. An empty battery keeps the device off until the next charging
 * window starts. Between state boundaries (window edges, random toggles, battery empty/full) power
 * is constant, so the machine jumps boundary to boundary: `advance(t)` integrates, `nextChange(t)`
 * simulates ahead on a copy to return the next on/off flip so the simulator can schedule it.
 * Time must not go backwards. Knows nothing of the kernel, radios or contacts.
 */
import type { Rng } from '../../core/ports.ts';
import type { Micros } from '../../core/types.ts';
import { exponential, uniform } from '../world/distributions.ts';
import { DAY } from '../mobility/time-of-day.ts';
import type { ChurnParams } from './churn-params.ts';
import { DailyWindows } from './daily-windows.ts';

export interface EnergyTotals {
  readonly scanJ: number;
  readonly advertiseJ: number;
  readonly idleJ: number;
  readonly otherJ: number;
  readonly transferJ: number;
  /** Net energy stored into the battery while on a charger. */
  readonly chargedJ: number;
  /** Time the app was on, µs. */
  readonly onMicros: Micros;
}

export interface DeviceChurn {
  /** Integrates state and energy up to `t`. */
  advance(t: Micros): void;
  /** Advances to `t` and tells whether the app is on. */
  isOn(t: Micros): boolean;
  /**
   * Advances to `t` and returns the next time the on/off state flips, or null if it never will
   * (within 400 days). Valid until the next `onTransfer` (transfers can empty the battery sooner).
   */
  nextChange(t: Micros): Micros | null;
  /** Advances to `at` and charges the energy of moving `bytes` (sent or received). */
  onTransfer(at: Micros, bytes: number): void;
  /** Battery charge in [0, 1], or null without a battery. */
  batteryFraction(): number | null;
  energy(): EnergyTotals;
}

const HORIZON = 400 * DAY;
const EPSILON_J = 1e-9;

interface State {
  t: Micros;
  level: number;
  depleted: boolean;
  /** Number of random toggles at or before t (odd = in a random off period). */
  toggles: number;
  acc: { scanJ: number; advertiseJ: number; idleJ: number; otherJ: number; transferJ: number; chargedJ: number; onMicros: number };
}

export function createDeviceChurn(params: ChurnParams, rng: Rng, start: Micros = 0): DeviceChurn {
  const { power, battery } = params;
  const night = params.nightOff ? new DailyWindows(params.nightOff, rng, 'night-off') : null;
  const charge = params.charging ? new DailyWindows(params.charging, rng, 'charging') : null;
  const chargeW = params.charging?.powerW ?? 0;
  const capacity = battery ? battery.capacityWh * 3600 : Infinity;
  const appW = power.scanW + power.advertiseW + power.idleW;
  if (params.randomOff && !(params.randomOff.meanOn > 0 && params.randomOff.meanOff > 0)) {
    throw new RangeError('randomOff meanOn and meanOff must be > 0');
  }
  // Random toggle times, generated lazily and shared by look-ahead copies (a pure sequence).
  const toggleRng = rng.fork('random-off');
  const toggleTimes: Micros[] = [];
  const toggleAt = (k: number): Micros => {
    if (!params.randomOff) return Infinity;
    while (toggleTimes.length <= k) {
      const prev = toggleTimes.length === 0 ? start : toggleTimes[toggleTimes.length - 1]!;
      const mean = toggleTimes.length % 2 === 0 ? params.randomOff.meanOn : params.randomOff.meanOff;
      toggleTimes.push(prev + Math.max(1, Math.round(exponential(toggleRng, mean))));
    }
    return toggleTimes[k]!;
  };

  let initial = 0;
  if (battery) {
    const f = battery.initialFraction;
    initial = capacity * (typeof f === 'number' ? f : uniform(rng.fork('battery'), f[0], f[1]));
  }
  const st: State = {
    t: start,
    level: initial,
    depleted: battery !== null && initial <= EPSILON_J,
    toggles: 0,
    acc: { scanJ: 0, advertiseJ: 0, idleJ: 0, otherJ: 0, transferJ: 0, chargedJ: 0, onMicros: 0 },
  };

  const isAppOn = (s: State): boolean =>
    !s.depleted && s.toggles % 2 === 0 && !(night?.active(s.t) ?? false);
  const isCharging = (s: State): boolean => charge?.active(s.t) ?? false;
  /** Net power into the battery (W) in the current segment. */
  const netPower = (s: State): number => {
    const load = (isAppOn(s) ? appW : 0) + (s.depleted ? 0 : power.otherW);
    const net = (isCharging(s) ? chargeW : 0) - load;
    return net > 0 && s.level >= capacity ? 0 : net;
  };

  /** The next boundary strictly after s.t (Infinity if none). */
  function nextBoundary(s: State): Micros {
    let b = Math.min(night?.nextBoundary(s.t) ?? Infinity, charge?.nextBoundary(s.t) ?? Infinity, toggleAt(s.toggles));
    if (battery) {
      const net = netPower(s);
      if (net < 0 && s.level > 0) b = Math.min(b, s.t + Math.max(1, Math.ceil((s.level / -net) * 1e6)));
      else if (net > 0 && s.level < capacity) b = Math.min(b, s.t + Math.max(1, Math.ceil(((capacity - s.level) / net) * 1e6)));
    }
    return b;
  }

  /** Integrates from s.t to `to` (no boundary strictly inside), then applies the transitions at `to`. */
  function step(s: State, to: Micros): void {
    const dt = (to - s.t) / 1e6;
    const on = isAppOn(s);
    const wasCharging = isCharging(s);
    const net = netPower(s);
    if (on) {
      s.acc.scanJ += power.scanW * dt;
      s.acc.advertiseJ += power.advertiseW * dt;
      s.acc.idleJ += power.idleW * dt;
      s.acc.onMicros += to - s.t;
    }
    if (!s.depleted) s.acc.otherJ += power.otherW * dt;
    if (battery) {
      const before = s.level;
      s.level = Math.min(capacity, Math.max(0, s.level + net * dt));
      if (wasCharging) s.acc.chargedJ += Math.max(0, s.level - before);
    }
    s.t = to;
    while (toggleAt(s.toggles) <= to) s.toggles++;
    if (battery) {
      if (net < 0 && s.level <= EPSILON_J) { s.level = 0; s.depleted = true; }
      if (!wasCharging && isCharging(s)) s.depleted = false;
    }
  }

  function run(s: State, until: Micros): void {
    if (until < s.t) throw new RangeError(`device churn went backwards: ${until} < ${s.t}`);
    while (s.t < until) step(s, Math.min(until, nextBoundary(s)));
  }

  return {
    advance: (t) => run(st, t),
    isOn(t) {
      run(st, t);
      return isAppOn(st);
    },
    nextChange(t) {
      run(st, t);
      const copy: State = { ...st, acc: { ...st.acc } };
      const was = isAppOn(copy);
      while (copy.t < t + HORIZON) {
        const b = nextBoundary(copy);
        if (b === Infinity) return null;
        step(copy, b);
        if (isAppOn(copy) !== was) return copy.t;
      }
      return null;
    },
    onTransfer(at, bytes) {
      run(st, at);
      const j = (bytes / 1e6) * power.transferJPerMB;
      st.acc.transferJ += j;
      if (battery) {
        st.level = Math.max(0, st.level - j);
        if (st.level <= EPSILON_J) { st.level = 0; st.depleted = true; }
      }
    },
    batteryFraction: () => (battery ? st.level / capacity : null),
    energy: () => ({ ...st.acc }),
  };
}
