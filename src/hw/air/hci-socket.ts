/**
 * A JavaScript stand-in for `@abandonware/bluetooth-hci-socket`: the same class API that noble and
 * bleno use (bindRaw/bindUser/bindControl, start/stop, write, setFilter, isDevUp, getDeviceList,
 * reset, 'data' events carrying exactly one H4 packet each), but bound to a virtual controller
 * through an `AirConnector` instead of a kernel socket. The control socket bleno opens for key
 * loading accepts and discards everything. The connector is looked up at bind time from the
 * registry, so one loaded copy of noble/bleno can be pointed at a new air.
 */
import { EventEmitter } from 'node:events';
import type { AirConnection, AirConnector } from './connector.ts';

/** Where sockets find their connector (filled by installAirHook). */
export interface AirRegistry {
  connector: AirConnector | undefined;
}

export interface HciDevice {
  devId: number;
  devUp: boolean;
  idVendor: null;
  idProduct: null;
  busNumber: null;
  deviceAddress: null;
}

export type VirtualHciSocketClass = new () => EventEmitter & {
  bindRaw(devId?: number): number;
  bindUser(devId?: number): number;
  bindControl(): number;
  start(): void;
  stop(): void;
  reset(): void;
  isDevUp(): boolean;
  getDeviceList(): HciDevice[];
  setFilter(filter: Buffer): void;
  write(data: Buffer): void;
};

export function createHciSocketClass(registry: AirRegistry): VirtualHciSocketClass {
  return class VirtualHciSocket extends EventEmitter {
    private connection: AirConnection | undefined;
    private control = false;
    private started = false;
    private down = false;
    private readonly early: Buffer[] = [];

    private connector(): AirConnector {
      if (!registry.connector) throw Object.assign(new Error('no virtual air is attached (installAirHook first)'), { code: 'ENODEV' });
      return registry.connector;
    }

    private bind(devId: number | undefined): number {
      const id = devId ?? this.connector().devices()[0] ?? 0;
      this.connection = this.connector().open(id, (p) => this.deliver(p), () => { this.down = true; });
      return id;
    }

    private deliver(packet: Buffer): void {
      if (!this.started) this.early.push(packet);
      else this.emit('data', packet);
    }

    bindRaw(devId?: number): number { return this.bind(devId); }
    bindUser(devId?: number): number { return this.bind(devId); }
    bindControl(): number {
      this.control = true;
      return 0;
    }

    start(): void {
      this.started = true;
      for (const p of this.early.splice(0)) this.emit('data', p);
    }

    /** Stops delivery and releases the controller (its connections drop). */
    stop(): void {
      this.started = false;
      this.down = true;
      this.connection?.close();
      this.connection = undefined;
    }

    reset(): void {}

    isDevUp(): boolean {
      return this.control || (this.connection !== undefined && !this.down);
    }

    getDeviceList(): HciDevice[] {
      return this.connector().devices().map((devId) => ({ devId, devUp: true, idVendor: null, idProduct: null, busNumber: null, deviceAddress: null }));
    }

    setFilter(_filter: Buffer): void {}

    write(data: Buffer): void {
      if (this.control || !this.connection) return;
      this.connection.write(data);
    }
  };
}
