/**
 * Finding and loading calibration profiles. A reference is looked up, in order, among the
 * scenario's inline `profiles:`, then as a name in `scenarios/profiles/<name>.yaml` of the project,
 * and, when it looks like a path (contains `/` or ends in `.yaml`), relative to the scenario file.
 * Scenario-level field overrides (`radio.link`, `radio.energy`, `radio.inference`) are merged over
 * the profile's fields before validation, so errors point into whichever file holds the bad value.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../cli/user-error.ts';
import { hint } from './did-you-mean.ts';
import { errorMap, locateIssues } from './issues.ts';
import type { LocatedIssue, Locator } from './issues.ts';
import { profileSchema } from './profile-schema.ts';
import type { Profile } from './profile-schema.ts';
import { YamlSource } from './yaml-source.ts';
import type { Path } from './yaml-source.ts';

/** The project root (holds scenarios/). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const PROFILES_DIR = join(PROJECT_ROOT, 'scenarios', 'profiles');

const SECTIONS = ['link', 'energy', 'inference'] as const;
type Raw = Record<string, unknown>;

/** Names of the shipped profiles. */
export function shippedProfiles(): string[] {
  try {
    return readdirSync(PROFILES_DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).sort();
  } catch {
    return [];
  }
}

/** Where a reference points: a file path, or undefined when no file matches. */
export function profilePath(ref: string, scenarioDir: string): string | undefined {
  const looksLikePath = /[/\\]/.test(ref) || /\.ya?ml$/i.test(ref);
  if (looksLikePath) {
    const p = isAbsolute(ref) ? ref : resolve(scenarioDir, ref);
    return existsSync(p) ? p : undefined;
  }
  const p = join(PROFILES_DIR, `${ref}.yaml`);
  return existsSync(p) ? p : undefined;
}

/** Message for an unknown profile reference. */
export function unknownProfileMessage(ref: string, inline: readonly string[]): string {
  const names = [...inline, ...shippedProfiles()];
  return `no profile "${ref}"${hint(ref, names).replace(/ \(known: .*\)$/, '')}: use one of ${names.join(', ') || '(none)'}, or a path to a profile YAML`;
}

export interface ProfileSourceInfo {
  /** Positions in the profile's own text, with paths relative to the profile (e.g. ['link', 'range']). */
  readonly locate: (path: Path, key: boolean) => { where: string; found: boolean };
  readonly raw: unknown;
}

/** Reads a profile YAML file (raw, unvalidated) with its position lookup. */
export function readProfileFile(path: string): ProfileSourceInfo {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`${path}: cannot read profile (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const src = new YamlSource(path, text);
  return { raw: src.toJS(), locate: (p, k) => src.locate(p, k) };
}

/**
 * Validates a profile after merging `overrides` (raw scenario input, sections link/energy/inference)
 * over it. `overridesLocate` gives positions of override values (paths relative to the override
 * object). Returns the profile or the located issues.
 */
export function buildProfile(
  source: ProfileSourceInfo,
  overrides: Raw,
  overridesLocate: (path: Path, key: boolean) => string,
): { profile: Profile } | { issues: LocatedIssue[] } {
  const base = (typeof source.raw === 'object' && source.raw !== null && !Array.isArray(source.raw) ? source.raw : {}) as Raw;
  const merged: Raw = { ...base };
  for (const s of SECTIONS) {
    const o = overrides[s];
    if (o && typeof o === 'object') merged[s] = { ...((base[s] as Raw | undefined) ?? {}), ...(o as Raw) };
  }
  const result = profileSchema.safeParse(merged, { error: errorMap });
  if (result.success) return { profile: result.data };
  const locator: Locator = {
    locate: (path, key) => {
      const [section, field] = path;
      const o = typeof section === 'string' ? (overrides[section] as Raw | undefined) : undefined;
      if (o && typeof o === 'object' && (field === undefined || (field as string) in o)) return overridesLocate(path, key);
      const inProfile = source.locate(path, key);
      if (!inProfile.found && o && typeof o === 'object') return overridesLocate(path.slice(0, 1), true);
      return inProfile.where;
    },
  };
  return { issues: locateIssues(result.error.issues, locator) };
}

/** Loads a shipped profile by name, or a profile file by path (relative to `fromDir`), with no overrides. */
export function loadProfile(ref: string, fromDir: string = process.cwd()): Profile {
  const path = profilePath(ref, fromDir);
  if (!path) throw new UserError(unknownProfileMessage(ref, []));
  const source = readProfileFile(path);
  const built = buildProfile(source, {}, () => path);
  if ('issues' in built) throw new UserError(built.issues.map((i) => `${i.where}: ${i.message}`).join('\n'));
  return built.profile;
}
