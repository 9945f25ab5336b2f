/**
 * Maps a calibration profile (the file format in scenarios/profiles/, units already decoded) to
 * the link model's RadioParams: the profile's goodput median becomes the link efficiency against
 * the link-layer ceiling, its spread is split between a per-pair and a per-connection factor,
 * connection setup keeps its fitted (shifted) lognormal. Knows nothing of scenarios or nodes.
 */
import type { Profile } from '../scenario/index.ts';
import { medianOf, toLognormal } from '../scenario/index.ts';
import type { RadioParams } from '../link/index.ts';
import { UserError } from '../../cli/user-error.ts';
import { linkCeilingBytesPerSec } from '../link/index.ts';

const MS = 1000;

export function radioParamsOf(name: string, profile: Profile): RadioParams {
  const l = profile.link;
  const setup = toLognormal(l.connectionSetup);
  const goodput = toLognormal(l.goodput);
  const base = {
    phy: l.phy,
    attMtu: l.mtu,
    dleOctets: l.phy === '1M' && l.mtu <= 27 ? 27 : 251,
    connIntervalMs: l.connectionInterval / MS,
    maxPacketsPerEvent: 7,
    efficiency: 1,
  };
  const median = medianOf(l.goodput);
  // A measured goodput is a measurement; PHY, interval and packets per event are often defaults.
  // When the measured median exceeds the ceiling those defaults imply, allow more packets per
  // connection event instead of silently capping the measurement.
  const perPacket = linkCeilingBytesPerSec(base) / base.maxPacketsPerEvent;
  const linkLayer = { ...base, maxPacketsPerEvent: Math.max(base.maxPacketsPerEvent, Math.ceil(median / perPacket)) };
  const ceiling = linkCeilingBytesPerSec(linkLayer);
  if (median > ceiling * 1.001) {
    throw new UserError(
      `profile ${name}: link.goodput median ${Math.round(median)} B/s is more than link.phy ${l.phy}, link.connectionInterval `
        + `${l.connectionInterval / MS} ms and link.mtu ${l.mtu} can carry (${Math.round(ceiling)} B/s); fix those fields to match the device that was measured`,
    );
  }
  const split = goodput.sigma / Math.SQRT2;
  return {
    name,
    advertising: { enabled: true, intervalMs: l.advertisingInterval / MS },
    scan: { windowMs: l.scanWindow / MS, intervalMs: l.scanInterval / MS },
    advRxProbability: 1 - l.packetLoss,
    maxDiscoveryMs: 10 * 60 * MS,
    setup: {
      shiftMs: setup.offset / MS,
      medianMs: Math.exp(setup.mu) / MS,
      sigma: setup.sigma,
      maxMs: 30 * MS,
      failureProbability: l.connectFailure,
    },
    link: { ...linkLayer, efficiency: Math.min(1, median / ceiling) },
    goodputVariation: { pairSigma: split, connectionSigma: split, minBytesPerSec: Math.min(1000, median / 10) },
    frameHeaderBytes: 1,
    maxConcurrentLinks: l.maxLinks,
    dropsPerMinute: l.dropsPerHour / 60,
    rangeM: { indoor: l.range, outdoor: l.range },
  };
}
