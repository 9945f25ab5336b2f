/**
 * Highest version per adapter series (publisher + name), built in one pass over a list, so that
 * supersede checks over a whole inventory cost O(n) instead of O(n²) string comparisons.
 * Keyed by name first (short strings) to avoid building composite keys.
 */
import type { Hex } from '../types.ts';

export class SeriesMax {
  private readonly byName = new Map<string, { publisher: Hex; version: number }[]>();

  add(publisher: Hex, name: string, version: number): void {
    const list = this.byName.get(name);
    if (!list) { this.byName.set(name, [{ publisher, version }]); return; }
    const rec = list.find((r) => r.publisher === publisher);
    if (!rec) list.push({ publisher, version });
    else if (version > rec.version) rec.version = version;
  }

  get(publisher: Hex, name: string): number | undefined {
    return this.byName.get(name)?.find((r) => r.publisher === publisher)?.version;
  }
}
