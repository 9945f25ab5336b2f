/**
 * Our GATT profile and advertisement: one 128-bit service with one characteristic ("link":
 * write-without-response from the central, notify from the peripheral) that carries fragmented
 * core frames both ways — bulk chunk data from the peripheral travels as notifications, from the
 * central as write commands. The advertisement lists the service; the scan response carries
 * manufacturer data `ffff 'G' v1 | node id prefix (8) | inventory digest (8)`, so a scanner knows
 * who it sees and can skip peers whose inventory did not change since their last complete session.
 * Knows nothing about sessions or stacks.
 */
import { createHash } from 'node:crypto';
import type { InventoryEntry, NodeId } from '../../core/types.ts';

/** The gossip-handshake service (a random 128-bit UUID of ours). */
export const SERVICE_UUID = '7d2ea0c12b7f4c5e8a319f6b0d4e5a10';
export const LINK_CHARACTERISTIC_UUID = '7d2ea0c22b7f4c5e8a319f6b0d4e5a10';

export interface GattProfile {
  readonly service: string;
  readonly characteristic: string;
}

export const DEFAULT_PROFILE: GattProfile = { service: SERVICE_UUID, characteristic: LINK_CHARACTERISTIC_UUID };

/** A profile with a service UUID of its own (so trials sharing an air never meet strangers). */
export function profileFor(tag: string): GattProfile {
  const h = createHash('sha256').update(`gossip-handshake/service/${tag}`).digest('hex');
  return { service: `${h.slice(0, 12)}4${h.slice(13, 16)}8${h.slice(17, 32)}`, characteristic: `${h.slice(32, 44)}4${h.slice(45, 48)}8${h.slice(49, 64)}` };
}

export const COMPANY_TEST = 0xffff;
const MAGIC = 0x47; // 'G'
const ADV_VERSION = 1;

export interface AdvInfo {
  /** First 8 bytes of the node id, hex. */
  readonly nodePrefix: string;
  /** 8-byte inventory digest, hex. */
  readonly digest: string;
  /** The node runs a central too (it dials peers with higher id prefixes itself). */
  readonly central: boolean;
}

const FLAG_CENTRAL = 0x01;

export function nodePrefix(id: NodeId): string {
  return id.slice(0, 16);
}

/** Digest of an inventory: which adapters and how many of their chunks (order-independent). */
export function inventoryDigest(entries: readonly InventoryEntry[]): string {
  const h = createHash('sha256').update('gossip-handshake/inventory-digest/v1');
  for (const e of [...entries].sort((a, b) => (a.id < b.id ? -1 : 1))) h.update(e.id).update(Buffer.from(e.have));
  return h.digest('hex').slice(0, 16);
}

/** Advertising data: flags + the complete list of 128-bit service UUIDs (21 bytes). */
export function advertisementData(profile: GattProfile): Buffer {
  const uuid = Buffer.from(profile.service, 'hex').reverse();
  return Buffer.concat([Buffer.from([0x02, 0x01, 0x06, 0x11, 0x07]), uuid]);
}

/** Scan response: our manufacturer data (23 bytes). */
export function scanResponseData(info: AdvInfo): Buffer {
  const head = [COMPANY_TEST & 0xff, COMPANY_TEST >> 8, MAGIC, ADV_VERSION, info.central ? FLAG_CENTRAL : 0];
  const body = Buffer.concat([Buffer.from(head), Buffer.from(info.nodePrefix, 'hex'), Buffer.from(info.digest, 'hex')]);
  return Buffer.concat([Buffer.from([body.length + 1, 0xff]), body]);
}

/** Reads our manufacturer data (as noble reports it: company id first); undefined if not ours. */
export function parseManufacturerData(data: Buffer | undefined): AdvInfo | undefined {
  if (!data || data.length < 21) return undefined;
  if (data.readUInt16LE(0) !== COMPANY_TEST || data[2] !== MAGIC || data[3] !== ADV_VERSION) return undefined;
  return { central: (data[4]! & FLAG_CENTRAL) !== 0, nodePrefix: data.subarray(5, 13).toString('hex'), digest: data.subarray(13, 21).toString('hex') };
}
