/**
 * A YAML file parsed with positions: `file:line:col` for any value or key path, so that schema
 * errors point at the offending text. Also reports YAML syntax errors in the same form.
 * Knows nothing about the scenario schema.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import { ScenarioError } from './issues.ts';

export type Path = readonly PropertyKey[];

export class YamlSource {
  readonly doc: Document;
  private readonly lines: LineCounter;

  constructor(readonly file: string, text: string) {
    this.lines = new LineCounter();
    this.doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false, merge: true });
    const e = this.doc.errors[0];
    if (e) {
      const pos = this.lines.linePos(e.pos[0]);
      const msg = e.message.split('\n')[0] ?? e.message;
      throw new ScenarioError([{ where: `${file}:${pos.line}:${pos.col}`, message: `YAML syntax error: ${msg}` }]);
    }
  }

  /** The document as plain JS (anchors and aliases expanded). */
  toJS(): unknown {
    return this.doc.toJS({ maxAliasCount: 1000 });
  }

  /**
   * `file:line:col` of the value at `path` (or of its key when `key` is set). When the path does not
   * exist, the position of its deepest existing ancestor's key. Returns `found: false` then.
   */
  locate(path: Path, key = false): { where: string; found: boolean } {
    let node: unknown = this.doc.contents;
    let lastKey: Node | null = null;
    let lastValue: unknown = node;
    let found = true;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const isLast = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) {
          found = false;
          break;
        }
        lastKey = pair.key as Node;
        node = pair.value;
        lastValue = node;
        if (isLast && key) return { where: this.at(lastKey), found: true };
      } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
        node = node.items[seg];
        lastValue = node;
        lastKey = null;
      } else {
        found = false;
        break;
      }
    }
    const target = found ? (hasRange(lastValue) ? lastValue : lastKey) : (lastKey ?? (hasRange(lastValue) ? lastValue : null));
    return { where: this.at(target), found };
  }

  private at(node: unknown): string {
    const offset = hasRange(node) ? node.range[0] : 0;
    const pos = this.lines.linePos(offset);
    return `${this.file}:${pos.line}:${pos.col}`;
  }
}

function hasRange(n: unknown): n is { range: [number, number, number] } {
  return typeof n === 'object' && n !== null && Array.isArray((n as { range?: unknown }).range);
}
