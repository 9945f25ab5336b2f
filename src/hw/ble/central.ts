/**
 * The central role on noble: scans for our service (duplicates allowed, so peers that come back
 * into range are seen again), reports sightings with the scan-response info, and connects:
 * connect (with a time limit, cancelled on expiry) → MTU exchange → discovery of our
 * characteristic → subscribe → a `LinkEndpoint` whose packets go out as write-without-response
 * and come in as notifications. Link MTU = min(configured, ATT MTU − 3). Knows nothing about
 * sessions or policy.
 */
import { checkPacket, type LinkEndpoint } from './link-endpoint.ts';
import { DEFAULT_PROFILE, parseManufacturerData, type AdvInfo, type GattProfile } from './gatt-profile.ts';
import type { Noble, NobleCharacteristic, NoblePeripheral } from './stack-types.ts';
import { stopStack, waitPoweredOn } from './stacks.ts';

export interface Sighting {
  readonly address: string;
  readonly info: AdvInfo | undefined;
  readonly rssi: number;
}

export interface CentralOptions {
  readonly profile?: GattProfile;
  /** Largest fragment we send (20-512; default 244 = one 251-byte LE data packet). */
  readonly mtu?: number;
  /** Connect + discovery + subscribe must finish within this (ms). Default 10 s. */
  readonly connectTimeoutMs?: number;
  readonly device?: string;
}

interface NobleInternals { _bindings?: { _hci?: { _aclQueue?: { packet: Buffer }[] } } }

function withTimeout<T>(p: Promise<T>, ms: number, what: string, onTimeout: () => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      onTimeout();
      reject(new Error(`${what} timed out after ${ms} ms`));
    }, ms);
    p.then((v) => { clearTimeout(t); resolve(v); }, (e: unknown) => { clearTimeout(t); reject(e instanceof Error ? e : new Error(String(e))); });
  });
}

class CentralLink implements LinkEndpoint {
  private receiver: ((packet: Uint8Array) => void) | undefined;
  onClose: ((reason: string) => void) | undefined;
  closed = false;
  private readonly onData = (data: Buffer, isNotification: boolean) => {
    if (!isNotification || this.closed) return;
    if (this.early) this.early.push(data);
    else this.receiver?.(data);
  };
  private readonly onDisconnect = () => this.end('disconnected');

  private early: Buffer[] | undefined;

  /** Listens from before the subscription: the peripheral may notify before our subscribe completes. */
  constructor(private readonly noble: Noble, private readonly peripheral: NoblePeripheral, private readonly characteristic: NobleCharacteristic, public mtu: number) {
    this.early = [];
    characteristic.on('data', this.onData);
    peripheral.once('disconnect', this.onDisconnect);
  }

  private opened = false;

  /** Subscribed: packets go to `onPacket` once it is set (the ones that came early first, in order). */
  open(mtu: number): void {
    this.mtu = mtu;
    this.opened = true;
    this.release();
  }

  get onPacket(): ((packet: Uint8Array) => void) | undefined {
    return this.receiver;
  }

  set onPacket(fn: ((packet: Uint8Array) => void) | undefined) {
    this.receiver = fn;
    this.release();
  }

  private release(): void {
    if (!this.opened || !this.receiver || !this.early) return;
    const early = this.early;
    this.early = undefined;
    for (const p of early) if (!this.closed) this.receiver(p);
  }

  get bufferedAmount(): number {
    const q = (this.noble as unknown as NobleInternals)._bindings?._hci?._aclQueue;
    let n = 0;
    if (q) for (const e of q) n += e.packet.length;
    return n;
  }

  send(packet: Uint8Array): void {
    checkPacket(packet, this.mtu);
    if (this.closed) return;
    this.characteristic.write(Buffer.from(packet), true);
  }

  close(_reason: string): void {
    if (this.closed) return;
    this.peripheral.disconnect();
  }

  end(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.characteristic.removeListener('data', this.onData);
    this.peripheral.removeListener('disconnect', this.onDisconnect);
    this.onClose?.(reason);
  }
}

export class BleCentral {
  onSighting: ((s: Sighting) => void) | undefined;
  readonly profile: GattProfile;
  private readonly peripherals = new Map<string, NoblePeripheral>();
  private stopped = false;

  constructor(private readonly noble: Noble, private readonly options: CentralOptions = {}) {
    this.profile = options.profile ?? DEFAULT_PROFILE;
  }

  get address(): string | undefined {
    return (this.noble as unknown as { address?: string }).address;
  }

  async start(): Promise<void> {
    this.noble.on('discover', (p: NoblePeripheral) => {
      if (this.stopped) return;
      this.peripherals.set(p.address, p);
      this.onSighting?.({ address: p.address, info: parseManufacturerData(p.advertisement.manufacturerData), rssi: p.rssi });
    });
    await waitPoweredOn(this.noble as never, this.options.device ?? 'hci0');
    await this.noble.startScanningAsync([this.profile.service], true);
  }

  /** Restarts scanning (calibration: time from scan start to the next sighting). */
  async rescan(): Promise<void> {
    await this.noble.stopScanningAsync();
    await this.noble.startScanningAsync([this.profile.service], true);
  }

  /** Connects to a sighted peripheral and opens our link characteristic (`mtu` overrides the configured fragment size). */
  async connect(address: string, options: { mtu?: number } = {}): Promise<LinkEndpoint> {
    const p = this.peripherals.get(address);
    if (!p) throw new Error(`no peripheral ${address} was sighted`);
    const ms = this.options.connectTimeoutMs ?? 10_000;
    let link: CentralLink | undefined;
    const setup = async () => {
      await p.connectAsync();
      const { characteristics } = await p.discoverSomeServicesAndCharacteristicsAsync([this.profile.service], [this.profile.characteristic]);
      const ch = characteristics.find((c) => c.uuid === this.profile.characteristic);
      if (!ch) throw new Error(`${address} has no gossip link characteristic`);
      link = new CentralLink(this.noble, p, ch, 20);
      await ch.subscribeAsync();
    };
    try {
      await withTimeout(setup(), ms, `connecting to ${address}`, () => {
        if (p.state === 'connecting') p.cancelConnect();
        else p.disconnect();
      });
    } catch (e) {
      if (p.state === 'connected') p.disconnect();
      link?.end('setup failed');
      throw e;
    }
    if (!link || link.closed) throw new Error(`${address} disconnected during setup`);
    link.open(Math.max(20, Math.min(options.mtu ?? this.options.mtu ?? 244, (p.mtu ?? 23) - 3)));
    return link;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    try {
      await withTimeout(this.noble.stopScanningAsync(), 500, 'stop scanning', () => {});
    } catch {
      // the stack may already be down
    }
    for (const p of this.peripherals.values()) if (p.state === 'connected' || p.state === 'connecting') p.disconnect();
    stopStack(this.noble);
  }
}
