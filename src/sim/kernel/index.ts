/**
 * Public API of the discrete-event kernel: `Kernel` (virtual clock + event queue), priorities,
 * `SimulationError`, and the handle/callback types. Nothing here knows about the simulated world.
 */
export { Kernel, Priority, SimulationError } from './kernel.ts';
export type { RunOptions } from './kernel.ts';
export type { EventCallback, EventHandle } from './event-queue.ts';
