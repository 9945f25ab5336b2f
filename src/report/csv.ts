/**
 * Deterministic CSV text: one header line, then one line per row, `\n` line ends, RFC 4180 quoting
 * (a field is quoted when it holds a comma, quote, CR or LF; quotes are doubled). Owns the number
 * format, so the same rows always give byte-identical files:
 *
 * - integers (|n| < 2^53) are printed in full (`1234567`);
 * - other finite numbers are rounded to `decimals` places (default 6) with trailing zeros trimmed
 *   (`0.5`, `0.333333`), and `-0` prints as `0`;
 * - `null` / `undefined` print as an empty field; booleans as `true` / `false`;
 * - NaN and ±Infinity are refused (a bug in the producer, never silently written);
 * - a row that would be an empty line (one column, empty value) is written as `""`.
 *
 * The reader parses the same dialect (and tolerates CRLF) into string records; typed readers live
 * with the row schemas (rows.ts). Knows nothing about what the columns mean.
 */

export type CsvValue = string | number | boolean | null | undefined;
export type CsvRow = Readonly<Record<string, CsvValue>>;

export interface CsvOptions {
  /** Decimal places for non-integer numbers (default 6). */
  readonly decimals?: number;
  /** Per-column override of `decimals`. */
  readonly columnDecimals?: Readonly<Record<string, number>>;
}

export const DEFAULT_CSV_DECIMALS = 6;

/** Format one number the way the CSV writer does. */
export function formatCsvNumber(n: number, decimals = DEFAULT_CSV_DECIMALS): string {
  if (!Number.isFinite(n)) throw new RangeError(`CSV cannot hold ${n}`);
  if (Number.isSafeInteger(n)) return Object.is(n, -0) ? '0' : String(n);
  let s = n.toFixed(decimals);
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

function formatField(v: CsvValue, decimals: number): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatCsvNumber(v, decimals);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** CSV text for `rows` in the given column order (columns missing from a row are empty). */
export function toCsv(columns: readonly string[], rows: Iterable<CsvRow>, options: CsvOptions = {}): string {
  if (columns.length === 0) throw new RangeError('CSV needs at least one column');
  const dflt = options.decimals ?? DEFAULT_CSV_DECIMALS;
  const decimals = columns.map((c) => options.columnDecimals?.[c] ?? dflt);
  const lines = [columns.map((c) => formatField(c, dflt)).join(',')];
  for (const row of rows) {
    const line = columns.map((c, i) => formatField(row[c], decimals[i] ?? dflt)).join(',');
    lines.push(line === '' ? '""' : line); // a one-column empty value must not look like a blank line
  }
  return `${lines.join('\n')}\n`;
}

export interface ParsedCsv {
  readonly columns: readonly string[];
  /** One record per data line; values are raw strings ('' for empty fields). */
  readonly records: ReadonlyArray<Readonly<Record<string, string>>>;
  /** 1-based line number of each record in the text (for error messages). */
  readonly lines: readonly number[];
}

export class CsvSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** Split CSV text into rows of fields, honouring quotes; returns each row with its starting line. */
function tokenize(text: string): Array<{ fields: string[]; line: number; blank: boolean }> {
  const rows: Array<{ fields: string[]; line: number; blank: boolean }> = [];
  let rowQuoted = false;
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let inQuotes = false;
  let quotedField = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field !== '' || quotedField) throw new CsvSyntaxError('quote inside an unquoted field', line);
      inQuotes = true;
      quotedField = true;
      rowQuoted = true;
    } else if (ch === ',') {
      fields.push(field); field = ''; quotedField = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field); field = ''; quotedField = false;
      rows.push({ fields, line: rowLine, blank: fields.length === 1 && fields[0] === '' && !rowQuoted });
      fields = [];
      rowQuoted = false;
      line++;
      rowLine = line;
    } else {
      if (quotedField) throw new CsvSyntaxError('text after a closing quote', line);
      field += ch;
    }
  }
  if (inQuotes) throw new CsvSyntaxError('unterminated quoted field', rowLine);
  if (field !== '' || fields.length > 0 || quotedField) {
    fields.push(field);
    rows.push({ fields, line: rowLine, blank: false });
  }
  return rows;
}

/** Parse CSV text with a header line. Blank lines are skipped; a row with the wrong width is an error. */
export function parseCsv(text: string): ParsedCsv {
  const rows = tokenize(text.startsWith('\uFEFF') ? text.slice(1) : text).filter((r) => !r.blank);
  const header = rows[0];
  if (!header) throw new CsvSyntaxError('empty file (expected a header line)', 1);
  const columns = header.fields;
  const records: Array<Record<string, string>> = [];
  const lines: number[] = [];
  for (const r of rows.slice(1)) {
    if (r.fields.length !== columns.length)
      throw new CsvSyntaxError(`expected ${columns.length} fields (${columns.join(',')}), found ${r.fields.length}`, r.line);
    const rec: Record<string, string> = {};
    columns.forEach((c, i) => { rec[c] = r.fields[i] ?? ''; });
    records.push(rec);
    lines.push(r.line);
  }
  return { columns, records, lines };
}
