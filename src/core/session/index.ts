/** Public API of the handshake session: the state machine, the drain helper, the table, types. */
export { Session } from './session.ts';
export type { ResolvedConfig } from './core.ts';
export { drain, type SessionSink, type Pollable } from './drain.ts';
export { TRANSITIONS, TABLE_INPUTS, type Rule, type TableInput, type HandlerName } from './transitions.ts';
export * from './types.ts';
