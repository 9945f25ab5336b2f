/**
 * Reader for CSV contact traces: `t,a,b,up|down` per line (time in seconds, node indices), with an
 * optional header line (`t,a,b,up` or any first line whose first field is not a number). Spaces
 * around fields are ignored; blank and `#` lines are skipped. Lines must be sorted by time.
 * Errors are `file:line:col: message` UserErrors.
 */
import type { ContactEvent } from './contact-event.ts';
import { TraceErrorFactory, contentLines, secondsToMicros } from './trace-lines.ts';
import type { Token } from './trace-lines.ts';

const FORM = 'expected "t,a,b,up|down" (seconds, node index, node index, up or down)';

function fields(line: string): Token[] {
  const out: Token[] = [];
  let start = 0;
  for (;;) {
    const end = line.indexOf(',', start);
    const raw = line.slice(start, end < 0 ? line.length : end);
    const lead = raw.length - raw.trimStart().length;
    out.push({ text: raw.trim(), col: start + lead + 1 });
    if (end < 0) return out;
    start = end + 1;
  }
}

export function parseCsvTrace(text: string, file: string): ContactEvent[] {
  const errors = new TraceErrorFactory(file);
  const events: ContactEvent[] = [];
  let previous = -1;
  let first = true;
  for (const [lineNo, line] of contentLines(text)) {
    const f = fields(line);
    if (first) {
      first = false;
      if (f[0] && !/^[0-9.]/.test(f[0].text)) continue; // header
    }
    if (f.length !== 4) throw errors.at(lineNo, (f[Math.min(f.length, 4) - 1]?.col ?? 1), `${f.length} field(s); ${FORM}`);
    const [time, ta, tb, state] = f as [Token, Token, Token, Token];
    const at = secondsToMicros(time.text);
    if (at === undefined) throw errors.at(lineNo, time.col, `bad time "${time.text}": expected seconds >= 0 (e.g. 12.5)`);
    const a = /^[0-9]+$/.test(ta.text) ? Number(ta.text) : undefined;
    if (a === undefined) throw errors.at(lineNo, ta.col, `bad node "${ta.text}": expected a node index (0, 1, 2, ...)`);
    const b = /^[0-9]+$/.test(tb.text) ? Number(tb.text) : undefined;
    if (b === undefined) throw errors.at(lineNo, tb.col, `bad node "${tb.text}": expected a node index (0, 1, 2, ...)`);
    if (a === b) throw errors.at(lineNo, tb.col, `self-contact: node ${a} cannot connect to itself`);
    if (state.text !== 'up' && state.text !== 'down') throw errors.at(lineNo, state.col, `bad link state "${state.text}": expected up or down`);
    if (at < previous) throw errors.at(lineNo, time.col, `time ${time.text} is before the previous line's ${previous / 1e6}: lines must be sorted by time`);
    previous = at;
    events.push({ at, a, b, up: state.text === 'up' });
  }
  return events;
}
