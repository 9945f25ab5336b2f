/**
 * The per-run CSV contract: file names, row types, column order, and typed readers. Producers
 * (`gossip sim`, `gossip emulate`, hw trial import) write these rows; charts, the HTML report and
 * `gossip compare` read them. Times are seconds since the start of the run (`time_s`).
 *
 * - spread.csv   one row per (sample time, adapter): nodes holding the complete adapter.
 * - quality.csv  one row per (time bin, strategy): mean answer quality (keyword recall 0..1) of the
 *                `queries` questions answered in the bin starting at `time_s` (quality empty if 0).
 * - traffic.csv  one row per sample time: CUMULATIVE payload bytes and energy (joules, empty when
 *                the mode does not model energy) since the start of the run.
 * - coverage.csv one row per node: final position (metres) and number of complete adapters held.
 * - places.csv   one row per named place of the village map (home, field, market, clinic, ...).
 *
 * Knows nothing about how the numbers are produced or drawn.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { UserError } from '../cli/user-error.ts';
import { CsvSyntaxError, parseCsv, toCsv } from './csv.ts';
import type { CsvRow } from './csv.ts';
import { StrategySchema } from './summary-schema.ts';

/** Names of the files in a run directory. */
export const RUN_FILES = {
  summary: 'summary.json',
  scenario: 'resolved-scenario.yaml',
  spread: 'spread.csv',
  quality: 'quality.csv',
  traffic: 'traffic.csv',
  coverage: 'coverage.csv',
  places: 'places.csv',
  report: 'report.html',
  chartsDir: 'charts',
} as const;

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const num = z.string().regex(NUMBER, 'expected a number').transform(Number);
const int = z.string().regex(/^-?\d+$/, 'expected an integer').transform(Number);
const nullableNum = z.union([z.literal('').transform(() => null), num]);
const text = z.string().min(1, 'must not be empty');

export const SpreadRowSchema = z.object({ time_s: num, adapter: text, holders: int, fraction: num });
export const QualityRowSchema = z.object({ time_s: num, strategy: StrategySchema, quality: nullableNum, queries: int });
export const TrafficRowSchema = z.object({ time_s: num, bytes: num, joules: nullableNum });
export const CoverageRowSchema = z.object({ node: text, x: num, y: num, adapters: int });
export const PlaceRowSchema = z.object({ name: text, kind: text, x: num, y: num, radius: num });

export type SpreadRow = z.output<typeof SpreadRowSchema>;
export type QualityRow = z.output<typeof QualityRowSchema>;
export type TrafficRow = z.output<typeof TrafficRowSchema>;
export type CoverageRow = z.output<typeof CoverageRowSchema>;
export type PlaceRow = z.output<typeof PlaceRowSchema>;

/** Column order of each CSV (the key order of its row schema). */
export const SPREAD_COLUMNS = Object.keys(SpreadRowSchema.shape) as Array<keyof SpreadRow>;
export const QUALITY_COLUMNS = Object.keys(QualityRowSchema.shape) as Array<keyof QualityRow>;
export const TRAFFIC_COLUMNS = Object.keys(TrafficRowSchema.shape) as Array<keyof TrafficRow>;
export const COVERAGE_COLUMNS = Object.keys(CoverageRowSchema.shape) as Array<keyof CoverageRow>;
export const PLACE_COLUMNS = Object.keys(PlaceRowSchema.shape) as Array<keyof PlaceRow>;

/** One CSV kind: its file name, columns and row schema. */
export interface RowTable<S extends z.ZodObject> {
  readonly file: string;
  readonly columns: readonly string[];
  readonly schema: S;
}

export const TABLES = {
  spread: { file: RUN_FILES.spread, columns: SPREAD_COLUMNS, schema: SpreadRowSchema },
  quality: { file: RUN_FILES.quality, columns: QUALITY_COLUMNS, schema: QualityRowSchema },
  traffic: { file: RUN_FILES.traffic, columns: TRAFFIC_COLUMNS, schema: TrafficRowSchema },
  coverage: { file: RUN_FILES.coverage, columns: COVERAGE_COLUMNS, schema: CoverageRowSchema },
  places: { file: RUN_FILES.places, columns: PLACE_COLUMNS, schema: PlaceRowSchema },
} as const;

/** CSV text of typed rows in the table's column order. */
export function rowsToCsv<S extends z.ZodObject>(table: RowTable<S>, rows: readonly z.output<S>[]): string {
  return toCsv(table.columns, rows as readonly CsvRow[]);
}

/** Parse CSV text into typed rows; errors name `fileName:line` and the column. */
export function parseRows<S extends z.ZodObject>(table: RowTable<S>, csvText: string, fileName: string): Array<z.output<S>> {
  let parsed;
  try {
    parsed = parseCsv(csvText);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new UserError(`${fileName}:${e.line}: ${e.message}; fix or regenerate the file.`);
    throw e;
  }
  const missing = table.columns.filter((c) => !parsed.columns.includes(c));
  if (missing.length > 0)
    throw new UserError(`${fileName}:1: missing column(s) ${missing.join(', ')}; expected header ${table.columns.join(',')}.`);
  return parsed.records.map((rec, i) => {
    const r = table.schema.safeParse(rec);
    if (r.success) return r.data as z.output<S>;
    const issue = r.error.issues[0];
    const col = issue?.path.join('.') ?? '?';
    throw new UserError(`${fileName}:${parsed.lines[i] ?? '?'}: column ${col}: ${issue?.message ?? 'invalid'} (got "${rec[String(col)] ?? ''}").`);
  });
}

export async function readRows<S extends z.ZodObject>(table: RowTable<S>, path: string): Promise<Array<z.output<S>>> {
  let csvText: string;
  try {
    csvText = await readFile(path, 'utf8');
  } catch {
    throw new UserError(`${path}: cannot read ${table.file}; pass a run directory that holds it.`);
  }
  return parseRows(table, csvText, path);
}

export async function writeRows<S extends z.ZodObject>(table: RowTable<S>, path: string, rows: readonly z.output<S>[]): Promise<void> {
  await writeFile(path, rowsToCsv(table, rows));
}
