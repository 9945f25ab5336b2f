/**
 * Public API of the contact-trace readers: The ONE `CONN` format and CSV `t,a,b,up|down`, both
 * returning time-sorted `ContactEvent`s (µs times, 0-based node indices).
 */
export type { ContactEvent, TraceFormat } from './contact-event.ts';
export { parseOneTrace } from './one-trace.ts';
export { parseCsvTrace } from './csv-trace.ts';
export { parseContactTrace, readContactTrace, traceFormatOf } from './read-trace.ts';
