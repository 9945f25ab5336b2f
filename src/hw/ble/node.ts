/**
 * A gossiping node on Bluetooth LE: one adapter library served and filled through a bleno
 * peripheral (one central at a time) and a noble central (one outgoing connection at a time,
 * chosen by the `PeerBook` from scan-response sightings). Each connection is an `Encounter`; a
 * chunk stored through one is announced to the others (relay in the same encounter); a completed
 * adapter is re-read from the library and verified end to end against its manifest; the
 * advertised inventory digest follows the library (updated while no central is connected).
 * `stop()` ends every session with a BYE, hangs up, and stops both stacks; the library on disk
 * stays consistent at any instant (crash-safe store), so SIGINT at any time is safe.
 */
import type { Library } from '../../core/library/index.ts';
import { verifyPayload } from '../../core/packet/packet.ts';
import type { Scheduler } from '../../core/ports.ts';
import type { SessionConfig, SessionEvent } from '../../core/session/index.ts';
import { chunkCount, isVirtualBody, type AdapterId, type NodeId } from '../../core/types.ts';
import type { BleCentral, Sighting } from './central.ts';
import { Encounter, type EncounterEvent } from './encounter.ts';
import { inventoryDigest, nodePrefix, type AdvInfo } from './gatt-profile.ts';
import type { LinkEndpoint } from './link-endpoint.ts';
import type { NodeEvent, Role } from './node-events.ts';
import { PeerBook } from './peer-book.ts';
import type { BlePeripheral } from './peripheral.ts';

export interface BleNodeOptions {
  readonly name: string;
  readonly nodeId: NodeId;
  readonly library: Library;
  readonly scheduler: Scheduler;
  /** Either role may be absent (a scan-only or advertise-only node). */
  readonly central?: BleCentral;
  readonly peripheral?: BlePeripheral;
  readonly session?: Omit<SessionConfig, 'nodeId' | 'library'>;
  /** Names of known node ids (a trial's roster); others are shown by id prefix. */
  readonly roster?: ReadonlyMap<NodeId, string>;
  readonly log: (e: NodeEvent) => void;
}

export class BleNode {
  private readonly encounters = new Set<Encounter>();
  private readonly peers: PeerBook;
  private readonly prefix: string;
  private centralBusy = false;
  private stopped = false;
  private digest: string | undefined;
  /** Adapters already verified end to end (concurrent sessions may both report completion). */
  private readonly verified = new Set<AdapterId>();

  constructor(private readonly o: BleNodeOptions) {
    this.prefix = nodePrefix(o.nodeId);
    this.peers = new PeerBook(this.prefix, o.peripheral !== undefined);
  }

  get library(): Library { return this.o.library; }
  get activeEncounters(): number { return this.encounters.size; }

  private report(e: EncounterEvent): void {
    this.o.log({ ...e, at: this.o.scheduler.now(), node: this.o.name } as NodeEvent);
  }

  private nameOf(id: NodeId): string {
    return this.o.roster?.get(id) ?? id.slice(0, 16);
  }

  private nameOfPrefix(prefix: string): string | null {
    for (const [id, name] of this.o.roster ?? []) if (nodePrefix(id) === prefix) return name;
    return prefix;
  }

  private currentDigest(): string {
    this.digest ??= inventoryDigest(this.o.library.inventory());
    return this.digest;
  }

  private advInfo(): AdvInfo {
    return { nodePrefix: this.prefix, digest: this.currentDigest(), central: this.o.central !== undefined };
  }

  async start(): Promise<void> {
    const { central, peripheral } = this.o;
    if (peripheral) {
      peripheral.onConnection = (link, address) => this.accept(link, 'peripheral', address, null);
      await peripheral.start(this.advInfo());
    }
    if (central) {
      central.onSighting = (s) => this.sighted(s);
      await central.start();
    }
    const addresses = [peripheral?.address, central?.address].filter((a): a is string => typeof a === 'string');
    this.report({ event: 'node-ready', nodeId: this.o.nodeId, addresses });
  }

  private sighted(s: Sighting): void {
    const central = this.o.central;
    if (this.stopped || this.centralBusy || !central || !s.info) return;
    const now = this.o.scheduler.now();
    if (!this.peers.shouldConnect(s.info, this.currentDigest(), now)) return;
    const prefix = s.info.nodePrefix;
    const peerDigest = s.info.digest;
    this.centralBusy = true;
    this.peers.begin(prefix);
    central.connect(s.address).then(
      (link) => {
        if (this.stopped) {
          link.close('node stopping');
          this.centralBusy = false;
          return;
        }
        const enc = this.accept(link, 'central', s.address, this.nameOfPrefix(prefix));
        void enc.done.then((closed) => {
          this.centralBusy = false;
          if (closed.error) this.peers.failed(prefix, this.o.scheduler.now(), closed.error.code === 'session/peer-misbehaving');
          else this.peers.succeeded(prefix, peerDigest, this.currentDigest());
        });
      },
      (e: unknown) => {
        this.centralBusy = false;
        this.peers.failed(prefix, this.o.scheduler.now());
        this.report({ event: 'connect-failed', peer: this.nameOfPrefix(prefix), address: s.address, reason: (e as Error).message });
      },
    );
  }

  private accept(link: LinkEndpoint, role: Role, address: string, peerName: string | null): Encounter {
    const enc = new Encounter({
      link, role, address, peerName, nodeId: this.o.nodeId, library: this.o.library, scheduler: this.o.scheduler, session: this.o.session,
      nameOf: (id) => this.nameOf(id), report: (e) => this.report(e), onSessionEvent: (en, e) => this.sessionEvent(en, e),
    });
    this.encounters.add(enc);
    if (this.stopped) enc.linkSession.close();
    else enc.start();
    return enc;
  }

  private sessionEvent(enc: Encounter, e: SessionEvent): void {
    switch (e.type) {
      case 'hello':
        if (enc.role === 'peripheral') this.peers.begin(nodePrefix(e.peer.nodeId));
        return;
      case 'chunk-stored':
        this.digest = undefined;
        for (const other of this.encounters) if (other !== enc) other.linkSession.announce(e.id, e.index);
        return;
      case 'adapter-complete':
        this.digest = undefined;
        this.verify(e.id);
        this.refreshAdvertisement();
        return;
      case 'closed':
        this.encounters.delete(enc);
        if (enc.role === 'peripheral' && enc.peerId) this.peers.end(nodePrefix(enc.peerId));
        this.refreshAdvertisement();
        return;
      default:
        return;
    }
  }

  private refreshAdvertisement(): void {
    if (!this.stopped) this.o.peripheral?.setInfo(this.advInfo());
  }

  /** Re-reads a completed adapter from the library and checks it against its manifest. */
  private verify(id: AdapterId): void {
    const m = this.o.library.manifest(id);
    if (!m || this.verified.has(id)) return;
    this.verified.add(id);
    const n = chunkCount(m);
    const parts: Uint8Array[] = [];
    let error: string | undefined;
    for (let i = 0; i < n && !error; i++) {
      const c = this.o.library.readChunk(id, i);
      if (!c) error = `chunk ${i} missing`;
      else if (isVirtualBody(c.body)) error = 'virtual chunk';
      else parts.push(c.body);
    }
    if (!error) {
      const r = verifyPayload(m, Buffer.concat(parts));
      if (!r.ok) error = r.error.code;
    }
    this.report({ event: 'adapter-verified', adapter: m.name, id, ok: !error, size: m.size, ...(error ? { error } : {}) });
  }

  /** Ends every session (BYE), hangs up, stops both stacks. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const open = [...this.encounters];
    for (const enc of open) enc.linkSession.close();
    await Promise.race([Promise.all(open.map((e) => e.done)), new Promise((r) => setTimeout(r, 1000))]);
    await Promise.all([this.o.central?.stop(), this.o.peripheral?.stop()]);
    this.report({ event: 'node-stopped', adapters: this.o.library.entries().filter((e) => e.complete).length });
  }
}
