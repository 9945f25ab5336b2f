/**
 * Loading a trial file: YAML with positions, schema validation with `file:line:col` messages, the
 * cross-checks a schema cannot express (unique node names, origins and contact ends that exist,
 * one payload source per adapter, contacts that end after they start, schedule or trace), paths
 * made absolute relative to the trial file, and a contact trace turned into contacts.
 * Also renders the resolved trial as YAML for the run directory.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { stringify } from 'yaml';
import { UserError } from '../../cli/user-error.ts';
import type { Micros } from '../../core/types.ts';
import { ScenarioError, errorMap, locateIssues, type LocatedIssue } from '../../sim/scenario/issues.ts';
import { YamlSource, type Path } from '../../sim/scenario/yaml-source.ts';
import { readContactTrace } from '../../sim/traces/index.ts';
import { formatDuration, formatRate, formatSize } from '../../sim/units.ts';
import type { Contact } from '../air/contact-player.ts';
import { mobilityContacts } from './mobility-contacts.ts';
import { trialSchema, type TrialSpec } from './trial-schema.ts';

export interface Trial extends Omit<TrialSpec, 'contacts' | 'contactTrace'> {
  /** Absolute path of the trial file. */
  readonly file: string;
  /** The contact schedule (from `contacts` or the trace); undefined: everyone in range throughout. */
  readonly contacts: readonly Contact[] | undefined;
  /** Where the contacts came from. */
  readonly contactSource: 'schedule' | 'trace' | 'mobility' | 'open-air';
}

export function loadTrial(file: string): Trial {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`${file}: cannot read the trial file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  return parseTrial(text, file, path);
}

export function parseTrial(text: string, file: string, path = resolve(file)): Trial {
  const src = new YamlSource(file, text);
  const locator = { locate: (p: Path, key: boolean) => src.locate(p, key).where };
  const parsed = trialSchema.safeParse(src.toJS() ?? {}, { error: errorMap });
  if (!parsed.success) throw new ScenarioError(locateIssues(parsed.error.issues, locator));
  const spec = parsed.data;
  const issues: LocatedIssue[] = [];
  const issue = (p: Path, message: string, key = false) => issues.push({ where: src.locate(p, key).where, message });
  const names = new Set<string>();
  spec.nodes.forEach((n, i) => {
    if (names.has(n)) issue(['nodes', i], `node "${n}" is listed twice`);
    names.add(n);
  });
  const known = (n: string) => names.has(n);
  const adapterNames = new Set<string>();
  spec.adapters.forEach((a, i) => {
    if (!known(a.origin)) issue(['adapters', i, 'origin'], `origin "${a.origin}" is not one of the nodes (${spec.nodes.join(', ')})`);
    const sources = [a.size, a.file, a.packet].filter((x) => x !== undefined).length;
    if (sources !== 1) issue(['adapters', i], 'give exactly one of size (synthetic payload), file (adapter file to pack) or packet (signed packet file)');
    if (a.size !== undefined && a.size <= 0) issue(['adapters', i, 'size'], 'size must be > 0');
    if (adapterNames.has(a.name)) issue(['adapters', i, 'name'], `adapter "${a.name}" is listed twice`);
    adapterNames.add(a.name);
  });
  if ([spec.contacts, spec.contactTrace, spec.contactMobility].filter((x) => x !== undefined).length > 1) {
    issue(['contactTrace'], 'give one of contacts (a schedule), contactTrace or contactMobility', true);
  }
  spec.contacts?.forEach((c, i) => {
    for (const k of ['a', 'b'] as const) if (!known(c[k])) issue(['contacts', i, k], `node "${c[k]}" is not one of the nodes (${spec.nodes.join(', ')})`);
    if (c.a === c.b) issue(['contacts', i], 'a contact needs two different nodes');
    if (c.to !== undefined && c.to <= c.from) issue(['contacts', i, 'to'], 'a contact must end after it starts');
  });
  if (issues.length > 0) throw new ScenarioError(issues);

  const base = dirname(path);
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(base, p));
  const adapters = spec.adapters.map((a) => ({ ...a, ...(a.file ? { file: abs(a.file) } : {}), ...(a.packet ? { packet: abs(a.packet) } : {}) }));
  let contacts: Contact[] | undefined;
  let contactSource: Trial['contactSource'] = 'open-air';
  if (spec.contacts) {
    contactSource = 'schedule';
    contacts = spec.contacts.map((c) => ({ a: c.a, b: c.b, from: c.from, to: c.to ?? Infinity }));
  } else if (spec.contactTrace) {
    contactSource = 'trace';
    contacts = traceContacts(abs(spec.contactTrace.file), spec.contactTrace.format, spec.nodes, `${file}: contactTrace`);
  } else if (spec.contactMobility) {
    contactSource = 'mobility';
    contacts = mobilityContacts({ ...spec.contactMobility, scenario: abs(spec.contactMobility.scenario) }, spec.nodes, `${file}: contactMobility`);
  }
  const { contacts: _c, contactTrace: _t, contactMobility: _m, ...rest } = spec;
  return { ...rest, adapters, file: path, contacts, contactSource };
}

/** Pairs a trace's up/down events into contacts (an up never closed lasts until the end). */
function traceContacts(path: string, format: 'csv' | 'one' | undefined, nodes: readonly string[], where: string): Contact[] {
  const events = readContactTrace(path, format);
  const open = new Map<string, { a: string; b: string; from: Micros }>();
  const out: Contact[] = [];
  for (const e of events) {
    const a = nodes[e.a];
    const b = nodes[e.b];
    if (a === undefined || b === undefined) throw new UserError(`${where}: ${path} names node ${Math.max(e.a, e.b)} but the trial has ${nodes.length} nodes (indices 0…${nodes.length - 1})`);
    const key = e.a < e.b ? `${e.a}-${e.b}` : `${e.b}-${e.a}`;
    const o = open.get(key);
    if (e.up && !o) open.set(key, { a, b, from: e.at });
    else if (!e.up && o) {
      open.delete(key);
      if (e.at > o.from) out.push({ ...o, to: e.at });
    }
  }
  for (const o of open.values()) out.push({ ...o, to: Infinity });
  return out;
}

/** The trial as it ran, every default filled in, as YAML (units written out). */
export function resolvedTrialYaml(t: Trial, packageVersion: string): string {
  const doc = {
    name: t.name, ...(t.description ? { description: t.description } : {}), seed: t.seed, duration: formatDuration(t.duration),
    stopWhenComplete: t.stopWhenComplete, nodes: t.nodes, mtu: t.mtu, maxInFlight: t.maxInFlight,
    air: {
      rate: formatRate(t.air.rate), connectionSetup: formatDuration(t.air.connectionSetup), advertisingInterval: formatDuration(t.air.advertisingInterval),
      latency: formatDuration(t.air.latency), loss: t.air.loss, aclBuffers: t.air.aclBuffers,
    },
    adapters: t.adapters.map((a) => ({
      name: a.name, domain: a.domain, origin: a.origin, ...(a.size !== undefined ? { size: formatSize(a.size) } : {}),
      ...(a.file ? { file: a.file } : {}), ...(a.packet ? { packet: a.packet } : {}), chunkSize: formatSize(a.chunkSize), keywords: a.keywords,
    })),
    contactSource: t.contactSource,
    ...(t.contacts ? { contacts: t.contacts.map((c) => ({ a: c.a, b: c.b, from: formatDuration(c.from), ...(c.to !== Infinity ? { to: formatDuration(c.to) } : {}) })) } : {}),
  };
  return `# resolved by gossip-handshake ${packageVersion} (gossip emulate); seed ${t.seed}\n${stringify(doc)}`;
}
