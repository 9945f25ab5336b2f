/**
 * `--set key=value` overrides, applied to the parsed YAML document before validation. Keys are dot
 * paths with list indices (`a.b.c`, `groups[0].count`) or list elements by name (`groups.villagers.count`
 * finds the element whose `name` — or `id`, for adapters — is `villagers`). Values are parsed as
 * YAML (`50`, `30m`, `[0.5, 1.5]`, `{model: stationary, place: market}`). Missing mapping keys are
 * created (the schema then rejects unknown ones); a list index or element name that does not exist is
 * an error here. Knows nothing about the schema.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { UserError } from '../../cli/user-error.ts';
import { formatPath } from './issues.ts';

export interface AppliedOverride {
  /** The expression as given (`groups.villagers.count=50`). */
  readonly expression: string;
  /** The path it set, with list elements resolved to indices. */
  readonly path: readonly (string | number)[];
}

/** Splits `groups[0].mobility.speed` into ['groups', 0, 'mobility', 'speed']. */
export function parseOverridePath(key: string, expression: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let consumed = 0;
  for (let m = re.exec(key); m !== null; m = re.exec(key)) {
    const between = key.slice(consumed, m.index);
    if (!(between === '' || (between === '.' && out.length > 0 && m[1] !== undefined))) break;
    out.push(m[2] !== undefined ? Number(m[2]) : (m[1] as string));
    consumed = m.index + m[0].length;
  }
  if (consumed !== key.length || out.length === 0) {
    throw new UserError(`--set ${expression}: bad key "${key}"; write a dotted path like world.width, groups[0].count or groups.villagers.count`);
  }
  return out;
}

/** Applies one `key=value` override to `doc`; returns the resolved path. */
export function applyOverride(doc: Document, expression: string): AppliedOverride {
  const eq = expression.indexOf('=');
  if (eq <= 0) throw new UserError(`--set ${expression}: expected key=value (e.g. --set duration=3d)`);
  const key = expression.slice(0, eq).trim();
  const valueText = expression.slice(eq + 1);
  const segments = parseOverridePath(key, expression);
  const valueDoc = parseDocument(valueText);
  if (valueDoc.errors.length > 0) throw new UserError(`--set ${expression}: the value is not valid YAML (${valueDoc.errors[0]?.message.split('\n')[0]})`);

  const resolved: (string | number)[] = [];
  let node: unknown = doc.contents;
  for (let i = 0; i < segments.length - 1; i++) {
    const seg = segments[i] as string | number;
    if (isSeq(node)) {
      const index = typeof seg === 'number' ? seg : findByName(node.items, seg);
      if (index < 0 || index >= node.items.length) {
        const names = node.items.map(nameOf).filter((n) => n !== undefined);
        const what = typeof seg === 'number' ? `index ${seg}` : `no element named "${seg}"`;
        throw new UserError(`--set ${expression}: ${formatPath(resolved)} has ${node.items.length} element(s), ${what}${names.length ? ` (names: ${names.join(', ')})` : ''}`);
      }
      resolved.push(index);
      node = node.items[index];
    } else if (isMap(node) || node === null || node === undefined) {
      if (typeof seg === 'number') throw new UserError(`--set ${expression}: ${formatPath(resolved) || 'the scenario'} is not a list`);
      resolved.push(seg);
      node = isMap(node) ? node.get(seg, true) : undefined;
      if (node === undefined || node === null || (isScalar(node) && node.value === null)) {
        doc.setIn(resolved, doc.createNode({}));
        node = doc.getIn(resolved, true);
      }
    } else {
      throw new UserError(`--set ${expression}: ${formatPath(resolved)} is a single value, not a mapping or list`);
    }
  }
  const last = segments[segments.length - 1] as string | number;
  if (isSeq(node)) {
    const index = typeof last === 'number' ? last : findByName(node.items, last);
    if (index < 0 || index > node.items.length) {
      throw new UserError(`--set ${expression}: ${formatPath(resolved)} has ${node.items.length} element(s); cannot set ${typeof last === 'number' ? `index ${last}` : `"${last}"`}`);
    }
    resolved.push(index);
  } else if (isMap(node)) {
    if (typeof last === 'number') throw new UserError(`--set ${expression}: ${formatPath(resolved) || 'the scenario'} is not a list`);
    resolved.push(last);
  } else {
    throw new UserError(`--set ${expression}: ${formatPath(resolved) || 'the scenario'} is a single value, not a mapping or list`);
  }
  doc.setIn(resolved, valueDoc.contents ?? null);
  return { expression, path: resolved };
}

function nameOf(item: unknown): string | undefined {
  if (!isMap(item)) return undefined;
  const v = item.get('name') ?? item.get('id');
  return typeof v === 'string' ? v : undefined;
}

/** Index of the element named `name` (or, for a digit string with no such name, that index). */
function findByName(items: readonly unknown[], name: string): number {
  const i = items.findIndex((it) => nameOf(it) === name);
  return i < 0 && /^[0-9]+$/.test(name) ? Number(name) : i;
}
