/**
 * Errors meant for the person at the terminal: one line naming the file/field and what to do.
 * The CLI prints `error: <message>` (no stack trace) and exits with `exitCode`.
 * Knows nothing about any command.
 */
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'UserError';
  }
}
