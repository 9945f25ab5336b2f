/**
 * Discovery latency: how long after two devices come into range one of them first receives the
 * other's advertisement. Small simulation of interval arithmetic with random phases: advertising
 * events every advInterval + advDelay (uniform 0–10 ms, Core spec), scan windows of `window` every
 * `interval` at a random phase; an event is heard if it falls inside a window (and passes the
 * reception probability). Knows nothing of nodes or the kernel.
 */
import type { Rng } from '../../core/ports.ts';
import type { Micros } from '../../core/types.ts';
import type { AdvertisingParams, ScanParams } from './radio-params.ts';

const ADV_DELAY_MAX_US = 10_000;

/** One direction (scanner hears advertiser); null if never within `maxUs` (or cannot at all). */
export function sampleOneWayDiscovery(
  adv: AdvertisingParams,
  scan: ScanParams,
  rxProbability: number,
  maxUs: Micros,
  rng: Rng,
): Micros | null {
  if (!adv.enabled || scan.windowMs <= 0 || scan.intervalMs <= 0 || rxProbability <= 0) return null;
  const interval = scan.intervalMs * 1000;
  const window = Math.min(scan.windowMs, scan.intervalMs) * 1000;
  const always = window >= interval;
  const phase = rng.next() * interval; // scanner is `phase` into its cycle at contact start
  const advInterval = adv.intervalMs * 1000;
  let e = rng.next() * advInterval; // first advertising event after contact start
  while (e <= maxUs) {
    const inWindow = always || (e + phase) % interval < window;
    if (inWindow && (rxProbability >= 1 || rng.next() < rxProbability)) return Math.round(e);
    e += advInterval + rng.next() * ADV_DELAY_MAX_US;
  }
  return null;
}

/** Both devices scan and advertise: the first of the two directions wins. */
export function sampleMutualDiscovery(
  adv: AdvertisingParams,
  scan: ScanParams,
  rxProbability: number,
  maxUs: Micros,
  rng: Rng,
): Micros | null {
  const ab = sampleOneWayDiscovery(adv, scan, rxProbability, maxUs, rng);
  const ba = sampleOneWayDiscovery(adv, scan, rxProbability, maxUs, rng);
  if (ab === null) return ba;
  if (ba === null) return ab;
  return Math.min(ab, ba);
}
