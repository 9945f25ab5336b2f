/**
 * Link-layer arithmetic: the goodput ceiling of a BLE connection from PHY, ATT MTU, data length,
 * connection interval and packets per event (Core spec packet timings, T_IFS 150 µs, one empty
 * packet back per data packet), and transfer time / bytes moved including our per-fragment frame
 * header. Pure functions; knows nothing of randomness, nodes or the kernel.
 */
import type { Micros } from '../../core/types.ts';
import type { LinkLayerParams, Phy } from './radio-params.ts';

const T_IFS_US = 150;

/** Air time in µs of one LL packet with `payload` octets (no MIC: unencrypted link). */
export function packetAirtimeUs(phy: Phy, payload: number): number {
  const pduBits = (2 + payload + 3) * 8; // header + payload + CRC
  switch (phy) {
    case '1M': return (1 + 4) * 8 + pduBits; // preamble 1 B + access address
    case '2M': return ((2 + 4) * 8 + pduBits) / 2; // preamble 2 B
    case 'coded-s2': return 80 + 256 + 16 + 24 + pduBits * 2 + 3 * 2; // preamble, AA (S=8), CI, TERM1, PDU, TERM2
    case 'coded-s8': return 80 + 256 + 16 + 24 + pduBits * 8 + 3 * 8;
  }
}

/** Data packets per connection event: bounded by the stack limit and by what fits in the interval. */
export function packetsPerEvent(p: LinkLayerParams): number {
  const lll = Math.min(251, Math.max(27, p.dleOctets));
  const exchange = packetAirtimeUs(p.phy, lll) + T_IFS_US + packetAirtimeUs(p.phy, 0) + T_IFS_US;
  return Math.max(1, Math.min(p.maxPacketsPerEvent, Math.floor((p.connIntervalMs * 1000) / exchange)));
}

/** Ceiling of app payload bytes/s (ATT notifications, no retransmissions). */
export function linkCeilingBytesPerSec(p: LinkLayerParams): number {
  const lll = Math.min(251, Math.max(27, p.dleOctets));
  const fragmentsPerAttPdu = Math.ceil((p.attMtu + 4) / lll); // + L2CAP header
  const attPerSec = packetsPerEvent(p) / (p.connIntervalMs / 1000) / fragmentsPerAttPdu;
  return attPerSec * (p.attMtu - 3);
}

/** Median goodput of a profile: ceiling × efficiency, bytes/s. */
export function medianGoodput(p: LinkLayerParams): number {
  return linkCeilingBytesPerSec(p) * p.efficiency;
}

/** Time to move `bytes` of protocol payload at `goodput` bytes/s, each fragment carrying `header` extra bytes. */
export function transferTime(bytes: number, goodput: number, attMtu: number, header: number): Micros {
  if (bytes <= 0) return 0;
  const perFragment = attMtu - 3 - header;
  if (perFragment <= 0) throw new RangeError(`ATT MTU ${attMtu} leaves no room after a ${header}-byte frame header`);
  const wire = bytes + Math.ceil(bytes / perFragment) * header;
  return Math.ceil((wire / goodput) * 1_000_000);
}

/** Payload bytes fully delivered within `duration` (inverse of transferTime, rounded down). */
export function bytesIn(duration: Micros, goodput: number, attMtu: number, header: number): number {
  if (duration <= 0) return 0;
  const wire = Math.floor((duration * goodput) / 1_000_000);
  const fragment = attMtu - 3;
  const full = Math.floor(wire / fragment);
  const rest = wire - full * fragment;
  return full * (fragment - header) + Math.max(0, rest - header);
}
