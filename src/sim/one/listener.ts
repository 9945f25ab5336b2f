/**
 * What the ONE-compatible engine tells its observers (the reports): the same events The ONE's
 * ConnectionListener and MessageListener see, with the clock value at which they happen.
 * Observers only observe; they never change the run.
 */

/** One node on a message copy's path; `hops` = links traversed from the source. */
export interface PathNode {
  readonly host: number;
  readonly prev: PathNode | null;
  readonly hops: number;
}

/** `R` relayed to a non-destination, `D` first delivery, `A` delivered again. */
export type TransferKind = 'R' | 'D' | 'A';

export interface OneListener {
  connection(now: number, a: number, b: number, up: boolean): void;
  created(now: number, host: number, msg: number): void;
  started(now: number, from: number, to: number, msg: number): void;
  /** A transfer completed; `path` is the receiver's copy's path (ending at `to`). */
  transferred(now: number, from: number, to: number, msg: number, kind: TransferKind, path: PathNode): void;
  aborted(now: number, from: number, to: number, msg: number): void;
  /** The run ended with the clock at `now`. */
  finished(now: number): void;
}

/** Hosts on a path, source first. */
export function pathHosts(path: PathNode): number[] {
  const out: number[] = [];
  for (let p: PathNode | null = path; p !== null; p = p.prev) out.push(p.host);
  return out.reverse();
}

/** Calls every listener in turn. */
export function fanOut(listeners: readonly OneListener[]): OneListener {
  return {
    connection: (now, a, b, up) => { for (const l of listeners) l.connection(now, a, b, up); },
    created: (now, h, m) => { for (const l of listeners) l.created(now, h, m); },
    started: (now, f, t, m) => { for (const l of listeners) l.started(now, f, t, m); },
    transferred: (now, f, t, m, k, p) => { for (const l of listeners) l.transferred(now, f, t, m, k, p); },
    aborted: (now, f, t, m) => { for (const l of listeners) l.aborted(now, f, t, m); },
    finished: (now) => { for (const l of listeners) l.finished(now); },
  };
}
