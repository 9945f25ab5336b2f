/**
 * Whom a node's central should connect to, decided from sightings: never itself; when both nodes
 * run both roles, only peers with a higher node-id prefix (one designated central per pair, so two
 * nodes never dial each other at once; a node without a peripheral, or a peer without a central,
 * cannot wait for the other side and always dials); never while a session with that peer is running; and only when something may be new —
 * the peer's advertised inventory digest or our own differ from the end of the last clean session
 * with it — or after a failed attempt once its back-off (1 s doubling to 30 s; 60 s after a
 * refusal for misbehaviour) has passed. Pure bookkeeping: time is an argument.
 */
import type { Micros } from '../../core/types.ts';
import type { AdvInfo } from './gatt-profile.ts';

interface PeerRecord {
  /** Digests at the end of the last clean session. */
  peerDigest: string | undefined;
  ownDigest: string | undefined;
  failures: number;
  retryAt: Micros;
}

const BASE_BACKOFF: Micros = 1_000_000;
const MAX_BACKOFF: Micros = 30_000_000;
const REFUSED_BACKOFF: Micros = 60_000_000;

export class PeerBook {
  private readonly peers = new Map<string, PeerRecord>();
  private readonly busy = new Set<string>();

  /** `acceptsConnections`: we run a peripheral, so higher-id peers may wait for us to call them. */
  constructor(private readonly ownPrefix: string, private readonly acceptsConnections = true) {}

  private record(prefix: string): PeerRecord {
    let r = this.peers.get(prefix);
    if (!r) {
      r = { peerDigest: undefined, ownDigest: undefined, failures: 0, retryAt: 0 };
      this.peers.set(prefix, r);
    }
    return r;
  }

  /** Should our central connect to this sighting now? */
  shouldConnect(info: AdvInfo, ownDigest: string, now: Micros): boolean {
    if (info.nodePrefix === this.ownPrefix) return false;
    if (this.acceptsConnections && info.central && info.nodePrefix < this.ownPrefix) return false;
    if (this.busy.has(info.nodePrefix)) return false;
    const r = this.peers.get(info.nodePrefix);
    if (!r) return true;
    if (now < r.retryAt) return false;
    if (r.failures > 0) return true;
    return r.peerDigest !== info.digest || r.ownDigest !== ownDigest;
  }

  /** A session with the peer runs (either role). */
  begin(prefix: string): void {
    this.busy.add(prefix);
  }

  /** The session ended cleanly: remember both digests. */
  succeeded(prefix: string, peerDigest: string | undefined, ownDigest: string): void {
    this.busy.delete(prefix);
    const r = this.record(prefix);
    r.peerDigest = peerDigest;
    r.ownDigest = ownDigest;
    r.failures = 0;
    r.retryAt = 0;
  }

  /** The attempt or session failed (`refused`: the peer is flagged as misbehaving). */
  failed(prefix: string, now: Micros, refused = false): void {
    this.busy.delete(prefix);
    const r = this.record(prefix);
    r.failures++;
    r.peerDigest = undefined;
    r.retryAt = now + (refused ? REFUSED_BACKOFF : Math.min(MAX_BACKOFF, BASE_BACKOFF * 2 ** (r.failures - 1)));
  }

  /** Forget the running mark without judging (e.g. the session ended before HELLO). */
  end(prefix: string): void {
    this.busy.delete(prefix);
  }

  isBusy(prefix: string): boolean {
    return this.busy.has(prefix);
  }
}
