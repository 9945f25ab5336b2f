/**
 * One virtual LE controller: the H4 command interpreter behind one bound HCI socket. It answers
 * the commands noble and bleno send (reset, masks, version ≥ 6, BD_ADDR, buffer sizes, advertising,
 * scanning, connection create/cancel/update, disconnect, RSSI, remote features, LE Rand) and
 * hands everything that concerns other controllers (advertising, scanning, connections, ACL data)
 * to its `Air`. Packets to the host are queued and delivered asynchronously, in order, one H4
 * packet per delivery. Unknown commands get Command Complete with status 0x01.
 * Knows nothing about GATT, sessions or sockets.
 */
import { randomBytes } from 'node:crypto';
import type { Air, AirLink } from './air.ts';
import { AdvReport, Op, Status, commandComplete, commandStatus, H4, leReadRemoteFeaturesComplete, type ConnParams } from './h4.ts';

export interface AdvertisingState {
  /** Advertising type of LE Set Advertising Parameters (0 ADV_IND … 3 ADV_NONCONN_IND). */
  type: number;
  data: Buffer;
  scanResponse: Buffer;
  enabled: boolean;
}

export interface ScanState {
  active: boolean;
  enabled: boolean;
  filterDuplicates: boolean;
  /** Controllers already reported in this scan (for duplicate filtering). */
  readonly reported: Set<number>;
}

export const DEFAULT_CONN_PARAMS: ConnParams = { interval: 12, latency: 0, timeout: 400 };

export class Controller {
  readonly adv: AdvertisingState = { type: AdvReport.ADV_IND, data: Buffer.alloc(0), scanResponse: Buffer.alloc(0), enabled: false };
  readonly scan: ScanState = { active: false, enabled: false, filterDuplicates: false, reported: new Set() };
  /** Open connections by this controller's handle. */
  readonly links = new Map<number, AirLink>();
  /** A pending LE Create Connection (target address). */
  connecting: { readonly target: Buffer; cancel: () => void } | undefined;
  closed = false;
  private nextHandle = 0x40;
  private readonly outbox: Buffer[] = [];
  private flushScheduled = false;

  constructor(
    private readonly air: Air,
    readonly id: number,
    /** Node label: controllers of one node never see each other. */
    readonly node: string,
    /** BD_ADDR, 6 bytes little-endian. */
    readonly address: Buffer,
    private readonly toHost: (packet: Buffer) => void,
  ) {}

  allocateHandle(): number {
    const h = this.nextHandle;
    this.nextHandle = this.nextHandle >= 0x0eff ? 0x40 : this.nextHandle + 1;
    return h;
  }

  /** Queues a packet for the host; delivery is asynchronous and in order. */
  send(packet: Buffer): void {
    if (this.closed) return;
    this.outbox.push(packet);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.air.defer(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    // deliver what is queued now; packets queued during delivery go in the next round
    const batch = this.outbox.splice(0, this.outbox.length);
    for (const p of batch) {
      if (this.closed) return;
      this.toHost(p);
    }
  }

  /** One H4 packet from the host. */
  write(packet: Uint8Array): void {
    if (this.closed || packet.length === 0) return;
    const buf = Buffer.isBuffer(packet) ? packet : Buffer.from(packet.buffer, packet.byteOffset, packet.byteLength);
    if (buf[0] === H4.COMMAND && buf.length >= 4) {
      const op = buf.readUInt16LE(1);
      try {
        this.command(op, buf.subarray(4, 4 + buf[3]!));
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        this.send(commandComplete(op, Status.INVALID_PARAMETERS)); // parameters too short for the command
      }
    } else if (buf[0] === H4.ACL && buf.length >= 5) this.air.sendAcl(this, buf.readUInt16LE(1), buf.subarray(5, 5 + buf.readUInt16LE(3)));
  }

  private ok(op: number, result: readonly number[] | Uint8Array = []): void {
    this.send(commandComplete(op, Status.SUCCESS, result));
  }

  private command(op: number, p: Buffer): void {
    const m = this.air.model;
    switch (op) {
      case Op.RESET:
        this.air.resetController(this);
        return this.ok(op);
      case Op.SET_EVENT_MASK: case Op.LE_SET_EVENT_MASK: case Op.WRITE_LE_HOST_SUPPORTED: case Op.LE_SET_RANDOM_ADDRESS:
        return this.ok(op);
      case Op.READ_LE_HOST_SUPPORTED:
        return this.ok(op, [0x01, 0x00]);
      case Op.READ_LOCAL_VERSION:
        // HCI 5.0 (noble requires >= 6), manufacturer 0x05f1 (Linux Foundation)
        return this.ok(op, [0x09, 0x00, 0x00, 0x09, 0xf1, 0x05, 0x00, 0x00]);
      case Op.READ_SUPPORTED_COMMANDS:
        return this.ok(op, new Uint8Array(64));
      case Op.READ_BD_ADDR:
        return this.ok(op, this.address);
      case Op.LE_READ_BUFFER_SIZE:
        return this.ok(op, [m.aclLength & 0xff, m.aclLength >> 8, m.aclBuffers]);
      case Op.READ_BUFFER_SIZE:
        return this.ok(op, [m.aclLength & 0xff, m.aclLength >> 8, 0, m.aclBuffers & 0xff, m.aclBuffers >> 8, 0, 0]);
      case Op.READ_RSSI: {
        const handle = p.readUInt16LE(0);
        if (!this.links.has(handle)) return this.send(commandComplete(op, Status.UNKNOWN_CONNECTION, [p[0]!, p[1]!, 0]));
        return this.ok(op, [p[0]!, p[1]!, m.rssi & 0xff]);
      }
      case Op.LE_RAND:
        return this.ok(op, randomBytes(8));
      case Op.LE_SET_ADV_PARAMETERS:
        this.adv.type = p[4] ?? AdvReport.ADV_IND;
        return this.ok(op);
      case Op.LE_SET_ADV_DATA:
        this.adv.data = Buffer.from(p.subarray(1, 1 + Math.min(31, p[0] ?? 0)));
        return this.ok(op);
      case Op.LE_SET_SCAN_RSP_DATA:
        this.adv.scanResponse = Buffer.from(p.subarray(1, 1 + Math.min(31, p[0] ?? 0)));
        return this.ok(op);
      case Op.LE_SET_ADV_ENABLE: {
        const enable = p[0] === 1;
        if (enable && !this.air.mayAdvertise(this)) return this.send(commandComplete(op, Status.COMMAND_DISALLOWED));
        this.adv.enabled = enable;
        this.ok(op);
        return this.air.advertisingChanged(this);
      }
      case Op.LE_SET_SCAN_PARAMETERS:
        this.scan.active = p[0] === 1;
        return this.ok(op);
      case Op.LE_SET_SCAN_ENABLE:
        this.scan.enabled = p[0] === 1;
        this.scan.filterDuplicates = p[1] === 1;
        this.scan.reported.clear();
        this.ok(op);
        return this.air.scanChanged(this);
      case Op.LE_CREATE_CONN: {
        if (this.connecting) return this.send(commandStatus(op, Status.COMMAND_DISALLOWED));
        this.send(commandStatus(op, Status.SUCCESS));
        return this.air.createConnection(this, Buffer.from(p.subarray(6, 12)));
      }
      case Op.LE_CREATE_CONN_CANCEL:
        if (!this.connecting) return this.send(commandComplete(op, Status.COMMAND_DISALLOWED));
        this.ok(op);
        return this.air.cancelConnection(this);
      case Op.DISCONNECT: {
        const handle = p.readUInt16LE(0);
        if (!this.links.has(handle)) return this.send(commandStatus(op, Status.UNKNOWN_CONNECTION));
        this.send(commandStatus(op, Status.SUCCESS));
        return this.air.disconnect(this, handle, p[2] ?? Status.REMOTE_USER_TERMINATED);
      }
      case Op.LE_CONN_UPDATE: {
        const handle = p.readUInt16LE(0);
        if (!this.links.has(handle)) return this.send(commandStatus(op, Status.UNKNOWN_CONNECTION));
        this.send(commandStatus(op, Status.SUCCESS));
        return this.air.updateConnection(this, handle, { interval: p.readUInt16LE(4), latency: p.readUInt16LE(6), timeout: p.readUInt16LE(8) });
      }
      case Op.LE_READ_REMOTE_FEATURES: {
        const handle = p.readUInt16LE(0);
        if (!this.links.has(handle)) return this.send(commandStatus(op, Status.UNKNOWN_CONNECTION));
        this.send(commandStatus(op, Status.SUCCESS));
        return this.send(leReadRemoteFeaturesComplete(handle));
      }
      default:
        return this.send(commandComplete(op, Status.UNKNOWN_COMMAND));
    }
  }
}
