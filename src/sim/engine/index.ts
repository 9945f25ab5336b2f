/** Public API of the gossip simulator engine: the Simulation value, its result and run outputs. */
export { Simulation, type SimulationResult } from './simulation.ts';
export { buildSummary, writeSimRun, PACKAGE_VERSION, type WrittenRun } from './outputs.ts';
