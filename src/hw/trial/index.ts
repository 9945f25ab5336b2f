/**
 * Public API of emulated trials: loading trial files, preparing libraries and packets, running N
 * node processes on one virtual air (`runTrial`), the trial log, and the run outputs shared with
 * `gossip sim`; plus the on-disk node library helpers `gossip hw node` uses.
 */
export { loadTrial, parseTrial, resolvedTrialYaml, type Trial } from './load-trial.ts';
export { trialSchema, type TrialSpec, type TrialAdapterSpec } from './trial-schema.ts';
export { prepareTrial, syntheticPayload, TRIAL_BASE_MODEL, type PreparedTrial, type PreparedAdapter, type PreparedNode } from './prepare.ts';
export { runTrial, type RunTrialOptions, type TrialRun } from './runner.ts';
export { TrialLog, type TrialRecord, type RunnerEvent } from './trial-log.ts';
export { trialOutputs, type TrialOutputs } from './trial-summary.ts';
export { writeTrialRun, PACKAGE_VERSION, type WrittenTrial } from './outputs.ts';
export { openNodeLibrary, placePacket, type NodeLibrary, type NodeLibraryOptions } from './node-library.ts';
export type { NodeProcessConfig, FromNode, ToNode } from './node-protocol.ts';
export { loadNodeConfig, nodeConfigSchema, type NodeConfig } from './node-config.ts';
export { runHwNode, type HwNodeOptions, type HwNodeResult } from './hw-node.ts';
