/**
 * Loading a scenario: read the YAML (keeping positions), apply `--set` overrides and the seed,
 * validate against the schema, resolve the device profiles (with the scenario's field overrides),
 * make file references absolute, and derive node indices. Every problem is reported as
 * `file:line:col: message` (or `--set …: message`) in one `ScenarioError` listing all of them.
 * Also returns the fully resolved scenario as YAML (defaults filled in, seed and every profile used
 * inlined) for `resolved-scenario.yaml`; loading that text again gives the same scenario.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { UserError } from '../../cli/user-error.ts';
import type { Micros } from '../../core/types.ts';
import type { GroupSpec } from './group-schema.ts';
import { ScenarioError, errorMap, formatPath, locateIssues } from './issues.ts';
import type { LocatedIssue, Locator } from './issues.ts';

export { ScenarioError };
import { PROJECT_ROOT, buildProfile, profilePath, readProfileFile, unknownProfileMessage } from './load-profile.ts';
import type { ProfileSourceInfo } from './load-profile.ts';
import { applyOverride } from './overrides.ts';
import type { AppliedOverride } from './overrides.ts';
import type { Profile } from './profile-schema.ts';
import { scenarioSchema } from './scenario-schema.ts';
import type { ScenarioSpec } from './scenario-schema.ts';
import type { AdapterSpec } from './workload-schema.ts';
import { toYaml } from './to-yaml.ts';
import { YamlSource } from './yaml-source.ts';
import type { Path } from './yaml-source.ts';

export interface ResolvedGroup extends Omit<GroupSpec, 'device'> {
  /** Key into `Scenario.profiles`. */
  readonly device: string;
  /** Node index of the group's first device; its devices are firstNode … firstNode + count - 1. */
  readonly firstNode: number;
}

export interface ResolvedAdapter extends AdapterSpec {
  /** Node index of the publishing device. */
  readonly originNode: number;
}

/** A validated scenario with units converted (Micros, bytes, bytes/s, metres) and references resolved. */
export interface Scenario extends Omit<ScenarioSpec, 'radio' | 'profiles' | 'groups' | 'adapters'> {
  /** Absolute path of the scenario file. */
  readonly file: string;
  readonly radio: { readonly profile: string };
  /** Every profile used (radio.profile and each group's device), scenario overrides applied. */
  readonly profiles: Readonly<Record<string, Profile>>;
  readonly groups: readonly ResolvedGroup[];
  readonly adapters: readonly ResolvedAdapter[];
  /** Total number of devices (nodes 0 … nodeCount - 1). */
  readonly nodeCount: number;
  readonly duration: Micros;
}

export interface ResolvedScenario {
  readonly scenario: Scenario;
  /** The fully resolved scenario as YAML (for resolved-scenario.yaml). */
  readonly resolvedYaml: string;
}

type Raw = Record<string, unknown>;

/**
 * Loads, overrides, validates and resolves a scenario file. `overrides` are `key=value` strings
 * (`--set`); `seed`, when given, replaces the file's seed.
 */
export function resolveScenario(file: string, overrides: readonly string[] = [], seed?: number | string): ResolvedScenario {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`${file}: cannot read scenario (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return resolveScenarioText(text, file, overrides, seed, path);
}

/** As `resolveScenario`, from text; `file` is the name used in messages, `path` where relative paths start. */
export function resolveScenarioText(
  text: string,
  file: string,
  overrides: readonly string[] = [],
  seed?: number | string,
  path: string = resolve(file),
): ResolvedScenario {
  const src = new YamlSource(file, text);
  if (!src.doc.contents || !(src.doc.contents as { items?: unknown }).items || Array.isArray(src.toJS())) {
    throw new ScenarioError([{ where: `${file}:1:1`, message: 'a scenario must be a YAML mapping (name, duration, world, groups, …)' }]);
  }
  const applied: AppliedOverride[] = overrides.map((o) => applyOverride(src.doc, o));
  if (seed !== undefined) {
    src.doc.set('seed', seed);
    applied.push({ expression: `seed=${seed} (--seed)`, path: ['seed'] });
  }
  const locator = scenarioLocator(src, applied);
  const raw = src.toJS() as Raw;

  const parsed = scenarioSchema.safeParse(raw, { error: errorMap });
  if (!parsed.success) throw new ScenarioError(locateIssues(parsed.error.issues, locator));
  const spec = parsed.data;
  const dir = dirname(path);

  const profiles = resolveProfiles(spec, raw, src, locator, dir);
  const resolvedSpec = absolutePaths(spec, raw, dir);
  const resolvedYaml = toYaml(z.encode(scenarioSchema, { ...resolvedSpec, profiles }));
  return { scenario: derive(resolvedSpec, profiles, path), resolvedYaml };
}

/** Positions in the file, or the `--set` expression that last wrote a path (or its ancestor). */
function scenarioLocator(src: YamlSource, applied: readonly AppliedOverride[]): Locator {
  return {
    locate(path: Path, key: boolean): string {
      for (let i = applied.length - 1; i >= 0; i--) {
        const o = applied[i] as AppliedOverride;
        if (o.path.length <= path.length && o.path.every((seg, j) => String(seg) === String(path[j]))) {
          return `--set ${o.expression}`;
        }
      }
      return src.locate(path, key).where;
    },
  };
}

function resolveProfiles(spec: ScenarioSpec, raw: Raw, src: YamlSource, locator: Locator, dir: string): Record<string, Profile> {
  const rawRadio = (raw.radio ?? {}) as Raw;
  const rawInline = (raw.profiles ?? {}) as Raw;
  const overrideLocate = (p: Path, key: boolean) => locator.locate(['radio', ...p], key);
  const refs: { ref: string; where: Path }[] = [{ ref: spec.radio.profile, where: ['radio', 'profile'] }];
  spec.groups.forEach((g, i) => {
    if (g.device !== undefined) refs.push({ ref: g.device, where: ['groups', i, 'device'] });
  });

  const out: Record<string, Profile> = {};
  const issues: LocatedIssue[] = [];
  for (const { ref, where } of refs) {
    if (ref in out) continue;
    let source: ProfileSourceInfo;
    if (ref in rawInline) {
      source = { raw: rawInline[ref], locate: (p, k) => src.locate(['profiles', ref, ...p], k) };
    } else {
      const file = profilePath(ref, dir);
      if (!file) {
        issues.push({ where: locator.locate(where, false), message: `${formatPath(where)}: ${unknownProfileMessage(ref, Object.keys(rawInline))}` });
        continue;
      }
      source = readProfileFile(file);
    }
    const built = buildProfile(source, rawRadio, overrideLocate);
    if ('issues' in built) issues.push(...built.issues.map((i) => ({ where: i.where, message: `profile "${ref}": ${i.message}` })));
    else out[ref] = built.profile;
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  return out;
}

/** Trace and question-bank paths made absolute (user paths relative to the scenario file). */
function absolutePaths(spec: ScenarioSpec, raw: Raw, dir: string): ScenarioSpec {
  const bankGiven = typeof (raw.questions as Raw | undefined)?.bank === 'string';
  const bank = isAbsolute(spec.questions.bank) ? spec.questions.bank : bankGiven ? resolve(dir, spec.questions.bank) : join(PROJECT_ROOT, spec.questions.bank);
  let contacts = spec.contacts;
  if (contacts.source === 'trace') {
    const file = resolve(dir, contacts.file);
    contacts = { ...contacts, file, format: contacts.format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'one') };
  }
  return { ...spec, questions: { ...spec.questions, bank }, contacts };
}

function derive(spec: ScenarioSpec, profiles: Record<string, Profile>, file: string): Scenario {
  let next = 0;
  const firstNode = new Map<string, number>();
  const groups = spec.groups.map((g) => {
    firstNode.set(g.name, next);
    const r: ResolvedGroup = { ...g, device: g.device ?? spec.radio.profile, firstNode: next };
    next += g.count;
    return r;
  });
  const adapters = spec.adapters.map((a) => ({
    ...a,
    originNode: typeof a.origin === 'number' ? a.origin : (firstNode.get(a.origin.group) as number) + a.origin.index,
  }));
  return { ...spec, file, radio: { profile: spec.radio.profile }, profiles, groups, adapters, nodeCount: next };
}
