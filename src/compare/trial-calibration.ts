/**
 * Link calibration from an emulated calibration trial: the timings a trial really sees (one
 * process per node on one virtual air, every node's stacks sharing the machine's cores) rather than
 * those of a single idle pair. From a trial log it takes, per scheduled contact, the delay from the
 * contact's start to the connection (`contact-start` → the central's `encounter-start`), and per
 * complete transfer the payload goodput (bytes / (complete − start)); from these it fits the
 * profile's `link.connectionSetup` (the contact delay less the discovery the simulator adds on its
 * own, the profile's discovery median) and `link.goodput` as `{median, p10, p90}`, and writes them
 * into a profile file, keeping every other field and comment. Knows nothing about the simulator.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isMap, isScalar, parseDocument } from 'yaml';
import { UserError } from '../cli/user-error.ts';
import { quantile } from '../report/index.ts';
import { medianOf, profileSchema } from '../sim/scenario/index.ts';
import type { Distribution } from '../sim/scenario/index.ts';
import { formatDuration, formatRate } from '../sim/units.ts';

export interface TrialLinkSamples {
  /** Seconds from a contact's start to its connection (discovery + setup). */
  readonly contactToConnection: readonly number[];
  /** Payload bytes per second of each complete transfer. */
  readonly goodput: readonly number[];
}

type Rec = Record<string, unknown>;

export function trialLinkSamples(jsonl: string, file: string): TrialLinkSamples {
  const recs: Rec[] = [];
  jsonl.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      recs.push(JSON.parse(line) as Rec);
    } catch {
      throw new UserError(`${file}:${i + 1}: not valid JSON; pass the trial.jsonl of an emulated calibration trial.`);
    }
  });
  const pair = (a: unknown, b: unknown) => [String(a), String(b)].sort().join('\u0000');
  const openContacts = new Map<string, number>();
  const starts = new Map<string, number>();
  const contactToConnection: number[] = [];
  const goodput: number[] = [];
  for (const r of recs) {
    const t = r.t;
    if (typeof t !== 'number') continue;
    if (r.event === 'contact-start') openContacts.set(pair(r.a, r.b), t);
    else if (r.event === 'contact-end') openContacts.delete(pair(r.a, r.b));
    else if (r.event === 'encounter-start' && r.role === 'central' && typeof r.peer === 'string') {
      const k = pair(r.node, r.peer);
      const from = openContacts.get(k);
      if (from !== undefined) {
        contactToConnection.push(t - from);
        openContacts.delete(k); // later connections in the same contact are reconnections, not first contact
      }
    } else if (r.event === 'transfer-start') {
      starts.set(`${String(r.node)}\u0000${String(r.adapter)}`, t);
    } else if (r.event === 'transfer-complete' && typeof r.bytes === 'number') {
      const k = `${String(r.node)}\u0000${String(r.adapter)}`;
      const t0 = starts.get(k);
      starts.delete(k);
      if (t0 !== undefined && t > t0 && r.bytes > 0) goodput.push(r.bytes / (t - t0));
    } else if (r.event === 'transfer-interrupted') {
      starts.delete(`${String(r.node)}\u0000${String(r.adapter)}`);
    }
  }
  return { contactToConnection, goodput };
}

export interface FittedLink {
  /** Micros. */
  readonly connectionSetup: { readonly median: number; readonly p10: number; readonly p90: number };
  /** Bytes per second. */
  readonly goodput: { readonly median: number; readonly p10: number; readonly p90: number };
}

function q3(xs: readonly number[]) {
  return { median: quantile(xs, 0.5), p10: quantile(xs, 0.1), p90: quantile(xs, 0.9) };
}

/** Fits the two link distributions; `discovery` is the profile's discovery latency (µs), which the simulator draws on top of setup. */
export function fitLink(s: TrialLinkSamples, discovery: Distribution | undefined, file: string): FittedLink {
  if (s.contactToConnection.length < 3 || s.goodput.length < 3) {
    throw new UserError(`${file}: a calibration trial needs at least 3 contacts and 3 complete transfers (found ${s.contactToConnection.length} and ${s.goodput.length}).`);
  }
  const discoveryUs = discovery === undefined ? 0 : medianOf(discovery);
  const setupUs = s.contactToConnection.map((x) => Math.max(1000, Math.round(x * 1e6 - discoveryUs)));
  const c = q3(setupUs);
  const g = q3(s.goodput);
  return { connectionSetup: { median: Math.round(c.median), p10: Math.round(c.p10), p90: Math.round(c.p90) }, goodput: g };
}

/** Writes the fitted fields into the profile at `profilePath` (kept otherwise); returns the fit. */
export function calibrateProfileFromTrial(profilePath: string, trialLog: string, trialName: string): FittedLink {
  const text = readFileSync(profilePath, 'utf8');
  const doc = parseDocument(text);
  const parsed = profileSchema.safeParse(doc.toJS());
  if (!parsed.success) throw new UserError(`${profilePath}: not a valid calibration profile (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}).`);
  const samples = trialLinkSamples(readFileSync(trialLog, 'utf8'), trialLog);
  const fit = fitLink(samples, parsed.data.link.discoveryLatency, trialLog);
  const dur = (x: number) => formatDuration(Math.max(1, x));
  const rate = (x: number) => formatRate(Math.max(1, Math.round(x / 100) * 100));
  doc.setIn(['link', 'connectionSetup'], doc.createNode({ median: dur(fit.connectionSetup.median), p10: dur(fit.connectionSetup.p10), p90: dur(fit.connectionSetup.p90) }, { flow: true }));
  doc.setIn(['link', 'goodput'], doc.createNode({ median: rate(fit.goodput.median), p10: rate(fit.goodput.p10), p90: rate(fit.goodput.p90) }, { flow: true }));
  const link = doc.get('link', true);
  if (isMap(link)) {
    for (const p of link.items) {
      if (!isScalar(p.key)) continue;
      if (p.key.value === 'connectionSetup') p.key.commentBefore = ` measured in the emulated calibration trial "${trialName}": contact start to connection (${samples.contactToConnection.length} contacts) less the discovery median`;
      if (p.key.value === 'goodput') p.key.commentBefore = ` measured in the emulated calibration trial "${trialName}": payload goodput of ${samples.goodput.length} complete transfers under trial load`;
    }
  }
  const out = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const check = profileSchema.safeParse(parseDocument(out).toJS());
  if (!check.success) throw new Error(`trial calibration produced an invalid profile: ${check.error.issues[0]?.message}`);
  const tmp = `${profilePath}.tmp-${process.pid}`;
  writeFileSync(tmp, out);
  renameSync(tmp, profilePath);
  return fit;
}
