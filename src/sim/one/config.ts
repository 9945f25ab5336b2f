/**
 * Turns a The ONE settings table into the ONE-compatible mode's configuration, and refuses, with
 * one clear line naming the setting and its file, everything this mode does not reproduce exactly:
 * other routers, simulated (movement-driven) connections, event generators, TTLs, random send
 * queues, shuffled update order, warm-up, other reports. Knows nothing about the engine.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { UserError } from '../../cli/user-error.ts';
import { describeSetting, parseOneBoolean, parseOneNumber } from './settings-file.ts';
import type { OneSettings, SettingValue } from './settings-file.ts';

export type OneReportName = 'MessageStatsReport' | 'DeliveredMessagesReport' | 'EventLogReport';
export const SUPPORTED_REPORTS: readonly OneReportName[] = ['MessageStatsReport', 'DeliveredMessagesReport', 'EventLogReport'];

export interface OneHostGroup {
  readonly groupId: string;
  readonly nrofHosts: number;
  /** Bytes per second of the group's (single) interface. */
  readonly transmitSpeed: number;
  /** Bytes; Infinity when not set. */
  readonly bufferSize: number;
}

export interface OneConfig {
  readonly scenarioName: string;
  readonly updateInterval: number;
  readonly endTime: number;
  readonly groups: readonly OneHostGroup[];
  /** External event files in `EventsN` order, resolved against the folder of the settings file that named them. */
  readonly eventFiles: readonly string[];
  readonly reports: readonly OneReportName[];
}

/** Typed access to the settings with The ONE's namespace fallback (`Group2.x` → `Group.x`). */
class Lookup {
  constructor(private readonly s: OneSettings) {}

  private get lastFile(): string {
    return this.s.files[this.s.files.length - 1] ?? 'settings';
  }

  find(...keys: string[]): { key: string; setting: SettingValue } | undefined {
    for (const key of keys) {
      const setting = this.s.values.get(key);
      if (setting !== undefined) return { key, setting: { ...setting, value: this.fill(setting.value) } };
    }
    return undefined;
  }

  /** Replaces The ONE's `%%key%%` fill-ins with the named setting's value. */
  private fill(value: string): string {
    return value.replace(/%%([^%]+)%%/g, (_, k: string) => this.s.values.get(k)?.value ?? `%%${k}%%`);
  }

  required(why: string, ...keys: string[]): { key: string; setting: SettingValue } {
    const found = this.find(...keys);
    if (found === undefined) throw new UserError(`${this.lastFile}: ${keys[0]} is missing (${why})`);
    return found;
  }

  number(found: { key: string; setting: SettingValue }, check: (n: number) => boolean, what: string): number {
    const n = parseOneNumber(found.setting.value);
    if (!Number.isFinite(n) || !check(n)) {
      throw new UserError(`${describeSetting(found.key, found.setting)}: expected ${what}`);
    }
    return n;
  }
}

function unsupported(found: { key: string; setting: SettingValue }, supported: string): UserError {
  return new UserError(`${describeSetting(found.key, found.setting)} is not supported in ONE-compatible mode (${supported})`);
}

const isPositive = (n: number): boolean => n > 0;
const isNonNegInt = (n: number): boolean => Number.isInteger(n) && n >= 0;

/** Reads and checks the settings; throws a UserError naming the setting for anything unsupported. */
export function interpretSettings(settings: OneSettings): OneConfig {
  const q = new Lookup(settings);
  for (const [key, s] of settings.values) {
    if (/\[[^\]]*;[^\]]*\]/.test(s.value)) throw unsupported({ key, setting: s }, 'run-indexed [a; b] arrays are not supported; give one value');
  }
  const scenarioName = q.required('it names the report files', 'Scenario.name').setting.value;

  const simCon = q.required('set it to false: contacts come from CONN events in ONE-compatible mode', 'Scenario.simulateConnections');
  if (parseOneBoolean(simCon.setting.value) !== false) {
    throw unsupported(simCon, 'supported: false, contacts come from CONN events');
  }
  const updateInterval = q.number(q.required('the tick length in seconds', 'Scenario.updateInterval'), isPositive, 'a positive number of seconds');
  const endTime = q.number(q.required('the simulated time in seconds', 'Scenario.endTime'), (n) => n >= 0, 'a number of seconds ≥ 0');

  const order = q.required('set it to false: hosts must update in address order', 'Optimization.randomizeUpdateOrder');
  if (parseOneBoolean(order.setting.value) !== false) throw unsupported(order, 'supported: false');
  const warmup = q.find('MovementModel.warmup');
  if (warmup !== undefined && q.number(warmup, (n) => n >= 0, 'a number of seconds') !== 0) throw unsupported(warmup, 'supported: 0');

  const nrofGroups = q.number(q.required('the number of host groups', 'Scenario.nrofHostGroups'), (n) => Number.isInteger(n) && n >= 1, 'an integer ≥ 1');
  const groups: OneHostGroup[] = [];
  for (let g = 1; g <= nrofGroups; g++) groups.push(readGroup(q, g));

  return { scenarioName, updateInterval, endTime, groups, eventFiles: readEventFiles(q), reports: readReports(q) };
}

function readGroup(q: Lookup, g: number): OneHostGroup {
  const key = (name: string): string[] => [`Group${g}.${name}`, `Group.${name}`];
  const groupId = q.required('the host name prefix', ...key('groupID')).setting.value;
  const nrofHosts = q.number(q.required('the number of hosts in the group', ...key('nrofHosts')), isNonNegInt, 'an integer ≥ 0');

  const router = q.required('set it to EpidemicRouter', ...key('router'));
  if (router.setting.value !== 'EpidemicRouter' && router.setting.value !== 'routing.EpidemicRouter') {
    throw unsupported(router, 'supported: EpidemicRouter');
  }
  const queue = q.required('set it to FIFO', ...key('sendQueue'));
  const qv = queue.setting.value.toUpperCase();
  if (qv !== 'FIFO' && qv !== '2') throw unsupported(queue, 'supported: FIFO');
  for (const name of ['msgTtl', 'nrofApplications', 'deleteDelivered', 'initialEnergy', 'intialEnergy']) {
    const found = q.find(...key(name));
    if (found === undefined) continue;
    const v = found.setting.value.trim().toLowerCase();
    if (name === 'nrofApplications' && v === '0') continue;
    if (name === 'deleteDelivered' && (v === 'false' || v === '0')) continue;
    throw unsupported(found, `remove ${name}: not modelled`);
  }
  const buffer = q.find(...key('bufferSize'));
  const bufferSize = buffer === undefined ? Infinity : q.number(buffer, isNonNegInt, 'a whole number of bytes (k/M/G allowed)');

  const nIf = q.find(...key('nrofInterfaces'));
  if (nIf !== undefined && q.number(nIf, isNonNegInt, 'an integer') !== 1) throw unsupported(nIf, 'supported: 1 interface per host');
  const iface = q.required('the name of the interface settings namespace', ...key('interface1'));
  const ns = iface.setting.value;
  const type = q.required('set it to SimpleBroadcastInterface', `${ns}.type`);
  if (type.setting.value !== 'SimpleBroadcastInterface' && type.setting.value !== 'interfaces.SimpleBroadcastInterface') {
    throw unsupported(type, 'supported: SimpleBroadcastInterface');
  }
  const transmitSpeed = q.number(q.required('bytes per second, e.g. 250k', `${ns}.transmitSpeed`), (n) => Number.isInteger(n) && n > 0, 'a positive whole number of bytes per second (k/M/G allowed)');
  return { groupId, nrofHosts, transmitSpeed, bufferSize };
}

function readEventFiles(q: Lookup): string[] {
  const nrof = q.number(q.required('the number of external event files', 'Events.nrof'), (n) => Number.isInteger(n) && n >= 1, 'an integer ≥ 1');
  const files: string[] = [];
  for (let i = 1; i <= nrof; i++) {
    const path = q.find(`Events${i}.filePath`);
    if (path === undefined) {
      const cls = q.find(`Events${i}.class`);
      if (cls !== undefined) throw unsupported(cls, `supported: external event files given as Events${i}.filePath`);
      q.required('an external events file (CONN or C lines)', `Events${i}.filePath`);
      continue;
    }
    const p = path.setting.value;
    if (p.endsWith('.binee')) throw unsupported(path, 'binary event files are not supported; use the text format');
    files.push(isAbsolute(p) ? p : resolve(dirname(path.setting.file), p));
  }
  return files;
}

function readReports(q: Lookup): OneReportName[] {
  const warm = q.find('Report.warmup');
  if (warm !== undefined && q.number(warm, (n) => n >= 0, 'a number of seconds') !== 0) throw unsupported(warm, 'supported: 0');
  const nrofFound = q.find('Report.nrofReports');
  if (nrofFound === undefined) return [...SUPPORTED_REPORTS];
  const nrof = q.number(nrofFound, isNonNegInt, 'an integer ≥ 0');
  const out: OneReportName[] = [];
  for (let i = 1; i <= nrof; i++) {
    const r = q.required('a report class name', `Report.report${i}`);
    const name = r.setting.value.replace(/^report\./, '');
    if (!(SUPPORTED_REPORTS as readonly string[]).includes(name)) throw unsupported(r, `supported: ${SUPPORTED_REPORTS.join(', ')}`);
    if (!out.includes(name as OneReportName)) out.push(name as OneReportName);
  }
  return out;
}
