/** Public API of the adapter library: the session contract, `createLibrary`, eviction policies and shapes. */
export type { PeerView, SessionLibrary } from './contract.ts';
export type { FlaggedPeer, Library, LibraryEntry, LibraryEvent, LibraryOptions, PeerWindow, RemovalReason, TrustOptions } from './types.ts';
export { createLibrary } from './library.ts';
export { supersededThenLru, type EvictionPolicy, type EvictionView } from './eviction.ts';
export { DEFAULT_DEMAND_HORIZON } from './demand.ts';
export { DEFAULT_PEER_WINDOW } from './peers.ts';
