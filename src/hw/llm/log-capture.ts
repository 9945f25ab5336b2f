/**
 * Keeps the most recent llama.cpp log messages of one runtime (a bounded ring), numbered, so an
 * operation can take a mark before calling llama.cpp and, when llama.cpp fails with a generic
 * message ("Failed to initialize LoRA adapter"), collect the real reason it logged meanwhile.
 * One capture per runtime; no module state. Knows nothing about node-llama-cpp's API.
 */

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'log' | 'debug' | 'disabled';

const SEVERITY: Record<string, number> = { disabled: -1, fatal: 0, error: 1, warn: 2, info: 3, log: 4, debug: 5 };

export interface LogEntry {
  readonly seq: number;
  readonly level: LogLevel;
  readonly message: string;
}

export class LogCapture {
  private readonly entries: LogEntry[] = [];
  private next = 0;

  constructor(private readonly capacity = 256) {}

  /** The logger callback to hand to node-llama-cpp. */
  readonly record = (level: string, message: string): void => {
    const text = message.trim();
    if (text === '' || /^\.+$/.test(text)) return; // progress dots
    this.entries.push({ seq: this.next++, level: level as LogLevel, message: text });
    if (this.entries.length > this.capacity) this.entries.shift();
  };

  /** A position: messages logged after it are returned by `since`. */
  mark(): number {
    return this.next;
  }

  /** Messages since `mark` at `minLevel` severity or worse (default warnings and errors). */
  since(mark: number, minLevel: LogLevel = 'warn'): LogEntry[] {
    const limit = SEVERITY[minLevel] ?? 2;
    return this.entries.filter((e) => e.seq >= mark && (SEVERITY[e.level] ?? 5) <= limit);
  }

  /** The reasons logged since `mark`, as one line ("" when none). */
  reasons(mark: number): string {
    const seen = new Set<string>();
    for (const e of this.since(mark, 'warn')) seen.add(e.message.replace(/\s+/g, ' '));
    return [...seen].join('; ');
  }
}
