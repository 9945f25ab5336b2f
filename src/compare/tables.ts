/**
 * The extra CSV tables `gossip compare` reads beside the report contract's own (rows.ts):
 * `transfers.csv` of a run directory, and the plain measured-arrivals CSV
 * (`adapter,node,arrival_s`, see docs/trial-log.md). Row schemas, and readers whose errors name
 * `file:line` and the column. Knows nothing about what is done with the rows.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { UserError } from '../cli/user-error.ts';
import { parseRows } from '../report/index.ts';
import type { RowTable } from '../report/index.ts';

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const num = z.string().trim().regex(NUMBER, 'expected a number').transform(Number);
const nullableNum = z.union([z.literal('').transform(() => null), num]);
const count = z.string().trim().regex(/^\d+$/, 'expected a whole number').transform(Number);
const text = z.string().trim().min(1, 'must not be empty');

export const TransferRowSchema = z.object({
  start_s: num,
  end_s: nullableNum,
  from: text,
  to: text,
  adapter: text,
  chunks: count,
  bytes: count,
  resumed: z.enum(['true', 'false']).transform((v) => v === 'true'),
  outcome: z.enum(['completed', 'interrupted', 'incomplete', 'running']),
});
export type TransferRow = z.output<typeof TransferRowSchema>;

export const TRANSFERS_TABLE: RowTable<typeof TransferRowSchema> = {
  file: 'transfers.csv',
  columns: Object.keys(TransferRowSchema.shape),
  schema: TransferRowSchema,
};

/**
 * One row per (adapter, node): when the node first held the complete, verified adapter, in seconds
 * since the start of the trial. An empty `arrival_s` declares a node that never received it.
 */
export const ArrivalRowSchema = z.object({
  adapter: text,
  node: text,
  arrival_s: z.union([z.literal('').transform(() => null), num.refine((n) => n >= 0, 'must be >= 0 seconds')],
    { error: 'expected a number of seconds since the start (>= 0), or empty for never' }),
});
export type ArrivalRow = z.output<typeof ArrivalRowSchema>;

export const ARRIVALS_TABLE: RowTable<typeof ArrivalRowSchema> = {
  file: 'arrivals CSV',
  columns: Object.keys(ArrivalRowSchema.shape),
  schema: ArrivalRowSchema,
};

/** Read and validate a CSV table; a missing file is a UserError naming it and what to pass instead. */
export async function readTable<S extends z.ZodObject>(table: RowTable<S>, path: string, hint: string): Promise<Array<z.output<S>>> {
  let csvText: string;
  try {
    csvText = await readFile(path, 'utf8');
  } catch {
    throw new UserError(`${path}: cannot read ${table.file}; ${hint}`);
  }
  return parseRows(table, csvText, path);
}
