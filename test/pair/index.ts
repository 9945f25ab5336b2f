/** The pair harness for integration tests: two sessions over a fake link on a virtual clock, a Map-backed library, fixtures. */
export { Pair, driveAll, type EndOptions, type LinkOptions, type Side } from './pair.ts';
export { VirtualClock, type Scheduled } from './virtual-clock.ts';
export { SimpleLibrary, type SimpleLibraryOptions } from './simple-library.ts';
export { encounter, keyOf, nodeIdOf, packetOf, payloadOf, virtualPacketOf, BASE_MODEL, publisher } from './fixtures.ts';
export { Scripted, sessionIn, helloFrom, entryOf, cast, type Step } from './scripted.ts';
