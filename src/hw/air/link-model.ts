/**
 * The virtual air's link model: the timing knobs the air applies to every controller and
 * connection (advertising period, connection setup, per-connection goodput pacing, one-way
 * latency, loss as retransmissions) and the controller's ACL buffer geometry. Who is in range of
 * whom is not here: that is the air's range table, driven by a contact schedule.
 * Values only; knows nothing about HCI bytes.
 */
import type { Micros } from '../../core/types.ts';

export interface LinkModel {
  /**
   * Link rate: ACL payload bytes (L2CAP headers included, HCI headers excluded) per second, per
   * connection and per direction. `Infinity` = unpaced (as fast as the processes go).
   */
  readonly rate: number;
  /** From LE Create Connection to LE Connection Complete (when the target is in range and advertising). */
  readonly connectionSetup: Micros;
  /** Period of advertising reports to an in-range scanner (the advertising interval); discovery takes up to one period. */
  readonly advertisingInterval: Micros;
  /** One-way delay added to every ACL packet after its airtime. */
  readonly latency: Micros;
  /** Probability that an ACL packet needs one link-layer retransmission (its airtime doubles). */
  readonly loss: number;
  /** LE ACL buffer length the controller reports (bytes per ACL packet; 251 = data length extension). */
  readonly aclLength: number;
  /** LE ACL buffers the controller reports; hosts never have more ACL packets than this unacknowledged. */
  readonly aclBuffers: number;
  /** RSSI reported in advertising reports (dBm). */
  readonly rssi: number;
}

export const DEFAULT_LINK_MODEL: LinkModel = {
  rate: Infinity,
  connectionSetup: 0,
  advertisingInterval: 100_000,
  latency: 0,
  loss: 0,
  aclLength: 251,
  aclBuffers: 8,
  rssi: -50,
};

export function linkModel(overrides: Partial<LinkModel> = {}): LinkModel {
  const m = { ...DEFAULT_LINK_MODEL, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) } as LinkModel;
  if (!(m.rate > 0)) throw new RangeError(`link rate must be > 0 bytes/s, got ${m.rate}`);
  if (!(m.loss >= 0 && m.loss < 1)) throw new RangeError(`loss must be in [0, 1), got ${m.loss}`);
  if (!(m.advertisingInterval > 0)) throw new RangeError('advertisingInterval must be > 0');
  if (!(m.connectionSetup >= 0) || !(m.latency >= 0)) throw new RangeError('connectionSetup and latency must be >= 0');
  if (!Number.isInteger(m.aclLength) || m.aclLength < 27 || m.aclLength > 1021) throw new RangeError('aclLength must be an integer 27-1021');
  if (!Number.isInteger(m.aclBuffers) || m.aclBuffers < 1 || m.aclBuffers > 255) throw new RangeError('aclBuffers must be an integer 1-255');
  return m;
}

/** Airtime of `bytes` of ACL payload at the model's rate (µs, not rounded). */
export function airtime(m: LinkModel, bytes: number): number {
  return m.rate === Infinity ? 0 : (bytes * 1e6) / m.rate;
}
