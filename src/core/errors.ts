/**
 * The one error type of the core: a stable `code` (tests assert on it), an `origin` saying whose
 * fault it is (`local` misuse or a `remote` protocol violation), and a human message. Also the
 * `Result` type that decoders and verifiers return instead of throwing on untrusted input.
 * Knows nothing about sessions, stores or drivers.
 */

export type ErrorCode =
  // decoding untrusted bytes
  | 'decode/truncated'
  | 'decode/bad-version'
  | 'decode/unknown-type'
  | 'decode/bad-length'
  | 'decode/bad-value'
  | 'decode/trailing-bytes'
  | 'frame/too-large'
  | 'frame/bad-fragment'
  // packets and verification
  | 'manifest/bad-signature'
  | 'manifest/unsigned'
  | 'manifest/untrusted-publisher'
  | 'manifest/wrong-base-model'
  | 'manifest/invalid'
  | 'manifest/superseded'
  | 'manifest/id-mismatch'
  | 'chunk/bad-proof'
  | 'chunk/bad-length'
  | 'chunk/unexpected'
  | 'chunk/virtual-not-allowed'
  // library
  | 'library/over-budget'
  | 'library/unknown-adapter'
  | 'library/io'
  // session
  | 'session/protocol-violation'
  | 'session/unexpected-message'
  | 'session/incompatible-version'
  | 'session/timeout'
  | 'session/peer-misbehaving'
  | 'session/closed'
  | 'session/link-lost'
  | 'session/self-connection'
  // routing
  | 'router/no-adapters';

export type ErrorOrigin = 'local' | 'remote';

export interface GossipError {
  readonly code: ErrorCode;
  readonly origin: ErrorOrigin;
  readonly message: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: GossipError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: ErrorCode, message: string, origin: ErrorOrigin = 'remote'): Result<T> {
  return { ok: false, error: { code, origin, message } };
}

export function gossipError(code: ErrorCode, message: string, origin: ErrorOrigin = 'local'): GossipError {
  return { code, origin, message };
}

/** Thrown only for local programming errors at API boundaries (never for untrusted bytes). */
export class GossipFault extends Error {
  constructor(readonly error: GossipError) {
    super(`${error.code}: ${error.message}`);
    this.name = 'GossipFault';
  }
}
