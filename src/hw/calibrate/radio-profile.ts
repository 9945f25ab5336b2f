/**
 * Turns a radio calibration into the `link:` section of a calibration profile and writes it: the
 * measured fields (discovery latency, connection setup, ATT MTU, goodput at the largest measured
 * fragment, connection failures; on the emulated air also its advertising interval and loss) as
 * `{median, p10, p90}`, every other link field kept from the file being updated or copied from a
 * shipped base profile — the header comment says which is which and lists goodput per fragment
 * size. An existing profile keeps its other sections; a new one copies `energy:` from the base.
 * Validated against the profile schema before it is written.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { quantile } from 'simple-statistics';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { UserError } from '../../cli/user-error.ts';
import { profileSchema } from '../../sim/scenario/profile-schema.ts';
import { PROFILES_DIR } from '../../sim/scenario/load-profile.ts';
import { formatDuration, formatRate } from '../../sim/units.ts';
import type { RadioCalibration } from './radio.ts';

type Dist = string | { median: string; p10: string; p90: string };

function sig3(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 2);
  return Math.round(x / step) * step;
}

function quantiles(xs: readonly number[]): { median: number; p10: number; p90: number } {
  if (xs.length === 0) throw new RangeError('no samples');
  const v = [...xs];
  return { median: quantile(v, 0.5), p10: quantile(v, 0.1), p90: quantile(v, 0.9) };
}

function dist(xs: readonly number[], fmt: (x: number) => string): Dist {
  const q = quantiles(xs);
  return xs.length < 3 ? fmt(q.median) : { median: fmt(q.median), p10: fmt(q.p10), p90: fmt(q.p90) };
}

const ms = (x: number) => formatDuration(Math.max(1, Math.round(sig3(x * 1000))));
const bps = (x: number) => formatRate(Math.max(1, Math.round(sig3(x))));

/** The measured link fields (YAML-ready values). */
export function measuredLinkFields(c: RadioCalibration): Record<string, unknown> {
  const best = [...c.goodput].sort((a, b) => b.mtu - a.mtu)[0];
  const fields: Record<string, unknown> = {
    discoveryLatency: dist(c.discoveryMs, ms),
    connectionSetup: dist(c.connectMs, ms),
    mtu: best ? Math.min(517, Math.max(23, best.mtu + 3)) : c.attMtu,
    connectFailure: Number((c.connectFailures / Math.max(1, c.connectAttempts)).toFixed(3)),
  };
  if (best) fields.goodput = dist(best.bytesPerSecond, bps);
  if (c.air) {
    fields.advertisingInterval = formatDuration(c.air.advertisingInterval);
    fields.scanWindow = ms(c.scan.windowMs);
    fields.scanInterval = ms(c.scan.intervalMs);
    fields.packetLoss = c.air.loss;
  }
  return fields;
}

export interface WriteRadioProfileOptions {
  /** Shipped profile a new file copies its other fields from (default `conservative`). */
  readonly baseProfile?: string;
}

function header(c: RadioCalibration, base: string | undefined, measured: readonly string[]): string {
  const table = c.goodput.map((g) => `   ${String(g.mtu).padStart(3)} B/packet: ${bps(quantiles(g.bytesPerSecond).median)}`).join('\n');
  const air = c.air ? ` on the virtual air (rate ${formatRate(c.air.rate)}, setup ${formatDuration(c.air.connectionSetup)}, latency ${formatDuration(c.air.latency)})` : '';
  return ` yaml-language-server: $schema=./profile.schema.json\n`
    + ` link: measured by \`gossip hw calibrate --radio ${c.radio}\`${air} on ${c.date}, ${c.machine}.\n`
    + ` Measured: ${measured.join(', ')}.${base ? ` Every other field is copied from the shipped profile "${base}".` : ' Other fields were kept.'}\n`
    + ` Goodput of notifications by packet size (median of 3 runs):\n${table}`;
}

/** Writes (or updates) `path` with the measured link fields; returns the YAML text. */
export function writeRadioProfile(path: string, c: RadioCalibration, o: WriteRadioProfileOptions = {}): string {
  let doc: Document;
  let base: string | undefined;
  if (existsSync(path)) {
    doc = parseDocument(readFileSync(path, 'utf8'));
    if (doc.errors.length > 0 || !isMap(doc.contents)) throw new UserError(`${path}: not a profile YAML (${doc.errors[0]?.message ?? 'not a mapping'}); choose another --out`);
  } else {
    base = o.baseProfile ?? 'conservative';
    const basePath = join(PROFILES_DIR, `${base}.yaml`);
    if (!existsSync(basePath)) throw new UserError(`no shipped profile "${base}" to copy the unmeasured fields from (see scenarios/profiles/)`);
    doc = parseDocument(readFileSync(basePath, 'utf8'));
    // the base file's header describes the base profile, not this one
    if (isMap(doc.contents)) {
      doc.contents.commentBefore = undefined;
      const first = doc.contents.items[0];
      if (first && isScalar(first.key)) first.key.commentBefore = undefined;
    }
    doc.set('name', `measured-radio-${c.radio}`);
    doc.set('description', `Radio measured on ${c.date} (${c.radio}); unmeasured link fields and energy from ${base}.`);
  }
  const fields = measuredLinkFields(c);
  for (const [k, v] of Object.entries(fields)) doc.setIn(['link', k], doc.createNode(v, { flow: true }));
  // the copied comments above measured fields named their old source: say where the value is from now
  const link = doc.get('link', true);
  if (isMap(link)) {
    const first = link.items[0];
    if (first && isScalar(first.key) && String(first.key.value) in fields) link.commentBefore = undefined;
    for (const pair of link.items) {
      if (isScalar(pair.key) && String(pair.key.value) in fields) pair.key.commentBefore = ` measured: gossip hw calibrate --radio ${c.radio} (${c.date})`;
    }
  }
  doc.commentBefore = header(c, base, Object.keys(fields));
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const check = profileSchema.safeParse(parseDocument(text).toJS());
  if (!check.success) throw new Error(`calibration produced an invalid profile: ${check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
  return text;
}
