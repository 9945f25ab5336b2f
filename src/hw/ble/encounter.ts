/**
 * One encounter of a node: a BLE connection in either role running one core session through a
 * `LinkSession`, translated into node events (encounter start/end, transfer start, progress
 * about every 10 %, completion, interruption with its cause, misbehaving peers, declined
 * manifests). Tracks its transfers so that a session ending mid-adapter reports what was held.
 * The node decides what happens around it (announces to other encounters, verification, policy).
 */
import type { Library } from '../../core/library/index.ts';
import type { Scheduler } from '../../core/ports.ts';
import { Session, type SessionConfig, type SessionEvent } from '../../core/session/index.ts';
import { chunkCount, type AdapterId, type NodeId } from '../../core/types.ts';
import type { LinkEndpoint } from './link-endpoint.ts';
import { LinkSession, type ClosedEvent } from './link-session.ts';
import type { NodeEvent, Role } from './node-events.ts';

/** NodeEvent without the fields the node stamps (time and node name). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type EncounterEvent = DistributiveOmit<NodeEvent, 'at' | 'node'>;

export interface EncounterOptions {
  readonly link: LinkEndpoint;
  readonly role: Role;
  readonly address: string;
  readonly nodeId: NodeId;
  readonly library: Library;
  readonly scheduler: Scheduler;
  readonly session?: Omit<SessionConfig, 'nodeId' | 'library'>;
  /** Peer name when known before HELLO (the central read it from the scan response). */
  readonly peerName?: string | null;
  /** Name of a node id (roster); the id prefix when unknown. */
  readonly nameOf: (id: NodeId) => string;
  readonly report: (e: EncounterEvent) => void;
  /** A session event the node acts on (chunk-stored, adapter-complete, closed...). */
  readonly onSessionEvent: (enc: Encounter, e: SessionEvent) => void;
}

interface Transfer { readonly name: string; readonly chunks: number; have: number; bytes: number; nextReport: number; done: boolean }

export class Encounter {
  readonly linkSession: LinkSession;
  readonly startedAt: number;
  peerId: NodeId | undefined;
  peerName: string | null;
  private readonly transfers = new Map<AdapterId, Transfer>();

  constructor(private readonly o: EncounterOptions) {
    this.peerName = o.peerName ?? null;
    this.startedAt = o.scheduler.now();
    const caps = { ...o.session?.capabilities, mtu: o.link.mtu };
    const session = new Session({ ...o.session, capabilities: caps, nodeId: o.nodeId, library: o.library });
    this.linkSession = new LinkSession({ link: o.link, session, scheduler: o.scheduler, closeLink: o.role === 'central' ? 'now' : 'wait', onEvent: (e) => this.event(e) });
  }

  get role(): Role { return this.o.role; }
  get done(): Promise<ClosedEvent> { return this.linkSession.done; }

  start(): void {
    this.o.report({ event: 'encounter-start', peer: this.peerName, role: this.o.role, address: this.o.address, mtu: this.o.link.mtu });
    this.linkSession.start();
  }

  private event(e: SessionEvent): void {
    const lib = this.o.library;
    switch (e.type) {
      case 'hello':
        this.peerId = e.peer.nodeId;
        this.peerName = this.o.nameOf(e.peer.nodeId);
        break;
      case 'transfer-started': {
        const m = lib.manifest(e.id);
        const chunks = m ? chunkCount(m) : 0;
        const have = chunks - lib.missing(e.id).length;
        const t: Transfer = { name: m?.name ?? e.id.slice(0, 12), chunks, have, bytes: 0, nextReport: have + Math.max(1, Math.ceil(chunks / 10)), done: false };
        this.transfers.set(e.id, t);
        this.o.report({ event: 'transfer-start', peer: this.peerName, adapter: t.name, id: e.id, chunks, have, resumed: have > 0 });
        break;
      }
      case 'chunk-stored': {
        const t = this.transfers.get(e.id);
        if (t) {
          t.have++;
          t.bytes += e.bytes;
          if (t.have >= t.nextReport && t.have < t.chunks) {
            t.nextReport = t.have + Math.max(1, Math.ceil(t.chunks / 10));
            this.o.report({ event: 'transfer-progress', peer: this.peerName, adapter: t.name, have: t.have, chunks: t.chunks, bytes: t.bytes });
          }
        }
        break;
      }
      case 'adapter-complete': {
        const t = this.transfers.get(e.id);
        if (t) {
          t.done = true;
          this.o.report({ event: 'transfer-complete', peer: this.peerName, adapter: t.name, id: e.id, bytes: t.bytes });
        }
        break;
      }
      case 'transfer-aborted': {
        const t = this.transfers.get(e.id);
        if (t && !t.done) {
          t.done = true;
          this.o.report({ event: 'transfer-interrupted', peer: this.peerName, adapter: t.name, have: t.have, chunks: t.chunks, bytes: t.bytes, cause: e.error.code });
        }
        break;
      }
      case 'manifest-declined':
        this.o.report({ event: 'manifest-declined', peer: this.peerName, id: e.id, code: e.error.code });
        break;
      case 'peer-misbehaved':
        this.o.report({ event: 'peer-misbehaved', peer: this.peerName, code: e.error.code, flagged: e.flagged, message: e.error.message });
        break;
      case 'closed': {
        for (const t of this.transfers.values()) {
          if (t.done) continue;
          t.done = true;
          this.o.report({ event: 'transfer-interrupted', peer: this.peerName, adapter: t.name, have: t.have, chunks: t.chunks, bytes: t.bytes, cause: e.error?.code ?? 'incomplete' });
        }
        this.o.report({
          event: 'encounter-end', peer: this.peerName, role: this.o.role, error: e.error?.code ?? null, sent: e.sent, received: e.received,
          seconds: (this.o.scheduler.now() - this.startedAt) / 1e6,
        });
        break;
      }
    }
    this.o.onSessionEvent(this, e);
  }
}
