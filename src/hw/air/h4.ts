/**
 * H4 HCI framing for the virtual LE controller: packet type bytes, the opcodes and event codes the
 * controller understands, builders for every event it sends and a splitter that cuts a byte
 * stream into whole H4 packets. Pure byte layout; knows nothing about the air or the stacks.
 */

export const H4 = { COMMAND: 0x01, ACL: 0x02, EVENT: 0x04 } as const;

/** Opcodes (OGF << 10 | OCF) the controller implements. */
export const Op = {
  DISCONNECT: 0x0406,
  SET_EVENT_MASK: 0x0c01,
  RESET: 0x0c03,
  READ_LE_HOST_SUPPORTED: 0x0c6c,
  WRITE_LE_HOST_SUPPORTED: 0x0c6d,
  READ_LOCAL_VERSION: 0x1001,
  READ_SUPPORTED_COMMANDS: 0x1002,
  READ_BUFFER_SIZE: 0x1005,
  READ_BD_ADDR: 0x1009,
  READ_RSSI: 0x1405,
  LE_SET_EVENT_MASK: 0x2001,
  LE_READ_BUFFER_SIZE: 0x2002,
  LE_SET_RANDOM_ADDRESS: 0x2005,
  LE_SET_ADV_PARAMETERS: 0x2006,
  LE_SET_ADV_DATA: 0x2008,
  LE_SET_SCAN_RSP_DATA: 0x2009,
  LE_SET_ADV_ENABLE: 0x200a,
  LE_SET_SCAN_PARAMETERS: 0x200b,
  LE_SET_SCAN_ENABLE: 0x200c,
  LE_CREATE_CONN: 0x200d,
  LE_CREATE_CONN_CANCEL: 0x200e,
  LE_CONN_UPDATE: 0x2013,
  LE_READ_REMOTE_FEATURES: 0x2016,
  LE_RAND: 0x2018,
} as const;

export const Evt = {
  DISCONN_COMPLETE: 0x05,
  CMD_COMPLETE: 0x0e,
  CMD_STATUS: 0x0f,
  NUM_COMPLETED_PACKETS: 0x13,
  LE_META: 0x3e,
} as const;

export const LeSub = { CONN_COMPLETE: 0x01, ADV_REPORT: 0x02, CONN_UPDATE_COMPLETE: 0x03, READ_REMOTE_FEATURES_COMPLETE: 0x04 } as const;

/** HCI status / reason codes used by the controller. */
export const Status = {
  SUCCESS: 0x00,
  UNKNOWN_COMMAND: 0x01,
  UNKNOWN_CONNECTION: 0x02,
  CONNECTION_TIMEOUT: 0x08,
  COMMAND_DISALLOWED: 0x0c,
  INVALID_PARAMETERS: 0x12,
  REMOTE_USER_TERMINATED: 0x13,
  LOCAL_HOST_TERMINATED: 0x16,
} as const;

/** Advertising report event types (LE Advertising Report). */
export const AdvReport = { ADV_IND: 0x00, ADV_DIRECT_IND: 0x01, ADV_SCAN_IND: 0x02, ADV_NONCONN_IND: 0x03, SCAN_RSP: 0x04 } as const;

/** ACL packet-boundary flags (bits 12-13 of the handle field). */
export const AclPb = { START_NON_FLUSHABLE: 0x0, CONTINUATION: 0x1, START: 0x2 } as const;

function event(code: number, params: Uint8Array | readonly number[]): Buffer {
  const b = Buffer.alloc(3 + params.length);
  b[0] = H4.EVENT;
  b[1] = code;
  b[2] = params.length;
  b.set(params, 3);
  return b;
}

export function commandComplete(opcode: number, status: number, result: Uint8Array | readonly number[] = []): Buffer {
  const p = Buffer.alloc(4 + result.length);
  p[0] = 1; // Num_HCI_Command_Packets
  p.writeUInt16LE(opcode, 1);
  p[3] = status;
  p.set(result, 4);
  return event(Evt.CMD_COMPLETE, p);
}

export function commandStatus(opcode: number, status: number): Buffer {
  const p = Buffer.alloc(4);
  p[0] = status;
  p[1] = 1;
  p.writeUInt16LE(opcode, 2);
  return event(Evt.CMD_STATUS, p);
}

export function disconnectionComplete(handle: number, reason: number): Buffer {
  const p = Buffer.alloc(4);
  p[0] = Status.SUCCESS;
  p.writeUInt16LE(handle, 1);
  p[3] = reason;
  return event(Evt.DISCONN_COMPLETE, p);
}

export function numCompletedPackets(handle: number, count: number): Buffer {
  const p = Buffer.alloc(5);
  p[0] = 1;
  p.writeUInt16LE(handle, 1);
  p.writeUInt16LE(count, 3);
  return event(Evt.NUM_COMPLETED_PACKETS, p);
}

export interface ConnParams {
  /** Connection interval in 1.25 ms units. */
  readonly interval: number;
  readonly latency: number;
  /** Supervision timeout in 10 ms units. */
  readonly timeout: number;
}

/** LE Connection Complete; `role` 0 = central, 1 = peripheral; `peer` is the 6-byte little-endian address. */
export function leConnComplete(status: number, handle: number, role: 0 | 1, peer: Uint8Array, c: ConnParams): Buffer {
  const p = Buffer.alloc(19);
  p[0] = LeSub.CONN_COMPLETE;
  p[1] = status;
  p.writeUInt16LE(handle, 2);
  p[4] = role;
  p[5] = 0; // public address
  p.set(peer, 6);
  p.writeUInt16LE(c.interval, 12);
  p.writeUInt16LE(c.latency, 14);
  p.writeUInt16LE(c.timeout, 16);
  p[18] = 0;
  return event(Evt.LE_META, p);
}

export function leConnUpdateComplete(handle: number, c: ConnParams): Buffer {
  const p = Buffer.alloc(10);
  p[0] = LeSub.CONN_UPDATE_COMPLETE;
  p[1] = Status.SUCCESS;
  p.writeUInt16LE(handle, 2);
  p.writeUInt16LE(c.interval, 4);
  p.writeUInt16LE(c.latency, 6);
  p.writeUInt16LE(c.timeout, 8);
  return event(Evt.LE_META, p);
}

export function leReadRemoteFeaturesComplete(handle: number): Buffer {
  const p = Buffer.alloc(12);
  p[0] = LeSub.READ_REMOTE_FEATURES_COMPLETE;
  p[1] = Status.SUCCESS;
  p.writeUInt16LE(handle, 2);
  p[4] = 0x01; // LE encryption
  return event(Evt.LE_META, p);
}

/** One LE Advertising Report with a single report. */
export function leAdvReport(type: number, address: Uint8Array, data: Uint8Array, rssi: number): Buffer {
  const p = Buffer.alloc(12 + data.length);
  p[0] = LeSub.ADV_REPORT;
  p[1] = 1;
  p[2] = type;
  p[3] = 0; // public address
  p.set(address, 4);
  p[10] = data.length;
  p.set(data, 11);
  p.writeInt8(rssi, 11 + data.length);
  return event(Evt.LE_META, p);
}

/** An ACL data packet as delivered to a host. */
export function aclPacket(handle: number, pb: number, payload: Uint8Array): Buffer {
  const b = Buffer.alloc(5 + payload.length);
  b[0] = H4.ACL;
  b.writeUInt16LE((handle & 0x0fff) | (pb << 12), 1);
  b.writeUInt16LE(payload.length, 3);
  b.set(payload, 5);
  return b;
}

/** Total length of the H4 packet starting at `buf[0]`, or undefined if its header is incomplete. */
export function h4Length(buf: Uint8Array): number | undefined {
  const type = buf[0];
  if (type === H4.COMMAND) return buf.length >= 4 ? 4 + buf[3]! : undefined;
  if (type === H4.EVENT) return buf.length >= 3 ? 3 + buf[2]! : undefined;
  if (type === H4.ACL) return buf.length >= 5 ? 5 + (buf[3]! | (buf[4]! << 8)) : undefined;
  return -1;
}

/** Formats a 6-byte little-endian address as noble/bleno print it (`aa:bb:…`, most significant first). */
export function formatAddress(le: Uint8Array): string {
  return [...le].reverse().map((b) => b.toString(16).padStart(2, '0')).join(':');
}

export function parseAddress(text: string): Buffer {
  return Buffer.from(text.split(':').reverse().join(''), 'hex');
}
