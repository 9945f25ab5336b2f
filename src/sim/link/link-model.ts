/**
 * The BLE link model, sans-I/O and seeded: given a contact between two devices, it draws the
 * discovery latency, the connection setup time (and whether setup fails), the goodput of the
 * connection (profile median × a fixed per-pair factor × a per-connection factor, capped by the
 * link-layer ceiling), when the connection drops early (Poisson), whether both ends have a free
 * link slot, and how long a transfer takes including frame overhead. The simulator owns the clock
 * and calls these when it schedules; all draws come from the injected Rng in call order, except
 * the per-pair factor, which depends only on the pair (see pair-hash.ts).
 * Knows nothing of the kernel, contacts, churn or the protocol.
 */
import type { Rng } from '../../core/ports.ts';
import type { Micros } from '../../core/types.ts';
import { exponential, lognormal } from '../world/distributions.ts';
import { sampleMutualDiscovery } from './discovery.ts';
import { bytesIn, linkCeilingBytesPerSec, medianGoodput, transferTime } from './goodput.ts';
import { pairNormal } from './pair-hash.ts';
import type { RadioParams } from './radio-params.ts';

export interface SetupOutcome {
  /** How long the attempt takes (connect + MTU + discovery + subscribe), µs. */
  readonly delay: Micros;
  /** False when the attempt fails after `delay` (the pair may retry). */
  readonly ok: boolean;
}

export interface LinkModel {
  readonly params: RadioParams;
  /** Link-layer ceiling and median goodput of the profile, bytes/s. */
  readonly ceilingBytesPerSec: number;
  readonly medianBytesPerSec: number;
  /** Time from the start of a contact until either device hears the other; null = never (no advertiser, no scan, or past maxDiscoveryMs). */
  discoveryDelay(): Micros | null;
  /** One connection attempt: its duration and whether it succeeds. */
  setup(): SetupOutcome;
  /** Duration of a connection setup (ignores failures). */
  setupDelay(): Micros;
  /** Goodput of a new connection between devices a and b, bytes/s (draw once per connection). */
  goodput(a: number, b: number): number;
  /** Time after connection at which it drops while still in range; null = never (zero drop rate). */
  dropAfter(): Micros | null;
  /** True when both devices have a free link slot (current links below maxConcurrentLinks). */
  canConnect(linksA: number, linksB: number): boolean;
  /** Time to move `bytes` of protocol payload at `goodput` bytes/s, frame headers included. */
  transferTime(bytes: number, goodput: number): Micros;
  /** Payload bytes fully delivered within `duration` at `goodput` (for transfers cut by a contact loss). */
  bytesIn(duration: Micros, goodput: number): number;
}

export function createLinkModel(params: RadioParams, rng: Rng): LinkModel {
  validate(params);
  const discoveryRng = rng.fork('discovery');
  const setupRng = rng.fork('setup');
  const goodputRng = rng.fork('goodput');
  const dropRng = rng.fork('drop');
  const pairSeed = rng.fork('pair-goodput').int(0, 0xffffffff);
  const ceiling = linkCeilingBytesPerSec(params.link);
  const median = medianGoodput(params.link);
  const { setup: s, goodputVariation: v } = params;

  const setupDelay = (): Micros =>
    Math.round(Math.min(s.maxMs, s.shiftMs + lognormal(setupRng, s.medianMs, s.sigma)) * 1000);

  return {
    params,
    ceilingBytesPerSec: ceiling,
    medianBytesPerSec: median,
    discoveryDelay: () =>
      sampleMutualDiscovery(params.advertising, params.scan, params.advRxProbability, params.maxDiscoveryMs * 1000, discoveryRng),
    setup() {
      const delay = setupDelay();
      const ok = s.failureProbability <= 0 || setupRng.next() >= s.failureProbability;
      return { delay, ok };
    },
    setupDelay,
    goodput(a, b) {
      const pair = Math.exp(v.pairSigma * pairNormal(pairSeed, a, b));
      const g = lognormal(goodputRng, median, v.connectionSigma) * pair;
      return Math.min(ceiling, Math.max(v.minBytesPerSec, g));
    },
    dropAfter() {
      if (params.dropsPerMinute <= 0) return null;
      return Math.max(1, Math.round(exponential(dropRng, 60_000_000 / params.dropsPerMinute)));
    },
    canConnect: (linksA, linksB) => linksA < params.maxConcurrentLinks && linksB < params.maxConcurrentLinks,
    transferTime: (bytes, goodput) => transferTime(bytes, goodput, params.link.attMtu, params.frameHeaderBytes),
    bytesIn: (duration, goodput) => bytesIn(duration, goodput, params.link.attMtu, params.frameHeaderBytes),
  };
}

function validate(p: RadioParams): void {
  const bad = (field: string, why: string): never => {
    throw new RangeError(`radio profile "${p.name}": ${field} ${why}`);
  };
  if (p.link.attMtu < 23 || p.link.attMtu > 517) bad('link.attMtu', `must be 23–517, got ${p.link.attMtu}`);
  if (p.link.attMtu - 3 <= p.frameHeaderBytes) bad('frameHeaderBytes', 'must leave room in an ATT payload');
  if (!(p.link.connIntervalMs >= 7.5)) bad('link.connIntervalMs', `must be >= 7.5, got ${p.link.connIntervalMs}`);
  if (!(p.link.efficiency > 0 && p.link.efficiency <= 1)) bad('link.efficiency', 'must be in (0, 1]');
  if (!(p.link.maxPacketsPerEvent >= 1)) bad('link.maxPacketsPerEvent', 'must be >= 1');
  if (!(p.advertising.intervalMs >= 20)) bad('advertising.intervalMs', 'must be >= 20 (Core spec)');
  if (p.scan.windowMs < 0 || !(p.scan.intervalMs > 0)) bad('scan', 'needs window >= 0 and interval > 0');
  if (p.advRxProbability < 0 || p.advRxProbability > 1) bad('advRxProbability', 'must be in [0, 1]');
  if (p.setup.failureProbability < 0 || p.setup.failureProbability >= 1) bad('setup.failureProbability', 'must be in [0, 1)');
  if (p.dropsPerMinute < 0) bad('dropsPerMinute', 'must be >= 0');
  if (!(p.maxConcurrentLinks >= 1)) bad('maxConcurrentLinks', 'must be >= 1');
}
