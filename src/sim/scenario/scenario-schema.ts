/**
 * The scenario schema (zod v4): the top-level keys, defaults, and the cross-reference checks that
 * need the whole file (unique names, origins and places that exist, times inside the run). Every
 * object is strict: unknown keys are errors. Units are decoded by the codecs of unit-schemas.ts, so
 * the parsed value holds Micros, bytes, bytes/s and metres; `z.encode` turns it back into YAML-ready
 * text. The JSON Schema for editors is generated from this same schema.
 * Knows nothing about files or YAML positions (see resolve-scenario.ts).
 */
import { z } from 'zod';
import { groupSchema } from './group-schema.ts';
import { profileOverridesShape, profileSchema } from './profile-schema.ts';
import { duration, orMissing } from './unit-schemas.ts';
import { adaptersSchema, contactsSchema, qualitySchema, questionsSchema } from './workload-schema.ts';
import { placeNames, worldSchema } from './world-schema.ts';

export const STRATEGIES = ['route', 'merge', 'none'] as const;
export type Strategy = (typeof STRATEGIES)[number];
export const DEFAULT_PROFILE = 'android-2m';

const strategyList = z.codec(
  z.union([z.enum(STRATEGIES), z.array(z.enum(STRATEGIES)).min(1)], { error: orMissing('expected route, merge or none, or a list of them') }),
  z.array(z.enum(STRATEGIES)),
  { decode: (v) => (typeof v === 'string' ? [v] : v), encode: (v) => (v.length === 1 ? (v[0] as Strategy) : v) },
);

const baseSchema = z.strictObject({
  name: z.string().min(1).describe('scenario name (used in reports)'),
  description: z.string().optional().describe('free text'),
  seed: z.union([z.int(), z.string().min(1)], { error: orMissing('expected an integer or a string') }).default(1)
    .describe('master seed; every random stream is forked from it'),
  duration: duration().describe('simulated time'),
  sampleEvery: duration().prefault('10m').describe('metrics sampling interval'),
  strategy: strategyList.prefault('route')
    .describe('how answers use adapters: route (pick the expert), merge (TIES of what is held), none (base model); a list runs each for comparison'),
  world: worldSchema,
  radio: z
    .strictObject({
      profile: z.string().min(1).default(DEFAULT_PROFILE)
        .describe('default device profile: a name in `profiles:` or scenarios/profiles/, or a path to a profile YAML (relative to the scenario file)'),
      ...profileOverridesShape,
    })
    .prefault({})
    .describe('radio profile and field overrides applied to every device profile'),
  profiles: z.record(z.string(), profileSchema).optional()
    .describe('inline calibration profiles by name (looked up before scenarios/profiles/); resolved scenarios list every profile used here'),
  groups: z.array(groupSchema).min(1).describe('device groups; node indices follow file order'),
  adapters: adaptersSchema,
  questions: questionsSchema.describe('questions asked by users'),
  quality: qualitySchema,
  contacts: contactsSchema,
});

export type ScenarioSpec = z.output<typeof baseSchema>;
export type ScenarioInput = z.input<typeof baseSchema>;

function crossCheck(s: ScenarioSpec, ctx: z.core.$RefinementCtx<ScenarioSpec>): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message, input: undefined });

  if (s.sampleEvery <= 0) issue(['sampleEvery'], 'sampleEvery must be > 0');

  const places = placeNames(s.world);
  const placeByName = new Map<string, string>();
  places.forEach((p) => {
    if (placeByName.has(p.name)) {
      const i = s.world.places.findIndex((q) => q.name === p.name);
      issue(i >= 0 ? ['world', 'places', i, 'name'] : ['world', 'places'], `duplicate place name "${p.name}" (generated places are named <kind>-1, <kind>-2, …)`);
    }
    placeByName.set(p.name, p.kind);
  });
  const kinds = new Set(places.map((p) => p.kind));
  s.world.places.forEach((p, i) => {
    if (p.x > s.world.width) issue(['world', 'places', i, 'x'], `x = ${p.x} m is outside the world (width ${s.world.width} m)`);
    if (p.y > s.world.height) issue(['world', 'places', i, 'y'], `y = ${p.y} m is outside the world (height ${s.world.height} m)`);
  });
  const placeOrKind = (path: (string | number)[], ref: string, allowKind: boolean) => {
    if (placeByName.has(ref) || (allowKind && kinds.has(ref as never))) return;
    const known = [...(allowKind ? kinds : []), ...places.slice(0, 12).map((p) => p.name)];
    issue(path, `no place ${allowKind ? 'or place kind ' : ''}"${ref}" in world (known: ${known.join(', ') || 'none'}${places.length > 12 ? ', …' : ''})`);
  };

  const groupNames = new Map<string, number>();
  let nodes = 0;
  s.groups.forEach((g, i) => {
    if (groupNames.has(g.name)) issue(['groups', i, 'name'], `duplicate group name "${g.name}"`);
    groupNames.set(g.name, i);
    nodes += g.count;
    const m = g.mobility;
    if (m.model === 'stationary') placeOrKind(['groups', i, 'mobility', 'place'], m.place, false);
    if (m.model === 'routine') {
      placeOrKind(['groups', i, 'mobility', 'home'], m.home, true);
      m.activities.forEach((a, j) => placeOrKind(['groups', i, 'mobility', 'activities', j, 'at'], a.at, true));
    }
  });

  const ids = new Set<string>();
  s.adapters.forEach((a, i) => {
    if (ids.has(a.id)) issue(['adapters', i, 'id'], `duplicate adapter id "${a.id}"`);
    ids.add(a.id);
    if (typeof a.origin === 'number') {
      if (a.origin >= nodes) issue(['adapters', i, 'origin'], `node ${a.origin} does not exist (the groups have ${nodes} nodes: 0…${nodes - 1})`);
    } else {
      const gi = groupNames.get(a.origin.group);
      if (gi === undefined) issue(['adapters', i, 'origin', 'group'], `no group "${a.origin.group}" (groups: ${[...groupNames.keys()].join(', ')})`);
      else if (a.origin.index >= (s.groups[gi]?.count ?? 0)) {
        issue(['adapters', i, 'origin', 'index'], `group "${a.origin.group}" has ${s.groups[gi]?.count} devices: index must be < ${s.groups[gi]?.count}`);
      }
    }
    if (a.publishAt >= s.duration) issue(['adapters', i, 'publishAt'], 'publishAt is not before the end of the run (duration)');
    if (a.chunkSize <= 0) issue(['adapters', i, 'chunkSize'], 'chunkSize must be > 0');
    let previous = a.publishAt;
    a.updates.forEach((u, j) => {
      if (u.at <= previous) issue(['adapters', i, 'updates', j, 'at'], 'updates must come after publishAt and after each other');
      if (u.at >= s.duration) issue(['adapters', i, 'updates', j, 'at'], 'update time is not before the end of the run (duration)');
      previous = u.at;
    });
  });

  if (s.contacts.source === 'schedule') {
    s.contacts.encounters.forEach((e, i) => {
      for (const k of ['a', 'b'] as const) {
        if (e[k] >= nodes) issue(['contacts', 'encounters', i, k], `node ${e[k]} does not exist (the groups have ${nodes} nodes: 0…${nodes - 1})`);
      }
    });
  }
}

export const scenarioSchema = baseSchema.superRefine(crossCheck);
