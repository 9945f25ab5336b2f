import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { UserError } from '../cli/user-error.ts';
import { exampleRun } from './example-run.ts';
import type { z } from 'zod';
import { TABLES, parseRows, readRows, rowsToCsv, writeRows } from './rows.ts';
import type { RowTable } from './rows.ts';

describe('run CSV tables', () => {
  it('round-trips every table of a run through its CSV text', () => {
    const run = exampleRun();
    const roundTrip = <S extends z.ZodObject>(table: RowTable<S>, rows: readonly z.output<S>[]) => {
      const back = parseRows(table, rowsToCsv(table, rows), table.file);
      expect(back.length, table.file).toBe(rows.length);
      expect(rowsToCsv(table, back), table.file).toBe(rowsToCsv(table, rows));
    };
    roundTrip(TABLES.spread, run.spread);
    roundTrip(TABLES.quality, run.quality);
    roundTrip(TABLES.traffic, run.traffic);
    roundTrip(TABLES.coverage, run.coverage);
    roundTrip(TABLES.places, run.places);
  });

  it('uses the documented column order', () => {
    expect(rowsToCsv(TABLES.spread, []).trim()).toBe('time_s,adapter,holders,fraction');
    expect(rowsToCsv(TABLES.quality, []).trim()).toBe('time_s,strategy,quality,queries');
    expect(rowsToCsv(TABLES.traffic, []).trim()).toBe('time_s,bytes,joules');
    expect(rowsToCsv(TABLES.coverage, []).trim()).toBe('node,x,y,adapters');
    expect(rowsToCsv(TABLES.places, []).trim()).toBe('name,kind,x,y,radius');
  });

  it('reads empty quality and joules as null', () => {
    expect(parseRows(TABLES.quality, 'time_s,strategy,quality,queries\n0,merge,,0\n', 'q.csv')).toEqual([{ time_s: 0, strategy: 'merge', quality: null, queries: 0 }]);
    expect(parseRows(TABLES.traffic, 'time_s,bytes,joules\n60,100,\n', 't.csv')[0]?.joules).toBeNull();
  });

  it('names file, line and column in errors', () => {
    expect(() => parseRows(TABLES.spread, 'time_s,adapter,holders,fraction\n0,a,1,0.1\n60,a,two,0.2\n', 'runs/x/spread.csv'))
      .toThrow(/runs\/x\/spread\.csv:3: column holders: expected an integer \(got "two"\)/);
    expect(() => parseRows(TABLES.quality, 'time_s,strategy,quality,queries\n0,guess,0.5,3\n', 'q.csv')).toThrow(/q\.csv:2: column strategy/);
    expect(() => parseRows(TABLES.spread, 'time_s,adapter\n0,a\n', 's.csv')).toThrow(/s\.csv:1: missing column\(s\) holders, fraction/);
    expect(() => parseRows(TABLES.spread, 'time_s,adapter,holders,fraction\n0,a,1\n', 's.csv')).toThrow(UserError);
  });

  it('writes and reads files, and names a missing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rows-'));
    const path = join(dir, 'places.csv');
    const run = exampleRun();
    await writeRows(TABLES.places, path, run.places);
    expect(await readRows(TABLES.places, path)).toEqual(run.places);
    expect((await readFile(path, 'utf8')).split('\n')[0]).toBe('name,kind,x,y,radius');
    await expect(readRows(TABLES.places, join(dir, 'nope.csv'))).rejects.toThrow(/nope\.csv: cannot read places\.csv/);
  });
});
