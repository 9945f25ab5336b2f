/**
 * The ONE's MessageStatsReport: counts (created, started, relayed — every completed transfer,
 * deliveries included — aborted, delivered), delivery probability, overhead ratio, latency and
 * hop-count averages and upper medians (`sorted[n/2]`), `%.4f` values, `NaN` for empty lists
 * (hop-count median prints 0). Drops, TTL, responses and buffer times are not modelled: 0 / NaN.
 */
import { javaFixed } from '../java-format.ts';
import type { OneListener, PathNode, TransferKind } from '../listener.ts';

export interface OneMessageStats {
  readonly simTime: number;
  readonly created: number;
  readonly started: number;
  readonly relayed: number;
  readonly aborted: number;
  readonly dropped: number;
  readonly removed: number;
  readonly delivered: number;
  readonly deliveryProb: number;
  readonly overheadRatio: number;
  readonly latencyAvg: number;
  readonly latencyMed: number;
  readonly hopcountAvg: number;
  readonly hopcountMed: number;
}

export class MessageStatsReport implements OneListener {
  private nCreated = 0;
  private nStarted = 0;
  private nRelayed = 0;
  private nAborted = 0;
  private nDelivered = 0;
  private simTime = 0;
  private readonly latencies: number[] = [];
  private readonly hopCounts: number[] = [];
  private readonly creationTimes: Float64Array;

  constructor(private readonly scenarioName: string, nMessages: number) {
    this.creationTimes = new Float64Array(nMessages);
  }

  connection(): void {}

  created(now: number, _host: number, msg: number): void {
    this.nCreated++;
    this.creationTimes[msg] = now;
  }

  started(): void {
    this.nStarted++;
  }

  transferred(now: number, _from: number, _to: number, msg: number, kind: TransferKind, path: PathNode): void {
    this.nRelayed++;
    if (kind === 'D') {
      this.latencies.push(now - (this.creationTimes[msg] as number));
      this.nDelivered++;
      this.hopCounts.push(path.hops);
    }
  }

  aborted(): void {
    this.nAborted++;
  }

  finished(now: number): void {
    this.simTime = now;
  }

  stats(): OneMessageStats {
    return {
      simTime: this.simTime,
      created: this.nCreated,
      started: this.nStarted,
      relayed: this.nRelayed,
      aborted: this.nAborted,
      dropped: 0,
      removed: 0,
      delivered: this.nDelivered,
      deliveryProb: this.nCreated > 0 ? this.nDelivered / this.nCreated : 0,
      overheadRatio: this.nDelivered > 0 ? (this.nRelayed - this.nDelivered) / this.nDelivered : NaN,
      latencyAvg: average(this.latencies),
      latencyMed: upperMedian(this.latencies),
      hopcountAvg: average(this.hopCounts),
      hopcountMed: this.hopCounts.length === 0 ? 0 : upperMedian(this.hopCounts),
    };
  }

  render(): string {
    const s = this.stats();
    const f = (x: number): string => javaFixed(x, 4);
    return [
      `Message stats for scenario ${this.scenarioName}`,
      `sim_time: ${f(s.simTime)}`,
      `created: ${s.created}`,
      `started: ${s.started}`,
      `relayed: ${s.relayed}`,
      `aborted: ${s.aborted}`,
      `dropped: ${s.dropped}`,
      `removed: ${s.removed}`,
      `delivered: ${s.delivered}`,
      `delivery_prob: ${f(s.deliveryProb)}`,
      `response_prob: ${f(0)}`,
      `overhead_ratio: ${f(s.overheadRatio)}`,
      `latency_avg: ${f(s.latencyAvg)}`,
      `latency_med: ${f(s.latencyMed)}`,
      `hopcount_avg: ${f(s.hopcountAvg)}`,
      `hopcount_med: ${s.hopcountMed}`,
      'buffertime_avg: NaN',
      'buffertime_med: NaN',
      'rtt_avg: NaN',
      'rtt_med: NaN',
      '',
    ].join('\n');
  }
}

/** Arithmetic mean summed in insertion order; NaN for an empty list. */
function average(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** `sorted[n/2]` with no averaging; NaN for an empty list. */
function upperMedian(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
