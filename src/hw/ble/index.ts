/**
 * Public API of the Bluetooth LE transport: noble central and bleno peripheral roles, the link
 * endpoint contract and its in-memory reference, the session driver over a link, the gossiping
 * node (encounters, peer choice, verification, event log records), our GATT profile and
 * advertisement, and the lazy stack loader with its actionable errors.
 */
export { BleCentral, type Sighting, type CentralOptions } from './central.ts';
export { BlePeripheral, type PeripheralOptions } from './peripheral.ts';
export { checkPacket, type LinkEndpoint } from './link-endpoint.ts';
export { memoryLinkPair, type MemoryLinkOptions } from './memory-link.ts';
export { LinkSession, type LinkSessionOptions, type ClosedEvent } from './link-session.ts';
export { Encounter, type EncounterEvent, type EncounterOptions } from './encounter.ts';
export { BleNode, type BleNodeOptions } from './node.ts';
export { createBleNode, type CreateNodeOptions } from './create-node.ts';
export type { NodeEvent, NodeEventName, Role } from './node-events.ts';
export { PeerBook } from './peer-book.ts';
export {
  SERVICE_UUID, LINK_CHARACTERISTIC_UUID, DEFAULT_PROFILE, profileFor, advertisementData, scanResponseData, parseManufacturerData,
  inventoryDigest, nodePrefix, type AdvInfo, type GattProfile,
} from './gatt-profile.ts';
export { loadNoble, loadBleno, stopStack, waitPoweredOn, bluetoothError } from './stacks.ts';
export type { Bleno, Noble } from './stack-types.ts';
