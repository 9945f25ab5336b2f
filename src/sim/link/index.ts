/**
 * Public API of the BLE link model: radio profiles (presets from ble.md), discovery latency,
 * link-layer goodput arithmetic and the seeded per-connection model. Sans-I/O; knows nothing of
 * the kernel, contacts, churn or the protocol.
 */
export type { LinkModel, SetupOutcome } from './link-model.ts';
export { createLinkModel } from './link-model.ts';
export type {
  AdvertisingParams, GoodputVariation, LinkLayerParams, Phy, RadioParams, RadioPresetName, ScanParams, SetupParams,
} from './radio-params.ts';
export { RADIO_PRESETS, RADIO_PRESET_NAMES } from './radio-params.ts';
export { sampleMutualDiscovery, sampleOneWayDiscovery } from './discovery.ts';
export { bytesIn, linkCeilingBytesPerSec, medianGoodput, packetAirtimeUs, packetsPerEvent, transferTime } from './goodput.ts';
export { pairNormal, pairUniform } from './pair-hash.ts';
export { createSimLinkPair, type SimLinkEndpoint, type SimLinkOptions } from './sim-link.ts';
