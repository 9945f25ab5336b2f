/**
 * Where a simulation's contacts come from: node mobility through the radio range (the incremental
 * contact detector), a contact trace file (The ONE or CSV), or an explicit encounter schedule. All
 * three become one pull interface of time-ordered up/down events. Knows nothing of sessions.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Micros } from '../../core/types.ts';
import { UserError } from '../../cli/user-error.ts';
import type { Mobility } from '../mobility/index.ts';
import type { ContactsSpec } from '../scenario/index.ts';
import { readContactTrace } from '../traces/index.ts';
import { createContactDetector, type ContactDetector } from '../world/index.ts';

export type ContactSink = (at: Micros, a: number, b: number, up: boolean) => void;

export interface ContactSource {
  /** Delivers every contact event with time <= `until`, in time order. */
  drainUntil(until: Micros, sink: ContactSink): void;
  /** Final node positions (mobility only). */
  positions(): { xs: ArrayLike<number>; ys: ArrayLike<number> } | null;
}

/** Contact detection sampling step: 10 s (contacts shorter than that may be missed, as in The ONE). */
export const CONTACT_STEP: Micros = 10_000_000;

export function mobilityContacts(nodes: readonly Mobility[], ranges: ArrayLike<number>, end: Micros): ContactSource {
  const d: ContactDetector = createContactDetector({ nodes, range: ranges, step: CONTACT_STEP, end });
  return {
    drainUntil: (until, sink) => void d.drainUntil(until, sink),
    positions: () => d.positions(),
  };
}

function listContacts(events: readonly { at: Micros; a: number; b: number; up: boolean }[], nodeCount: number, where: string): ContactSource {
  for (const e of events) {
    if (e.a >= nodeCount || e.b >= nodeCount) {
      throw new UserError(`${where}: node ${Math.max(e.a, e.b)} is outside the scenario's ${nodeCount} nodes (0..${nodeCount - 1}); add devices to groups or fix the trace`);
    }
  }
  let next = 0;
  return {
    drainUntil(until, sink) {
      while (next < events.length && events[next]!.at <= until) {
        const e = events[next++]!;
        sink(e.at, Math.min(e.a, e.b), Math.max(e.a, e.b), e.up);
      }
    },
    positions: () => null,
  };
}

export function contactSource(spec: ContactsSpec, scenarioFile: string, nodeCount: number, mobility: () => ContactSource): ContactSource {
  switch (spec.source) {
    case 'mobility':
      return mobility();
    case 'trace': {
      const file = isAbsolute(spec.file) ? spec.file : resolve(dirname(scenarioFile), spec.file);
      return listContacts(readContactTrace(file, spec.format), nodeCount, file);
    }
    case 'schedule': {
      const ev = spec.encounters.flatMap((e) => [
        { at: e.from, a: e.a, b: e.b, up: true },
        { at: e.to, a: e.a, b: e.b, up: false },
      ]);
      ev.sort((x, y) => x.at - y.at || Number(x.up) - Number(y.up) || x.a - y.a || x.b - y.b);
      return listContacts(ev, nodeCount, `${scenarioFile}: contacts.encounters`);
    }
  }
}
