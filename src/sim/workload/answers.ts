/**
 * How a question is answered on a node under each strategy, and how good the answer is. The
 * route strategy runs the real keyword router over the node's complete adapters; merge models a
 * TIES merge of every domain held (quality falls with the number merged, as published); none uses
 * only adapters the node published itself (no gossip). Quality numbers come from the scenario's
 * answer-quality table. Knows nothing about time, contacts or transfers.
 */
import { createKeywordRouter, type KeywordRouter } from '../../core/routing/index.ts';
import type { AnsweredBy, Strategy } from '../metrics/quality.ts';

export interface QualityTable {
  /** Keyword recall when the domain's own specialist answers. */
  specialist: Readonly<Record<string, number>>;
  /** Recall when a specialist of another domain answers (router mistake). */
  otherSpecialist: Readonly<Record<string, number>>;
  /** Recall of the base model alone. */
  base: Readonly<Record<string, number>>;
  /** Recall of a K-way merge on a merged domain, index K-1 (K=1 means the specialist itself). */
  merged: readonly number[];
}

export interface HeldAdapter {
  id: string;
  domain: string;
  keywords: readonly string[];
  /** Published by this node itself (available under the `none` strategy). */
  own: boolean;
}

export interface Answer {
  quality: number;
  by: AnsweredBy;
  /** The router found no local expert for a known domain: demand to gossip for. */
  demandDomain?: string;
  adapterId?: string;
}

const look = (t: Readonly<Record<string, number>>, d: string): number => t[d] ?? t['*'] ?? 0;

/** Answers for one node; rebuild it when the node's complete adapters change. */
export class NodeAnswerer {
  private readonly router: KeywordRouter;
  private readonly ownRouter: KeywordRouter;
  private readonly domains: Set<string>;

  constructor(private readonly held: readonly HeldAdapter[], private readonly table: QualityTable) {
    this.router = createKeywordRouter({ adapters: held.map((a) => ({ id: a.id, domain: a.domain, keywords: a.keywords })) });
    const own = held.filter((a) => a.own);
    this.ownRouter = createKeywordRouter({ adapters: own.map((a) => ({ id: a.id, domain: a.domain, keywords: a.keywords })) });
    this.domains = new Set(held.map((a) => a.domain));
  }

  answer(strategy: Strategy, question: string, domain: string): Answer {
    if (strategy === 'merge') return this.merged(question, domain);
    const d = (strategy === 'route' ? this.router : this.ownRouter).route(question);
    if (d.kind === 'adapter') {
      const quality = d.domain === domain ? look(this.table.specialist, domain) : look(this.table.otherSpecialist, domain);
      return { quality, by: 'specialist', adapterId: d.adapterId };
    }
    return { quality: look(this.table.base, domain), by: 'base', ...(d.demandDomain ? { demandDomain: d.demandDomain } : {}) };
  }

  private merged(question: string, domain: string): Answer {
    const k = this.domains.size;
    if (k === 0) return { quality: look(this.table.base, domain), by: 'base' };
    if (k === 1) return { ...this.answer('route', question, domain), by: 'merged' };
    if (!this.domains.has(domain)) return { quality: look(this.table.base, domain), by: 'merged' };
    const m = this.table.merged;
    return { quality: m[Math.min(k, m.length) - 1] ?? 0, by: 'merged' };
  }
}
