/**
 * Trust policy: which publisher keys are accepted for which adapter names. A fixed list of trusted
 * publishers, plus optional trust-on-first-use bindings (adapter name → first admitted publisher).
 * Knows nothing about signatures (verified before this is asked) or stores.
 */
import type { Hex } from '../types.ts';
import type { TrustOptions } from './types.ts';

export class TrustBook {
  /** Created on first binding (memory matters with thousands of simulated nodes). */
  private bound: Map<string, Hex> | undefined;

  constructor(private readonly options: TrustOptions) {}

  allows(publisher: Hex, name: string): boolean {
    if (this.options.publishers.includes(publisher)) return true;
    if (!this.options.tofu) return false;
    const b = this.bound?.get(name);
    return b === undefined || b === publisher;
  }

  /** Records the publisher of an admitted adapter (binds the name on first use). */
  record(publisher: Hex, name: string): void {
    if (!this.options.tofu) return;
    this.bound ??= new Map();
    if (!this.bound.has(name)) this.bound.set(name, publisher);
  }

  binding(name: string): Hex | undefined {
    return this.bound?.get(name);
  }
}
