/**
 * THE transition table of the handshake session: for every (state, input) pair — inputs are the
 * nine message types, the driver commands and timeouts — either a handler with the states it may
 * lead to, a remote violation (the peer sent something it must not: close with a coded error), a
 * local misuse (the driver called us wrongly: coded error, state unchanged), or an explicit
 * "ignore" (benign races). Role-agnostic: both ends of a session run the same table. The state
 * diagram in docs/protocol.md is generated from this table (diagram.ts).
 */
import type { MessageName } from '../codec/messages/types.ts';
import type { ErrorCode } from '../errors.ts';
import type { CommandName, SessionState } from './types.ts';

export type TableInput = MessageName | CommandName | 'timeout';
export const TABLE_INPUTS: readonly TableInput[] = [
  'hello', 'manifest-request', 'manifest', 'chunk-request', 'chunk', 'chunk-missing', 'have', 'done', 'bye',
  'start', 'close', 'link-lost', 'announce', 'timeout',
];

export type HandlerName =
  | 'start' | 'hello' | 'serve-manifest' | 'manifest' | 'serve-chunk' | 'chunk' | 'chunk-missing'
  | 'have' | 'peer-done' | 'bye' | 'close' | 'link-lost' | 'announce' | 'timeout';

export type Rule =
  | { readonly kind: 'handle'; readonly handler: HandlerName; readonly to: readonly SessionState[] }
  | { readonly kind: 'violation'; readonly code: ErrorCode; readonly why: string }
  | { readonly kind: 'misuse'; readonly code: ErrorCode; readonly why: string }
  | { readonly kind: 'ignore'; readonly why: string };

const handle = (handler: HandlerName, ...to: SessionState[]): Rule => ({ kind: 'handle', handler, to });
const violation = (why: string, code: ErrorCode = 'session/unexpected-message'): Rule => ({ kind: 'violation', code, why });
const misuse = (why: string, code: ErrorCode = 'session/protocol-violation'): Rule => ({ kind: 'misuse', code, why });
const ignore = (why: string): Rule => ({ kind: 'ignore', why });

type Row = Readonly<Record<TableInput, Rule>>;

const beforeStart = misuse('frames can only be received after start', 'session/unexpected-message');
const afterClose = misuse('the session is closed', 'session/closed');
const afterPeerDone = violation('the peer sent DONE and may not request anything more');
const noRequest = violation('a response arrived but no request is outstanding');
const started = misuse('start was already called');

/** Commands and timeouts shared by every state between start and close. */
const live = (self: SessionState, afterAnnounce: SessionState[] = []): Pick<Row, 'start' | 'close' | 'link-lost' | 'announce' | 'timeout'> => ({
  start: started,
  close: handle('close', 'closed'),
  'link-lost': handle('link-lost', 'closed'),
  announce: handle('announce', self, ...afterAnnounce),
  timeout: handle('timeout', self, 'closed'),
});

export const TRANSITIONS: Readonly<Record<SessionState, Row>> = {
  'new': {
    hello: beforeStart, 'manifest-request': beforeStart, manifest: beforeStart, 'chunk-request': beforeStart,
    chunk: beforeStart, 'chunk-missing': beforeStart, have: beforeStart, done: beforeStart, bye: beforeStart,
    start: handle('start', 'hello-sent'),
    close: handle('close', 'closed'),
    'link-lost': handle('link-lost', 'closed'),
    announce: ignore('no peer yet'),
    timeout: ignore('no timer is armed before start'),
  },
  'hello-sent': {
    hello: handle('hello', 'ready', 'done-sent', 'closed'),
    'manifest-request': violation('HELLO must come first'), manifest: violation('HELLO must come first'),
    'chunk-request': violation('HELLO must come first'), chunk: violation('HELLO must come first'),
    'chunk-missing': violation('HELLO must come first'), have: violation('HELLO must come first'),
    done: violation('HELLO must come first'),
    bye: handle('bye', 'closed'),
    ...live('hello-sent'),
    announce: ignore('the peer is not known yet; the plan will read the library'),
  },
  'ready': {
    hello: violation('duplicate HELLO'),
    'manifest-request': handle('serve-manifest', 'ready'),
    manifest: handle('manifest', 'ready', 'done-sent', 'closed'),
    'chunk-request': handle('serve-chunk', 'ready'),
    chunk: handle('chunk', 'ready', 'done-sent', 'closed'),
    'chunk-missing': handle('chunk-missing', 'ready', 'done-sent', 'closed'),
    have: handle('have', 'ready', 'closed'),
    done: handle('peer-done', 'peer-done'),
    bye: handle('bye', 'closed'),
    ...live('ready', ['done-sent']),
  },
  'done-sent': {
    hello: violation('duplicate HELLO'),
    'manifest-request': handle('serve-manifest', 'done-sent'),
    manifest: noRequest,
    'chunk-request': handle('serve-chunk', 'done-sent'),
    chunk: noRequest,
    'chunk-missing': noRequest,
    have: handle('have', 'done-sent', 'closed'),
    done: handle('peer-done', 'closing'),
    bye: handle('bye', 'closed'),
    ...live('done-sent'),
  },
  'peer-done': {
    hello: violation('duplicate HELLO'),
    'manifest-request': afterPeerDone,
    manifest: handle('manifest', 'peer-done', 'closing', 'closed'),
    'chunk-request': afterPeerDone,
    chunk: handle('chunk', 'peer-done', 'closing', 'closed'),
    'chunk-missing': handle('chunk-missing', 'peer-done', 'closing', 'closed'),
    have: handle('have', 'peer-done', 'closed'),
    done: violation('duplicate DONE'),
    bye: handle('bye', 'closed'),
    ...live('peer-done', ['closing']),
  },
  'closing': {
    hello: violation('duplicate HELLO'),
    'manifest-request': afterPeerDone, manifest: noRequest, 'chunk-request': afterPeerDone,
    chunk: noRequest, 'chunk-missing': noRequest,
    have: ignore('an announcement that crossed our DONE'),
    done: violation('duplicate DONE'),
    bye: handle('bye', 'closed'),
    ...live('closing'),
    announce: ignore('both sides are done'),
  },
  'closed': {
    hello: afterClose, 'manifest-request': afterClose, manifest: afterClose, 'chunk-request': afterClose,
    chunk: afterClose, 'chunk-missing': afterClose, have: afterClose, done: afterClose, bye: afterClose,
    start: afterClose,
    close: ignore('already closed'),
    'link-lost': ignore('already closed'),
    announce: ignore('already closed'),
    timeout: ignore('no timer is armed after close'),
  },
};
