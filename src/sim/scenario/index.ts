/**
 * Public API of scenario loading: `resolveScenario` (file + `--set` overrides + seed → typed
 * Scenario and its resolved YAML), the schemas and their types, calibration profiles, domains,
 * place expansion and distribution sampling.
 */
export { resolveScenario, resolveScenarioText, ScenarioError } from './resolve-scenario.ts';
export type { ResolvedAdapter, ResolvedGroup, ResolvedScenario, Scenario } from './resolve-scenario.ts';
export { scenarioSchema, STRATEGIES, DEFAULT_PROFILE } from './scenario-schema.ts';
export type { ScenarioInput, ScenarioSpec, Strategy } from './scenario-schema.ts';
export { profileSchema } from './profile-schema.ts';
export type { EnergyProfile, InferenceProfile, LinkProfile, Profile, ProfileInput } from './profile-schema.ts';
export { loadProfile, shippedProfiles, PROFILES_DIR, PROJECT_ROOT } from './load-profile.ts';
export { DOMAINS, DEFAULT_DOMAIN_QUALITY, DEFAULT_MERGED_QUALITY } from './domains.ts';
export type { Domain } from './domains.ts';
export { PLACE_KINDS, DEFAULT_PLACE_RADIUS, placeNames } from './world-schema.ts';
export type { PlaceKind, PlaceSpec, WorldSpec } from './world-schema.ts';
export { expandPlaces } from './places.ts';
export type { Place } from './places.ts';
export { POLICIES, WEEKDAYS } from './group-schema.ts';
export type { ChurnSpec, GroupSpec, MobilitySpec } from './group-schema.ts';
export type { AdapterSpec, ContactsSpec, QualitySpec, QuestionsSpec } from './workload-schema.ts';
export { medianOf, sampleDistribution, toLognormal } from './distribution.ts';
export type { ShiftedLognormal } from './distribution.ts';
export type { Distribution } from './unit-schemas.ts';
