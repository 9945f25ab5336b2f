/**
 * The adapter library of one node (implements `SessionLibrary`, plus publishing, demand, usage and
 * inspection for the simulator, hw node and router). It owns every decision about what to keep:
 *
 * - Admission of a received manifest, in this order: structure (`manifest/invalid`, remote), id is
 *   the manifest's content address (`manifest/id-mismatch`, remote), signature present
 *   (`manifest/unsigned`, remote: our libraries never hold unsigned adapters, so offering one is a
 *   deviation) and valid (`manifest/bad-signature`, remote), trusted publisher
 *   (`manifest/untrusted-publisher`, local), accepted base model (`manifest/wrong-base-model`,
 *   local), newer than any held version of the same series (`manifest/superseded`, local; equal
 *   versions with different content: the first held wins), storage budget with eviction
 *   (`library/over-budget`, local). Untrusted and wrong-base declines are remembered by id so
 *   `plan` stops offering them; forgeries are not (the genuine manifest has the same id).
 * - Supersede: admitting version v removes held partials of older versions at once (useless to the
 *   router); older complete versions stay usable until v completes, then they are removed. Under
 *   budget pressure superseded adapters are the first evicted.
 * - Budget: the full size of every held adapter, partial or complete, is reserved at admission, so
 *   the store never grows past `budgetBytes`. Eviction follows the eviction policy (eviction.ts)
 *   and never touches pinned (published) adapters or the adapter being admitted.
 * - Trust: trust.ts (listed publishers, optional TOFU bound at admission).
 * A class so that thousands of simulated nodes share one copy of the methods. Pure: time comes
 * in as arguments.
 */
import { err, gossipError, GossipFault, ok, type ErrorCode, type GossipError, type Result } from '../errors.ts';
import { manifestId, validateManifest, verifyManifest } from '../packet/manifest.ts';
import type { BuiltPacket } from '../packet/packet.ts';
import type { DemandRecord, GossipPolicy } from '../policy/types.ts';
import type { AdapterStore, StoredChunk } from '../ports.ts';
import { missingIndices } from '../store/bitmap.ts';
import type { AdapterId, Hex, InventoryEntry, Manifest, Micros, NodeId } from '../types.ts';
import { chunkCount, isVirtualBody } from '../types.ts';
import type { PeerView } from './contract.ts';
import { DEFAULT_DEMAND_HORIZON, DemandBook } from './demand.ts';
import { supersededThenLru } from './eviction.ts';
import { Holdings, type Held } from './holdings.ts';
import { DEFAULT_PEER_WINDOW, PeerBook } from './peers.ts';
import { plan, type PlanDeps } from './plan.ts';
import { TrustBook } from './trust.ts';
import type { FlaggedPeer, Library, LibraryEntry, LibraryOptions } from './types.ts';

/** Declines remembered by id (permanent for that content); the oldest is forgotten past this. */
const MAX_DECLINED = 256;
const PERMANENT_DECLINES: ReadonlySet<ErrorCode> = new Set(['manifest/untrusted-publisher', 'manifest/wrong-base-model']);

/** Policies are stateless values: one default instance serves every library. */
const DEFAULT_EVICTION = supersededThenLru();

const short = (m: Manifest) => `${m.name} v${m.version}`;

class AdapterLibrary implements Library, PlanDeps {
  readonly payload: 'bytes' | 'virtual';
  readonly self: NodeId;
  readonly budgetBytes: number;
  readonly policy: GossipPolicy;
  readonly store: AdapterStore;
  readonly trust: TrustBook;
  readonly demandBook: DemandBook;
  readonly peers: PeerBook;
  readonly holdings: Holdings;
  declined: Map<AdapterId, ErrorCode> | undefined;
  private readonly baseModels: readonly Hex[] | undefined;
  private readonly verify: (m: Manifest) => Result<AdapterId>;

  constructor(options: LibraryOptions) {
    if (!Number.isFinite(options.budgetBytes) || options.budgetBytes < 0) throw new RangeError('budgetBytes must be a non-negative number');
    this.store = options.store;
    this.payload = options.store.payload;
    this.self = options.self;
    this.budgetBytes = options.budgetBytes;
    this.policy = options.policy;
    this.baseModels = options.baseModels;
    this.verify = options.verifyManifest ?? verifyManifest;
    this.trust = new TrustBook(options.trust);
    this.demandBook = new DemandBook(options.demandHorizon ?? DEFAULT_DEMAND_HORIZON);
    this.peers = new PeerBook(options.peers ? { ...DEFAULT_PEER_WINDOW, ...options.peers } : DEFAULT_PEER_WINDOW);
    this.holdings = new Holdings(this.store, options.budgetBytes, options.eviction ?? DEFAULT_EVICTION, this.demandBook, options.onEvent);
    // Adopt what a persistent store already holds (id order), then apply supersede and the budget.
    const at = options.at ?? 0;
    for (const s of this.store.list()) {
      this.holdings.adopt(s.id, s.manifest, s.haveCount === chunkCount(s.manifest), at);
      this.trust.record(s.manifest.publisher, s.manifest.name);
    }
    for (const h of [...this.holdings.values()]) if (this.holdings.get(h.id)) this.holdings.dropOlder(h, at);
    this.holdings.shrinkToBudget(at);
  }

  // ---- session contract -------------------------------------------------------------------

  inventory(): InventoryEntry[] {
    const out: InventoryEntry[] = [];
    for (const h of this.holdings.values()) {
      const m = h.manifest;
      out.push({ id: h.id, publisher: m.publisher, name: m.name, version: m.version, domain: m.domain, size: m.size, chunkSize: m.chunkSize, have: this.store.get(h.id)!.have });
    }
    return out;
  }

  manifest(id: AdapterId): Manifest | undefined {
    return this.holdings.get(id)?.manifest;
  }

  observePeer(peer: PeerView, at: Micros): void {
    if (peer.nodeId !== this.self) this.peers.observe(peer.nodeId, peer.inventory, at);
  }

  plan(peer: PeerView, at: Micros): AdapterId[] {
    if (peer.nodeId === this.self || this.peers.isFlagged(peer.nodeId)) return [];
    return plan(peer.inventory, at, this);
  }

  admitManifest(expectedId: AdapterId, m: Manifest, from: NodeId, at: Micros): Result<AdapterId> {
    const v = validateManifest(m);
    if (!v.ok) return this.decline(expectedId, from, at, v.error);
    const id = manifestId(m);
    if (id !== expectedId) return this.decline(expectedId, from, at, gossipError('manifest/id-mismatch', `manifest ${short(m)} hashes to ${id.slice(0, 12)}…, not the advertised ${expectedId.slice(0, 12)}…`, 'remote'));
    if (this.holdings.get(id)) return ok(id); // resuming: the held manifest has the same content
    const r = this.verify(m);
    if (!r.ok) return this.decline(id, from, at, r.error);
    const bad = this.acceptable(id, m, at, true);
    if (bad) return this.decline(id, from, at, bad);
    this.admit(id, m, at, from, false);
    return ok(id);
  }

  missing(id: AdapterId): number[] {
    const h = this.holdings.get(id);
    return h ? missingIndices(this.store.get(id)!.have, chunkCount(h.manifest)) : [];
  }

  readChunk(id: AdapterId, index: number): StoredChunk | undefined {
    return this.holdings.get(id) ? this.store.readChunk(id, index) : undefined;
  }

  storeChunk(id: AdapterId, index: number, chunk: StoredChunk, at: Micros): Result<{ complete: boolean }> {
    const h = this.holdings.get(id);
    if (!h) return err('library/unknown-adapter', `adapter ${id.slice(0, 12)}… is not (or no longer) in the library`, 'local');
    return this.putChunk(h, index, chunk, at);
  }

  flagPeer(nodeId: NodeId, error: GossipError, at: Micros): void { this.peers.flag(nodeId, error, at); }
  isFlagged(nodeId: NodeId): boolean { return this.peers.isFlagged(nodeId); }

  // ---- node-side API ----------------------------------------------------------------------

  publish(packet: BuiltPacket, at: Micros): Result<AdapterId> {
    const m = packet.manifest;
    const r = this.verify(m);
    if (!r.ok) return { ok: false, error: { ...r.error, origin: 'local' } };
    if (r.value !== packet.id) return err('manifest/id-mismatch', `packet id ${packet.id.slice(0, 12)}… is not its manifest's content address`, 'local');
    const n = chunkCount(m);
    if (this.payload === 'bytes' && n > 0 && isVirtualBody(packet.chunk(0).body)) {
      return err('chunk/virtual-not-allowed', `${short(m)} is a virtual packet; this library stores bytes`, 'local');
    }
    let h = this.holdings.get(packet.id);
    if (!h) {
      const bad = this.acceptable(packet.id, m, at, false);
      if (bad) return { ok: false, error: bad };
      h = this.admit(packet.id, m, at, this.self, true);
    }
    h.pinned = true;
    for (const i of missingIndices(this.store.get(h.id)!.have, n)) {
      const s = this.putChunk(h, i, packet.chunk(i), at);
      if (!s.ok) return s;
    }
    return ok(packet.id);
  }

  noteDemand(domain: string, at: Micros): void { this.demandBook.note(domain, at); }
  demand(at: Micros): DemandRecord[] { return this.demandBook.list(at); }

  touch(id: AdapterId, at: Micros): void {
    const h = this.holdings.get(id);
    if (h) h.lastUsed = Math.max(h.lastUsed, at);
  }

  remove(id: AdapterId, at: Micros): void { this.holdings.remove(id, 'explicit', at); }
  has(id: AdapterId): boolean { return this.holdings.get(id) !== undefined; }
  reservedBytes(): number { return this.holdings.reservedBytes(); }
  flaggedPeers(): FlaggedPeer[] { return this.peers.flagged(); }
  unflagPeer(nodeId: NodeId): void { this.peers.unflag(nodeId); }

  entries(): LibraryEntry[] {
    return [...this.holdings.values()].map((h) => {
      const s = this.store.get(h.id)!;
      return { id: h.id, manifest: h.manifest, complete: h.complete, haveCount: s.haveCount, bytesHeld: s.bytesHeld, pinned: h.pinned, lastUsed: h.lastUsed };
    });
  }

  // ---- internals --------------------------------------------------------------------------

  private decline(id: AdapterId, from: NodeId, at: Micros, error: GossipError): Result<AdapterId> {
    if (error.origin === 'local' && PERMANENT_DECLINES.has(error.code)) {
      this.declined ??= new Map();
      this.declined.delete(id);
      this.declined.set(id, error.code);
      if (this.declined.size > MAX_DECLINED) this.declined.delete(this.declined.keys().next().value!);
    }
    this.holdings.emit({ kind: 'declined', id, at, from, error });
    return { ok: false, error };
  }

  /** Checks shared by admission and publishing once the manifest is known genuine; makes room. */
  private acceptable(id: AdapterId, m: Manifest, at: Micros, checkTrust: boolean): GossipError | undefined {
    if (checkTrust && !this.trust.allows(m.publisher, m.name)) return gossipError('manifest/untrusted-publisher', `${short(m)} is from publisher ${m.publisher.slice(0, 12)}…, which is not trusted for this name`, 'local');
    if (this.baseModels && !this.baseModels.includes(m.baseModel)) return gossipError('manifest/wrong-base-model', `${short(m)} is for base model ${m.baseModel.slice(0, 12)}…, which this node does not run`, 'local');
    const newest = this.holdings.highestVersion(m, id);
    if (newest !== undefined && newest >= m.version) return gossipError('manifest/superseded', `${short(m)} is not newer than the held v${newest}`, 'local');
    if (!this.holdings.makeRoom(m.size, at, id)) return gossipError('library/over-budget', `${short(m)} (${m.size} bytes) does not fit in the ${this.budgetBytes}-byte budget (${this.holdings.free()} free, nothing more to evict)`, 'local');
    return undefined;
  }

  private admit(id: AdapterId, m: Manifest, at: Micros, from: NodeId, pinned: boolean): Held {
    const h = this.holdings.add(id, m, at, pinned);
    this.trust.record(m.publisher, m.name);
    this.holdings.emit({ kind: 'admitted', id, at, from });
    this.holdings.dropOlder(h, at);
    if (chunkCount(m) === 0) this.holdings.markComplete(h, at);
    return h;
  }

  private putChunk(h: Held, index: number, chunk: StoredChunk, at: Micros): Result<{ complete: boolean }> {
    try {
      this.store.putChunk(h.id, index, chunk);
    } catch (e) {
      if (e instanceof GossipFault) return { ok: false, error: { ...e.error, origin: 'local' } };
      return err('library/io', `storing chunk ${index} of ${short(h.manifest)}: ${e instanceof Error ? e.message : String(e)}`, 'local');
    }
    h.lastProgress = Math.max(h.lastProgress, at);
    if (!h.complete && this.store.get(h.id)!.haveCount === chunkCount(h.manifest)) this.holdings.markComplete(h, at);
    return ok({ complete: h.complete });
  }
}

export function createLibrary(options: LibraryOptions): Library {
  return new AdapterLibrary(options);
}
