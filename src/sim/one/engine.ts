/**
 * The ONE's time-stepped loop with exact event times: each round computes `runUntil = clock + dt`
 * by repeated double addition, applies every event with time ≤ runUntil (clock set to the event's
 * own time, hosts updated after each), then sets the clock to runUntil and updates hosts again.
 * Only hosts whose update can change something are visited, in address order, so empty ticks cost
 * one addition; `visitAll` visits every host every round (the slow reference, for tests).
 */
import { updateHost } from './epidemic.ts';
import { EV_CREATE, EV_UP } from './events-file.ts';
import type { OneListener } from './listener.ts';
import type { OneScenario } from './scenario.ts';
import { OneWorld } from './world.ts';

export interface OneEngineOptions {
  /** Update every host in every round, as The ONE does (slow; for cross-checking). */
  readonly visitAll?: boolean;
}

export interface OneEngineResult {
  /** The clock when the loop ended (may pass endTime by up to one tick). */
  readonly simTime: number;
  /** Host updates actually run. */
  readonly hostUpdates: number;
  /** Update rounds that visited at least one host. */
  readonly rounds: number;
}

export function simulateOne(scn: OneScenario, listener: OneListener, options: OneEngineOptions = {}): OneEngineResult {
  const w = new OneWorld(scn, listener);
  const visitAll = options.visitAll === true;
  const { time, kind, a, b, count } = scn.events;
  const dt = scn.updateInterval;
  const end = scn.endTime;
  const dirty = w.dirty;
  const nHosts = w.nHosts;
  const scratch = new Uint32Array(w.words);
  let hostUpdates = 0;
  let rounds = 0;

  const round = (now: number): void => {
    rounds++;
    if (visitAll) {
      for (let h = 0; h < nHosts; h++) updateHost(w, h, now, scratch);
      hostUpdates += nHosts;
      return;
    }
    if (w.minWake <= now) w.markDue(now);
    for (let h = dirty.next(0); h >= 0; h = dirty.next(h + 1)) {
      updateHost(w, h, now, scratch);
      dirty.delete(h); // marks a host puts on itself during its own update are redundant
      hostUpdates++;
    }
  };

  let clock = 0;
  let i = 0;
  let next = count > 0 ? (time[0] as number) : Infinity;
  while (clock < end) {
    if (!visitAll && dirty.size === 0) {
      // Empty ticks: nothing is marked, no event and no completion is due; only the clock moves.
      const due = w.minWake < next ? w.minWake : next;
      let ru = clock + dt;
      while (ru < due && clock < end) {
        clock = ru;
        ru = clock + dt;
      }
      if (clock >= end) break;
    }
    const runUntil = clock + dt;
    while (next <= runUntil) {
      clock = next;
      const k = kind[i] as number;
      if (k === EV_CREATE) w.createMessage(a[i] as number, b[i] as number, clock);
      else if (k === EV_UP) w.openLink(a[i] as number, b[i] as number, clock);
      else w.closeLink(a[i] as number, b[i] as number, clock);
      i++;
      next = i < count ? (time[i] as number) : Infinity;
      round(clock);
    }
    clock = runUntil;
    if (visitAll || dirty.size > 0 || w.minWake <= clock) round(clock);
  }
  listener.finished(clock);
  return { simTime: clock, hostUpdates, rounds };
}
