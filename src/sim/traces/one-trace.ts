/**
 * Reader for The ONE's standard external-events contact format:
 * `time CONN a b up|down [interfaceId]`, fields separated by spaces or tabs, times in seconds,
 * hosts as indices or names whose trailing digits are the index (`n12`). Lines must be sorted by
 * time. Blank and `#` lines are skipped. Errors are `file:line:col: message` UserErrors.
 * Knows nothing about replay semantics (duplicate ups are kept).
 */
import type { ContactEvent } from './contact-event.ts';
import { TraceErrorFactory, contentLines, nodeIndex, secondsToMicros, tokenizeWhitespace } from './trace-lines.ts';

export function parseOneTrace(text: string, file: string): ContactEvent[] {
  const errors = new TraceErrorFactory(file);
  const events: ContactEvent[] = [];
  let previous = -1;
  for (const [lineNo, line] of contentLines(text)) {
    const t = tokenizeWhitespace(line);
    const [time, conn, ta, tb, state, , extra] = t;
    if (!time || !conn || !ta || !tb || !state) {
      throw errors.at(lineNo, (t.at(-1)?.col ?? 1), `expected "time CONN a b up|down [interface]", got ${t.length} field(s)`);
    }
    if (extra) throw errors.at(lineNo, extra.col, `unexpected extra field "${extra.text}"; expected "time CONN a b up|down [interface]"`);
    const at = secondsToMicros(time.text);
    if (at === undefined) throw errors.at(lineNo, time.col, `bad time "${time.text}": expected seconds >= 0 (e.g. 12.5)`);
    if (conn.text !== 'CONN') throw errors.at(lineNo, conn.col, `unsupported event "${conn.text}": only CONN lines are contact events`);
    const a = nodeIndex(ta.text);
    if (a === undefined) throw errors.at(lineNo, ta.col, `bad host "${ta.text}": expected a node index like 12 or n12`);
    const b = nodeIndex(tb.text);
    if (b === undefined) throw errors.at(lineNo, tb.col, `bad host "${tb.text}": expected a node index like 12 or n12`);
    if (a === b) throw errors.at(lineNo, tb.col, `self-contact: node ${a} cannot connect to itself`);
    if (state.text !== 'up' && state.text !== 'down') throw errors.at(lineNo, state.col, `bad link state "${state.text}": expected up or down`);
    if (at < previous) throw errors.at(lineNo, time.col, `time ${time.text} is before the previous line's ${previous / 1e6}: lines must be sorted by time`);
    previous = at;
    events.push({ at, a, b, up: state.text === 'up' });
  }
  return events;
}
