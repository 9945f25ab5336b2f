/**
 * The configuration of one real device in a trial (`gossip hw node --config node.yaml`): its name
 * and identity key file, library folder, trusted publishers (hex keys or key files), storage
 * budget, which HCI adapter each role uses (or `none`), optionally a virtual-air server to join
 * instead of radios, the event log file and how long to run. Paths are relative to the config
 * file. Errors are `file:line:col` messages.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { UserError } from '../../cli/user-error.ts';
import { isHex } from '../../core/codec/bytes.ts';
import type { Hex, Micros } from '../../core/types.ts';
import { ScenarioError, errorMap, locateIssues } from '../../sim/scenario/issues.ts';
import { duration, size } from '../../sim/scenario/unit-schemas.ts';
import { YamlSource, type Path } from '../../sim/scenario/yaml-source.ts';
import { readKeyFile } from '../keys/key-file.ts';

const device = z.string().regex(/^(hci\d+|none)$/, 'an HCI adapter such as hci0, or none');

export const nodeConfigSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, 'a node name: letters, digits, _ . - (at most 32)'),
  key: z.string().min(1).describe('identity key file (`gossip keys new --out <file>`)'),
  library: z.string().min(1).describe('library folder (created if missing)'),
  trust: z.array(z.string().min(1)).min(1).describe('trusted publishers: 64-hex public keys or key files'),
  tofu: z.boolean().prefault(false).describe('also accept names no trusted publisher holds, bound to their first publisher'),
  budget: size().prefault('4GB').describe('storage budget of the library'),
  device: device.prefault('hci0').describe('adapter for both roles'),
  central: device.optional().describe('adapter of the central role (default: device)'),
  peripheral: device.optional().describe('adapter of the peripheral role (default: device)'),
  air: z.string().min(1).optional().describe('unix socket of a virtual air server to join instead of radios'),
  log: z.string().min(1).optional().describe('event log (JSON lines; default <name>.jsonl next to the config)'),
  mtu: z.int().min(20).max(512).prefault(244),
  maxInFlight: z.int().min(1).max(256).prefault(4),
  service: z.string().min(1).optional().describe('tag of a private service UUID (all nodes of a trial must agree); default: the gossip-handshake service'),
  duration: duration().optional().describe('stop after this long (default: until SIGINT)'),
});

export interface NodeConfig {
  readonly file: string;
  readonly name: string;
  readonly keyFile: string;
  readonly libraryDir: string;
  readonly publishers: readonly Hex[];
  readonly tofu: boolean;
  readonly budgetBytes: number;
  /** HCI device numbers; null = role disabled. */
  readonly centralDevice: number | null;
  readonly peripheralDevice: number | null;
  readonly air: string | undefined;
  readonly logFile: string;
  readonly mtu: number;
  readonly maxInFlight: number;
  readonly service: string | undefined;
  readonly duration: Micros | undefined;
}

const devNum = (d: string): number | null => (d === 'none' ? null : Number(d.slice(3)));

export function loadNodeConfig(file: string): NodeConfig {
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`${file}: cannot read the node config (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const src = new YamlSource(file, text);
  const parsed = nodeConfigSchema.safeParse(src.toJS() ?? {}, { error: errorMap });
  if (!parsed.success) throw new ScenarioError(locateIssues(parsed.error.issues, { locate: (p: Path, key: boolean) => src.locate(p, key).where }));
  const c = parsed.data;
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(dirname(path), p));
  const publishers = c.trust.map((t, i) => {
    if (isHex(t, 32)) return t.toLowerCase();
    try {
      return readKeyFile(abs(t)).publicKey;
    } catch (e) {
      throw new UserError(`${src.locate(['trust', i]).where}: trust entry "${t}" is neither a 64-hex publisher key nor a readable key file (${(e as Error).message})`);
    }
  });
  const centralDevice = devNum(c.central ?? c.device);
  const peripheralDevice = devNum(c.peripheral ?? c.device);
  if (centralDevice === null && peripheralDevice === null) throw new UserError(`${src.locate(['device']).where}: both roles are disabled (none); enable the central, the peripheral or both`);
  return {
    file: path, name: c.name, keyFile: abs(c.key), libraryDir: abs(c.library), publishers, tofu: c.tofu, budgetBytes: c.budget,
    centralDevice, peripheralDevice, air: c.air ? abs(c.air) : undefined, logFile: abs(c.log ?? `${c.name}.jsonl`), mtu: c.mtu,
    maxInFlight: c.maxInFlight, service: c.service, duration: c.duration,
  };
}
