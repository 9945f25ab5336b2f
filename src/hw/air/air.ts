/**
 * The virtual air: every virtual controller attached to it can see every other one in range.
 * Owns the range table (which nodes are in range now; a contact player or a test flips it), the
 * advertising reports (one round per advertising interval to every in-range scanner, plus scan
 * responses for active scans), connection setup (after the model's setup delay, only to an
 * in-range connectable advertiser, which stops advertising as a real controller does), ACL
 * forwarding with per-connection, per-direction pacing (acl-pacing.ts: the model's rate, latency,
 * retransmissions; start flag 00 delivered as 10; Number of Completed Packets back to the sender),
 * and disconnection (by a host, or with reason 0x08 when the peers leave each other's range).
 * Knows nothing about GATT or sessions; time comes from a `Scheduler`.
 */
import type { Rng, Scheduler } from '../../core/ports.ts';
import type { Micros } from '../../core/types.ts';
import { Controller, DEFAULT_CONN_PARAMS } from './controller.ts';
import { AclDirection } from './acl-pacing.ts';
import { AdvReport, Status, disconnectionComplete, formatAddress, leAdvReport, leConnComplete, leConnUpdateComplete, type ConnParams } from './h4.ts';
import { linkModel, type LinkModel } from './link-model.ts';

/** One connection between a central and a peripheral controller. */
export interface AirLink {
  readonly id: number;
  readonly central: Controller;
  readonly peripheral: Controller;
  readonly centralHandle: number;
  readonly peripheralHandle: number;
  /** [central → peripheral, peripheral → central] */
  readonly dirs: readonly [AclDirection, AclDirection];
  open: boolean;
  readonly openedAt: Micros;
}

export type AirEvent =
  | { readonly type: 'connected'; readonly at: Micros; readonly central: string; readonly peripheral: string; readonly link: number }
  | { readonly type: 'disconnected'; readonly at: Micros; readonly central: string; readonly peripheral: string; readonly link: number; readonly reason: number };

export interface AirOptions {
  readonly scheduler: Scheduler;
  readonly model?: Partial<LinkModel>;
  /** Loss draws; required when model.loss > 0. */
  readonly rng?: Rng;
  /** Range of node pairs never set explicitly (default true: open air). */
  readonly defaultInRange?: boolean;
  readonly onEvent?: (event: AirEvent) => void;
}

export interface AirStats { aclPackets: number; aclBytes: number; connections: number; advReports: number }

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export class Air {
  model: LinkModel;
  readonly stats: AirStats = { aclPackets: 0, aclBytes: 0, connections: 0, advReports: 0 };
  private readonly controllers = new Map<number, Controller>();
  private readonly range = new Map<string, boolean>();
  private nextId = 1;
  private nextLink = 1;
  private cancelTick: (() => void) | undefined;
  private closed = false;

  constructor(private readonly options: AirOptions) {
    this.model = linkModel(options.model);
    if (this.model.loss > 0 && !options.rng) throw new RangeError('a lossy air needs an rng');
  }

  get scheduler(): Scheduler { return this.options.scheduler; }

  /** Changes the model for connections and packets from now on. */
  setModel(overrides: Partial<LinkModel>): void {
    this.model = linkModel({ ...this.model, ...overrides });
    if (this.model.loss > 0 && !this.options.rng) throw new RangeError('a lossy air needs an rng');
  }

  defer(fn: () => void): void {
    this.options.scheduler.at(this.options.scheduler.now(), fn);
  }

  /** A new controller for a host; `toHost` receives one H4 packet per call. */
  attach(node: string, toHost: (packet: Buffer) => void): Controller {
    if (this.closed) throw new Error('the air is closed');
    const id = this.nextId++;
    const address = Buffer.from([id & 0xff, (id >> 8) & 0xff, 0x00, 0xee, 0xff, 0xc0]);
    const c = new Controller(this, id, node, address, toHost);
    this.controllers.set(id, c);
    return c;
  }

  /** The controller goes away (its socket closed): its connections drop with a timeout on the peer side. */
  detach(c: Controller): void {
    if (!this.controllers.delete(c.id)) return;
    this.resetController(c);
    c.closed = true;
    this.updateTick();
  }

  /** Controller addresses of a node, as noble and bleno print them. */
  addressesOf(node: string): string[] {
    return [...this.controllers.values()].filter((c) => c.node === node).map((c) => formatAddress(c.address));
  }

  inRange(a: string, b: string): boolean {
    if (a === b) return false;
    return this.range.get(pairKey(a, b)) ?? this.options.defaultInRange ?? true;
  }

  /** Puts two nodes in or out of range; leaving range drops their connections (reason 0x08). */
  setInRange(a: string, b: string, up: boolean): void {
    if (a === b) return;
    this.range.set(pairKey(a, b), up);
    if (up) {
      this.updateTick();
      for (const c of this.controllers.values()) if (c.connecting) this.tryConnectSoon(c);
      return;
    }
    for (const l of this.allLinks()) {
      if ((l.central.node === a && l.peripheral.node === b) || (l.central.node === b && l.peripheral.node === a)) this.drop(l, undefined, Status.CONNECTION_TIMEOUT);
    }
  }

  /** Every open connection once. */
  allLinks(): AirLink[] {
    const seen = new Set<AirLink>();
    for (const c of this.controllers.values()) for (const l of c.links.values()) seen.add(l);
    return [...seen];
  }

  close(): void {
    this.closed = true;
    for (const c of [...this.controllers.values()]) this.detach(c);
    this.cancelTick?.();
    this.cancelTick = undefined;
  }

  // --- called by controllers ----------------------------------------------------------------

  resetController(c: Controller): void {
    for (const l of [...c.links.values()]) this.drop(l, undefined, Status.CONNECTION_TIMEOUT);
    c.connecting?.cancel();
    c.connecting = undefined;
    c.adv.enabled = false;
    c.scan.enabled = false;
    c.scan.reported.clear();
  }

  /** bleno serves one central: a controller holding a peripheral link may not advertise connectably. */
  mayAdvertise(c: Controller): boolean {
    const connectable = c.adv.type === AdvReport.ADV_IND || c.adv.type === AdvReport.ADV_DIRECT_IND;
    return !connectable || ![...c.links.values()].some((l) => l.peripheral === c);
  }

  advertisingChanged(c: Controller): void {
    this.updateTick();
    if (c.adv.enabled) for (const other of this.controllers.values()) if (other.connecting) this.tryConnectSoon(other);
  }

  scanChanged(_c: Controller): void {
    this.updateTick();
  }

  createConnection(c: Controller, target: Buffer): void {
    let cancelAttempt: (() => void) | undefined;
    c.connecting = { target, cancel: () => cancelAttempt?.() };
    const s = this.options.scheduler;
    cancelAttempt = s.at(s.now() + this.model.connectionSetup, () => {
      cancelAttempt = undefined;
      this.tryConnect(c);
    });
  }

  cancelConnection(c: Controller): void {
    const pending = c.connecting;
    if (!pending) return;
    pending.cancel();
    c.connecting = undefined;
    c.send(leConnComplete(Status.UNKNOWN_CONNECTION, 0, 0, pending.target, DEFAULT_CONN_PARAMS));
  }

  disconnect(c: Controller, handle: number, reason: number): void {
    const l = c.links.get(handle);
    if (l) this.drop(l, c, reason);
  }

  updateConnection(c: Controller, handle: number, params: ConnParams): void {
    const l = c.links.get(handle);
    if (!l) return;
    l.central.send(leConnUpdateComplete(l.centralHandle, params));
    l.peripheral.send(leConnUpdateComplete(l.peripheralHandle, params));
  }

  sendAcl(c: Controller, field: number, payload: Buffer): void {
    const l = c.links.get(field & 0x0fff);
    if (!l || !l.open) return; // the host learns of the disconnection from its event; buffers are freed
    (l.central === c ? l.dirs[0] : l.dirs[1]).send((field >> 12) & 0x3, payload, this.model, this.options.rng);
    this.stats.aclPackets++;
    this.stats.aclBytes += payload.length;
  }

  // --- internals ---------------------------------------------------------------------------

  private tryConnectSoon(c: Controller): void {
    this.defer(() => { if (c.connecting && !this.closed) this.tryConnect(c); });
  }

  private tryConnect(c: Controller): void {
    const pending = c.connecting;
    if (!pending || c.closed) return;
    const target = [...this.controllers.values()].find((t) => t.address.equals(pending.target));
    const connectable = target && target.adv.enabled && (target.adv.type === AdvReport.ADV_IND || target.adv.type === AdvReport.ADV_DIRECT_IND);
    if (!target || !connectable || !this.inRange(c.node, target.node)) return; // stays pending until in range, advertising, or cancelled
    c.connecting = undefined;
    target.adv.enabled = false; // a connectable advertiser stops advertising when a connection is made
    const now = this.options.scheduler.now();
    const s = this.options.scheduler;
    const ch = c.allocateHandle();
    const ph = target.allocateHandle();
    const l: AirLink = {
      id: this.nextLink++, central: c, peripheral: target, centralHandle: ch, peripheralHandle: ph,
      dirs: [new AclDirection(s, c, ch, target, ph), new AclDirection(s, target, ph, c, ch)], open: true, openedAt: now,
    };
    c.links.set(l.centralHandle, l);
    target.links.set(l.peripheralHandle, l);
    this.stats.connections++;
    c.send(leConnComplete(Status.SUCCESS, l.centralHandle, 0, target.address, DEFAULT_CONN_PARAMS));
    target.send(leConnComplete(Status.SUCCESS, l.peripheralHandle, 1, c.address, DEFAULT_CONN_PARAMS));
    this.options.onEvent?.({ type: 'connected', at: now, central: c.node, peripheral: target.node, link: l.id });
    this.updateTick();
  }

  /** Closes a link: queued packets are lost; `by` (if any) gets 0x16, the other side `reason`. */
  private drop(l: AirLink, by: Controller | undefined, reason: number): void {
    if (!l.open) return;
    l.open = false;
    for (const d of l.dirs) d.stop();
    l.central.links.delete(l.centralHandle);
    l.peripheral.links.delete(l.peripheralHandle);
    l.central.send(disconnectionComplete(l.centralHandle, by === l.central ? Status.LOCAL_HOST_TERMINATED : reason));
    l.peripheral.send(disconnectionComplete(l.peripheralHandle, by === l.peripheral ? Status.LOCAL_HOST_TERMINATED : reason));
    this.options.onEvent?.({ type: 'disconnected', at: this.options.scheduler.now(), central: l.central.node, peripheral: l.peripheral.node, link: l.id, reason });
  }

  private updateTick(): void {
    const scanning = [...this.controllers.values()].some((c) => c.scan.enabled);
    if (scanning && !this.cancelTick && !this.closed) {
      const s = this.options.scheduler;
      const tick = () => {
        this.cancelTick = undefined;
        this.advertisingRound();
        if ([...this.controllers.values()].some((c) => c.scan.enabled) && !this.closed) this.cancelTick = s.at(s.now() + this.model.advertisingInterval, tick);
      };
      this.cancelTick = s.at(s.now() + this.model.advertisingInterval, tick);
    }
  }

  /** One advertising event of every advertiser, heard by every in-range scanner. */
  private advertisingRound(): void {
    const all = [...this.controllers.values()];
    for (const scanner of all) {
      if (!scanner.scan.enabled) continue;
      for (const adv of all) {
        if (!adv.adv.enabled || !this.inRange(scanner.node, adv.node)) continue;
        if (scanner.scan.filterDuplicates && scanner.scan.reported.has(adv.id)) continue;
        scanner.scan.reported.add(adv.id);
        scanner.send(leAdvReport(adv.adv.type, adv.address, adv.adv.data, this.model.rssi));
        this.stats.advReports++;
        const scannable = adv.adv.type === AdvReport.ADV_IND || adv.adv.type === AdvReport.ADV_SCAN_IND;
        if (scanner.scan.active && scannable) scanner.send(leAdvReport(AdvReport.SCAN_RSP, adv.address, adv.adv.scanResponse, this.model.rssi));
      }
    }
  }
}
