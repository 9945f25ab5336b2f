/**
 * Radio profiles for the BLE link model: advertising and scanning (discovery), connection setup,
 * link-layer parameters that bound goodput, per-link variation, concurrent-link limit, early drops
 * and range. Three presets follow /work/shared/design/ble.md ("Real-world numbers"); every number
 * that has no public source is marked as an estimate to be replaced by `gossip hw calibrate`.
 * Owns only data; knows nothing of nodes, contacts or the kernel.
 */

export type Phy = '1M' | '2M' | 'coded-s2' | 'coded-s8';

export interface AdvertisingParams {
  /** False when the device cannot advertise (e.g. an iOS app in the background). */
  readonly enabled: boolean;
  /** advInterval; the Core spec adds a random advDelay of 0–10 ms to every event. */
  readonly intervalMs: number;
}

export interface ScanParams {
  /** Scan window and interval; duty cycle = window / interval (window >= interval means always on). */
  readonly windowMs: number;
  readonly intervalMs: number;
}

export interface SetupParams {
  /**
   * Setup time (connect + MTU exchange + service discovery + subscribe) is a shifted lognormal:
   * shiftMs + LN(median = medianMs, log-sd = sigma), capped at maxMs.
   */
  readonly shiftMs: number;
  readonly medianMs: number;
  readonly sigma: number;
  readonly maxMs: number;
  /** Probability that a setup attempt fails after its delay (e.g. Android GATT error 133). */
  readonly failureProbability: number;
}

export interface LinkLayerParams {
  readonly phy: Phy;
  /** Negotiated ATT MTU; app payload per notification = attMtu - 3. */
  readonly attMtu: number;
  /** Data Length Extension: LL payload octets per packet (27 without DLE, up to 251). */
  readonly dleOctets: number;
  readonly connIntervalMs: number;
  /** Packets the controllers exchange per connection event (a phone stack limit). */
  readonly maxPacketsPerEvent: number;
  /** Share of the link-layer ceiling an app actually gets (host stack, notifications queue, CPU). */
  readonly efficiency: number;
}

export interface GoodputVariation {
  /** Log-sd of a factor fixed per pair of devices (hardware, placement). */
  readonly pairSigma: number;
  /** Log-sd of a factor drawn per connection (body blocking, interference). */
  readonly connectionSigma: number;
  /** Floor for a connection's goodput, bytes/s. */
  readonly minBytesPerSec: number;
}

export interface RadioParams {
  readonly name: string;
  readonly advertising: AdvertisingParams;
  readonly scan: ScanParams;
  /** Probability that an advertising event falling inside a scan window is received (collisions, fading). */
  readonly advRxProbability: number;
  /** Give up discovery after this long (the pair is then treated as never discovering each other). */
  readonly maxDiscoveryMs: number;
  readonly setup: SetupParams;
  readonly link: LinkLayerParams;
  readonly goodputVariation: GoodputVariation;
  /** Protocol bytes added to every fragment (our frame header), counted against goodput. */
  readonly frameHeaderBytes: number;
  /** Simultaneous connections a device supports. */
  readonly maxConcurrentLinks: number;
  /** Poisson rate of early connection drops while in range (per minute of connection). */
  readonly dropsPerMinute: number;
  /** Radio range in metres indoors / outdoors, for contact detection. */
  readonly rangeM: { readonly indoor: number; readonly outdoor: number };
}

/**
 * Connection setup fitted to Nordic DevZone question 140143 (Android central, connect + MTU +
 * discovery + CCCD, 1,500 trials: best 389 ms, mean 867 ms, worst 3,046 ms): a shifted lognormal
 * whose 1/1500 and 1499/1500 quantiles are 389 and 3,046 ms and whose mean is 867 ms
 * (shift 302 ms, median of the lognormal part 489 ms, sigma 0.537; overall median ≈ 791 ms).
 */
const ANDROID_SETUP: SetupParams = { shiftMs: 302, medianMs: 489, sigma: 0.537, maxMs: 10_000, failureProbability: 0 };

const PHONE_RANGE = { indoor: 10, outdoor: 30 } as const; // ble.md: practical phone range 10–30 m with obstructions

export const RADIO_PRESETS = {
  /**
   * Android phones, BLE 5 2M PHY, screen on / foreground service.
   * Scan: AOSP ScanManager SCAN_MODE_BALANCED 183/730 ms (25 %). Advertising: AdvertiseSettings
   * ADVERTISE_MODE_BALANCED (250 ms). Goodput: link ceiling 2M, CI 15 ms, MTU 247, DLE 251, 7
   * packets/event = 114 KB/s; efficiency 0.67 gives a 76 KB/s median, matching SiLabs BGX13
   * "Android → BGX, 2M, CI 15 ms: 610 kbit/s from phone" (the phone is the sender phone-to-phone;
   * Pixel 5 at CI 30 ms measured 57–59 KB/s, blerpc.net). Concurrent links: AOSP GATT_MAX_PHY_CHANNEL 7.
   */
  'android-2m': {
    name: 'android-2m',
    advertising: { enabled: true, intervalMs: 250 },
    scan: { windowMs: 183, intervalMs: 730 },
    advRxProbability: 1,
    maxDiscoveryMs: 600_000,
    setup: ANDROID_SETUP,
    link: { phy: '2M', attMtu: 247, dleOctets: 251, connIntervalMs: 15, maxPacketsPerEvent: 7, efficiency: 0.67 },
    goodputVariation: { pairSigma: 0.3, connectionSigma: 0.2, minBytesPerSec: 2_000 },
    frameHeaderBytes: 4,
    maxConcurrentLinks: 7,
    dropsPerMinute: 0.02, // estimate: no public figure
    rangeM: PHONE_RANGE,
  },
  /**
   * iPhones. iOS: connection interval >= 15 ms in multiples of 15, MTU ≈ 251 (Apple developer
   * forums, via ble.md); apps cannot advertise in the background (set advertising.enabled = false
   * to model that). Goodput: 2M, CI 30 ms, MTU 247, 4 packets/event = 32.5 KB/s ceiling;
   * efficiency 0.92 gives a 30 KB/s median (iPhone 16 central at CI 30 ms: 26–32 KB/s, blerpc.net).
   * Scan duty cycle (10 %) and link limit are estimates (Apple publishes none); the advertising
   * interval is one Apple recommends to accessories (Accessory Design Guidelines, 211.25 ms), as an
   * estimate for a foreground app; setup reuses the Android fit (no iOS figure found). Keep
   * advertising and scan intervals incommensurate: equal ones make discovery drift only by the
   * 0–10 ms advDelay per event (a 1,000/1,000 ms pair gives a ~40 s median).
   */
  ios: {
    name: 'ios',
    advertising: { enabled: true, intervalMs: 211.25 },
    scan: { windowMs: 100, intervalMs: 1_000 },
    advRxProbability: 1,
    maxDiscoveryMs: 600_000,
    setup: ANDROID_SETUP,
    link: { phy: '2M', attMtu: 247, dleOctets: 251, connIntervalMs: 30, maxPacketsPerEvent: 4, efficiency: 0.92 },
    goodputVariation: { pairSigma: 0.3, connectionSigma: 0.2, minBytesPerSec: 2_000 },
    frameHeaderBytes: 4,
    maxConcurrentLinks: 4, // estimate
    dropsPerMinute: 0.02, // estimate
    rangeM: PHONE_RANGE,
  },
  /**
   * The ble.md suggested phone-to-phone defaults: 50 KB/s median goodput, setup 0.4–3 s, range
   * 10 m indoors / 30 m outdoors, with pessimistic discovery: screen-off scanning (AOSP ScanManager
   * 512/10240 ms, 5 %) and ADVERTISE_MODE_LOW_POWER (1 s). Link: 1M PHY, CI 30 ms, MTU 247,
   * 7 packets/event = 56.9 KB/s ceiling; efficiency 0.878 gives the 50 KB/s median.
   */
  conservative: {
    name: 'conservative',
    advertising: { enabled: true, intervalMs: 1_000 },
    scan: { windowMs: 512, intervalMs: 10_240 },
    advRxProbability: 1,
    maxDiscoveryMs: 600_000,
    setup: ANDROID_SETUP,
    link: { phy: '1M', attMtu: 247, dleOctets: 251, connIntervalMs: 30, maxPacketsPerEvent: 7, efficiency: 0.878 },
    goodputVariation: { pairSigma: 0.3, connectionSigma: 0.2, minBytesPerSec: 2_000 },
    frameHeaderBytes: 4,
    maxConcurrentLinks: 2, // estimate: a gossip app keeps few links
    dropsPerMinute: 0.05, // estimate
    rangeM: PHONE_RANGE,
  },
} as const satisfies Record<string, RadioParams>;

export type RadioPresetName = keyof typeof RADIO_PRESETS;
export const RADIO_PRESET_NAMES = Object.keys(RADIO_PRESETS) as RadioPresetName[];
