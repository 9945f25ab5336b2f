/**
 * The `summary.json` contract shared by `gossip sim`, `gossip emulate`, `gossip hw` trials and
 * `gossip compare`: a zod schema, its TypeScript type, stable serialisation, a file reader with
 * user-facing errors, and the JSON Schema export (docs/summary.schema.json).
 *
 * Units: times in seconds (simulated or trial time), sizes in bytes, energy in joules, fractions 0..1.
 * Two fields are WALL-CLOCK (machine-dependent): `wallSeconds` and `eventsPerSecond`. Determinism
 * tests compare everything else byte for byte; use `deterministicSummary` / `WALL_CLOCK_FIELDS`.
 * This module knows nothing about how the numbers are produced.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { UserError } from '../cli/user-error.ts';

export const SUMMARY_SCHEMA_VERSION = 1;

const count = z.int().nonnegative();
const seconds = z.number().nonnegative();
const reachedAfter = seconds.nullable();

export const ModeSchema = z.enum(['sim', 'emulate', 'hw']).describe('What moved the bytes: simulator, emulated radios, or real hardware.');
export const StrategySchema = z.enum(['route', 'merge', 'none'])
  .describe('How questions are answered: route to a specialist adapter, a merged (TIES) model, or the base model only.');

export const AdapterSummarySchema = z.strictObject({
  id: z.string().min(1).describe('Adapter id (content address, or the scenario name of the adapter).'),
  label: z.string().min(1).optional()
    .describe('Short human name used in charts and tables; must equal the `adapter` column of spread.csv when given (default: id).'),
  domain: z.string().min(1),
  sizeBytes: count,
  publishedAt: seconds.describe('Publication time in seconds since the start of the run.'),
  t50: reachedAfter.describe('Seconds after publication until 50 % of nodes held the complete adapter; null if never reached.'),
  t90: reachedAfter.describe('Seconds after publication until 90 % of nodes held it; null if never reached.'),
  t100: reachedAfter.describe('Seconds after publication until every node held it; null if never reached.'),
  finalCoverage: z.number().min(0).max(1).describe('Fraction of nodes holding the complete adapter at the end of the run.'),
});

export const RunSummarySchema = z.strictObject({
  schemaVersion: z.literal(SUMMARY_SCHEMA_VERSION),
  scenario: z.string().min(1).describe('Scenario name.'),
  seed: z.int().describe('Scenario seed actually used.'),
  packageVersion: z.string().min(1).describe('gossip-handshake package version that produced the run.'),
  mode: ModeSchema,
  strategy: StrategySchema,
  nodes: count,
  simulatedSeconds: seconds.describe('Length of the run in simulated (or trial) seconds.'),
  wallSeconds: seconds.describe('WALL-CLOCK, machine-dependent: real seconds the run took. Excluded from determinism comparisons.'),
  events: count.describe('Events processed (kernel events in sim, log records in emulate/hw).'),
  eventsPerSecond: z.number().nonnegative()
    .describe('WALL-CLOCK, machine-dependent: events / wallSeconds. Excluded from determinism comparisons.'),
  bytesTransferred: count.describe('Payload bytes received by all nodes over the whole run.'),
  transfers: z.strictObject({
    started: count,
    completed: count.describe('Adapter transfers that ended with the complete, verified adapter.'),
    interrupted: count.describe('Transfers cut off by a lost contact, churn or an error.'),
    resumed: count.describe('Transfers continued from chunks already held (same or another peer).'),
  }),
  adapters: z.array(AdapterSummarySchema),
  queries: z.strictObject({
    total: count,
    bySpecialist: count.describe('Answered with a specialist adapter chosen by the router.'),
    byBase: count.describe('Answered by the base model (no matching adapter held).'),
    byMerged: count.describe('Answered by a merged model.'),
    meanQuality: z.number().min(0).max(1).nullable().describe('Mean answer quality (keyword recall, 0..1); null without queries.'),
  }),
  energy: z.strictObject({
    totalJoules: z.number().nonnegative().nullable().describe('Radio + inference energy of all nodes; null when the mode does not model energy.'),
    perNodeMeanJoules: z.number().nonnegative().nullable(),
  }),
});

export type RunSummary = z.infer<typeof RunSummarySchema>;
export type AdapterSummary = z.infer<typeof AdapterSummarySchema>;
export type Mode = z.infer<typeof ModeSchema>;
export type Strategy = z.infer<typeof StrategySchema>;

/** Fields that depend on the machine and load, never on the scenario and seed. */
export const WALL_CLOCK_FIELDS = ['wallSeconds', 'eventsPerSecond'] as const;
export type WallClockField = (typeof WALL_CLOCK_FIELDS)[number];

/** The summary without wall-clock fields: what determinism tests compare byte for byte. */
export function deterministicSummary(summary: RunSummary): Omit<RunSummary, WallClockField> {
  const { wallSeconds: _w, eventsPerSecond: _e, ...rest } = summary;
  return rest;
}

/** Human name of an adapter in charts and tables. */
export function adapterLabel(a: Pick<AdapterSummary, 'id' | 'label'>): string {
  return a.label ?? a.id;
}

/**
 * Canonical JSON text of a summary (validated; keys in schema order whatever the input order;
 * 2-space indent; trailing newline). Throws a ZodError on an invalid summary: that is a bug in the
 * producer, not a user error.
 */
export function serializeSummary(summary: RunSummary): string {
  return `${JSON.stringify(RunSummarySchema.parse(summary), null, 2)}\n`;
}

/** Validate parsed JSON as a summary; errors name the file and the offending field. */
export function parseSummary(json: unknown, fileName: string): RunSummary {
  const result = RunSummarySchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  throw new UserError(`${fileName}: field ${where}: ${issue?.message ?? 'invalid'}; expected a summary.json (schemaVersion ${SUMMARY_SCHEMA_VERSION}) written by gossip, see docs/summary.schema.json.`);
}

export async function readSummary(path: string): Promise<RunSummary> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UserError(`${path}: cannot read the run summary; pass a run directory that holds summary.json.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${path}: not valid JSON (${(e as Error).message}); regenerate it by re-running the scenario.`);
  }
  return parseSummary(json, path);
}

export async function writeSummary(path: string, summary: RunSummary): Promise<void> {
  await writeFile(path, serializeSummary(summary));
}

/** The JSON Schema (draft 2020-12) of summary.json, as canonical text. */
export function summaryJsonSchemaText(): string {
  const schema = {
    ...z.toJSONSchema(RunSummarySchema),
    title: 'gossip-handshake run summary (summary.json)',
    description: 'Written by gossip sim / emulate / hw runs, read by gossip compare. Units: seconds, bytes, joules; '
      + 'fractions 0..1. WALL-CLOCK fields (listed in x-wall-clock-fields) depend on the machine and are excluded '
      + 'from determinism comparisons; every other field is a function of scenario + seed + package version.',
    'x-wall-clock-fields': [...WALL_CLOCK_FIELDS],
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Write the JSON Schema of summary.json (e.g. to docs/summary.schema.json). */
export async function writeJsonSchema(path: string): Promise<void> {
  await writeFile(path, summaryJsonSchemaText());
}
