/**
 * Public API of the simulator's world: contact detection over mobility trajectories (uniform grid,
 * incremental by time window), range helpers, shared samplers and a deterministic test Rng.
 * Knows nothing of the kernel, link model or churn.
 */
export type { ContactDetector, ContactDetectorOptions, ContactEvent, ContactSink } from './contact-detector.ts';
export { createContactDetector } from './contact-detector.ts';
export { PositionTracker } from './position-tracker.ts';
export { UniformGrid } from './uniform-grid.ts';
export type { IndoorOutdoorRange } from './range.ts';
export { indoorOutdoorRange } from './range.ts';
export { exponential, jittered, lognormal, standardNormal, uniform } from './distributions.ts';
export { createTestRng } from './test-rng.ts';
