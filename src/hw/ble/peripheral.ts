/**
 * The peripheral role on bleno (one per process, one central at a time): publishes our service
 * with the link characteristic (write-without-response + notify), advertises it with the scan
 * response info, and turns each accepted central into a `LinkEndpoint` once it subscribes:
 * packets go out as notifications (bleno queues them behind the controller's ACL credits) and
 * come in as write commands. Link MTU = min(configured, ATT MTU − 3). Advertising data changes
 * only while no central is connected (a connection stops advertising; bleno restarts it after).
 * A central that does not subscribe within the time limit is disconnected. Knows nothing about
 * sessions or policy.
 */
import type { EventEmitter } from 'node:events';
import { checkPacket, type LinkEndpoint } from './link-endpoint.ts';
import { advertisementData, DEFAULT_PROFILE, scanResponseData, type AdvInfo, type GattProfile } from './gatt-profile.ts';
import type { Bleno } from './stack-types.ts';
import { stopStack, waitPoweredOn } from './stacks.ts';

export interface PeripheralOptions {
  readonly profile?: GattProfile;
  /** Largest fragment we send (20-512; default 244). */
  readonly mtu?: number;
  /** A central must subscribe within this after connecting (ms). Default 5 s. */
  readonly subscribeTimeoutMs?: number;
  readonly device?: string;
}

const RESULT_SUCCESS = 0x00;
/** Writes held before the central subscribes (a well-behaved central sends nothing before). */
const MAX_EARLY_BYTES = 64 * 1024;

interface BlenoInternals { _bindings?: { _hci?: { _aclOutQueue?: { pkt: Buffer }[] } } }

class PeripheralLink implements LinkEndpoint {
  onPacket: ((packet: Uint8Array) => void) | undefined;
  onClose: ((reason: string) => void) | undefined;
  closed = false;

  constructor(private readonly bleno: Bleno, readonly mtu: number, private readonly notify: (data: Buffer) => void) {}

  get bufferedAmount(): number {
    const q = (this.bleno as unknown as BlenoInternals)._bindings?._hci?._aclOutQueue;
    let n = 0;
    if (q) for (const e of q) n += e.pkt.length;
    return n;
  }

  send(packet: Uint8Array): void {
    checkPacket(packet, this.mtu);
    if (this.closed) return;
    this.notify(Buffer.from(packet));
  }

  close(_reason: string): void {
    if (this.closed) return;
    this.bleno.disconnect();
  }

  end(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose?.(reason);
  }
}

interface Pending {
  readonly address: string;
  early: Buffer[];
  earlyBytes: number;
  link: PeripheralLink | undefined;
  timer: NodeJS.Timeout;
}

export class BlePeripheral {
  /** A central connected and subscribed. */
  onConnection: ((link: LinkEndpoint, centralAddress: string) => void) | undefined;
  readonly profile: GattProfile;
  private current: Pending | undefined;
  private info: AdvInfo | undefined;
  private advertisedInfo: AdvInfo | undefined;
  private stopped = false;
  private readonly characteristic: EventEmitter;

  constructor(private readonly bleno: Bleno, private readonly options: PeripheralOptions = {}) {
    this.profile = options.profile ?? DEFAULT_PROFILE;
    this.characteristic = new bleno.Characteristic({
      uuid: this.profile.characteristic,
      properties: ['writeWithoutResponse', 'notify'],
      onWriteRequest: (data, _offset, _withoutResponse, callback) => {
        this.write(data);
        callback(RESULT_SUCCESS);
      },
      onSubscribe: (maxValueSize, update) => this.subscribed(maxValueSize, update),
    });
  }

  /** True while a central is connected. */
  get busy(): boolean {
    return this.current !== undefined;
  }

  get address(): string {
    return this.bleno.address;
  }

  async start(info: AdvInfo): Promise<void> {
    this.info = info;
    this.bleno.on('accept', (address: string) => this.accepted(address));
    this.bleno.on('disconnect', () => this.disconnected());
    await waitPoweredOn(this.bleno, this.options.device ?? 'hci0');
    await new Promise<void>((resolve, reject) => {
      this.bleno.setServices([new this.bleno.PrimaryService({ uuid: this.profile.service, characteristics: [this.characteristic] })], (e) => (e ? reject(e) : resolve()));
    });
    await this.advertise();
  }

  /** New scan-response info (e.g. the inventory changed); applied now if idle, else after the central leaves. */
  setInfo(info: AdvInfo): void {
    this.info = info;
    if (!this.current && !this.stopped) this.readvertise();
  }

  /** First advertising: waits for the controller to confirm. */
  private advertise(): Promise<void> {
    const info = this.info!;
    this.advertisedInfo = info;
    return new Promise((resolve, reject) => {
      this.bleno.startAdvertisingWithEIRData(advertisementData(this.profile), scanResponseData(info), (e) => (e ? reject(e) : resolve()));
    });
  }

  /**
   * New data while running: no callback (bleno's own restart after a disconnection can swallow the
   * confirmation, and a waiting listener would leak on every connection).
   */
  private readvertise(): void {
    const info = this.info!;
    if (this.advertisedInfo === info) return;
    this.advertisedInfo = info;
    try {
      this.bleno.startAdvertisingWithEIRData(advertisementData(this.profile), scanResponseData(info));
    } catch {
      // the adapter went down; the next change tries again
      this.advertisedInfo = undefined;
    }
  }

  private accepted(address: string): void {
    if (this.stopped) return this.bleno.disconnect();
    const timer = setTimeout(() => { if (this.current?.address === address && !this.current.link) this.bleno.disconnect(); }, this.options.subscribeTimeoutMs ?? 5000);
    this.current = { address, early: [], earlyBytes: 0, link: undefined, timer };
  }

  private subscribed(maxValueSize: number, update: (data: Buffer) => void): void {
    const c = this.current;
    if (!c || c.link) return;
    clearTimeout(c.timer);
    const link = new PeripheralLink(this.bleno, Math.max(20, Math.min(this.options.mtu ?? 244, maxValueSize)), update);
    c.link = link;
    this.onConnection?.(link, c.address);
    // writes that came before the subscription, in order
    for (const d of c.early.splice(0)) if (!link.closed) link.onPacket?.(d);
  }

  private write(data: Buffer): void {
    const c = this.current;
    if (!c) return;
    if (c.link) return void c.link.onPacket?.(data);
    c.earlyBytes += data.length;
    if (c.earlyBytes > MAX_EARLY_BYTES) return this.bleno.disconnect();
    c.early.push(Buffer.from(data));
  }

  private disconnected(): void {
    const c = this.current;
    this.current = undefined;
    if (c) {
      clearTimeout(c.timer);
      c.link?.end('disconnected');
    }
    // bleno restarts advertising with the old data; bring the info up to date
    if (!this.stopped) this.readvertise();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, 500);
      this.bleno.stopAdvertising(() => { clearTimeout(t); resolve(); });
    });
    if (this.current) this.bleno.disconnect();
    stopStack(this.bleno);
  }
}
