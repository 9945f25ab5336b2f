/**
 * Reads a contact-trace file from disk in either format (`one` or `csv`; by default `.csv` files are
 * CSV and anything else is The ONE's format). A missing or unreadable file is a UserError naming it.
 */
import { readFileSync } from 'node:fs';
import { UserError } from '../../cli/user-error.ts';
import type { ContactEvent, TraceFormat } from './contact-event.ts';
import { parseCsvTrace } from './csv-trace.ts';
import { parseOneTrace } from './one-trace.ts';

export function traceFormatOf(path: string): TraceFormat {
  return path.toLowerCase().endsWith('.csv') ? 'csv' : 'one';
}

export function parseContactTrace(text: string, file: string, format: TraceFormat): ContactEvent[] {
  return format === 'csv' ? parseCsvTrace(text, file) : parseOneTrace(text, file);
}

export function readContactTrace(path: string, format: TraceFormat = traceFormatOf(path)): ContactEvent[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`${path}: cannot read contact trace (${(e as NodeJS.ErrnoException).code ?? String(e)}); check the path (it is relative to the scenario file)`);
  }
  return parseContactTrace(text, path, format);
}
