/**
 * Keyword router: the published algorithm (count distinct keyword hits per domain, pick the best)
 * with its flaws fixed — word-boundary matching with light stemming (tokens.ts), a documented
 * deterministic tie-break, and no hits → base model instead of "first domain".
 *
 * How a question is routed:
 * 1. Every known domain (catalogue domains ∪ local adapters' domains) is scored by the distinct
 *    keywords it matched; a domain's keywords are its catalogue list plus the keywords of every
 *    local adapter of that domain. An adapter that ships no keywords uses its domain's catalogue list.
 * 2. The winning domain is the one with (a) most distinct hits, then (b) most occurrences of those
 *    hits, then (c) the earliest first hit in the question (questions name their subject early),
 *    then (d) the smaller domain id. (Matched-character length was rejected as tie-break: it let
 *    generic long words such as "disease" or "mineral" beat "maize" or "soil".)
 * 3. Nothing matched → base, `no-match` (or `no-adapters`), no `demandDomain` ("unknown domain").
 *    The winning domain has no local adapter → base, `no-match`, `demandDomain` = that domain, even
 *    if some other local adapter matched fewer keywords (a wrong specialist is no better than base).
 * 4. Otherwise among the local adapters of that domain (several versions, or several publishers):
 *    most distinct hits of the adapter's own keywords, then most occurrences, then the higher
 *    `priority` (callers pass e.g. the version), then the smaller adapter id.
 * Confidence = hits of the winning domain / sum of hits over all domains (1 when only one domain
 * matched). Below `minConfidence` (default 0: never) → base, `low-confidence`.
 * Pure and synchronous; owns no state beyond the compiled index. Knows nothing about stores,
 * manifests or gossip (callers pass plain adapter descriptions).
 */
import type { AdapterId } from '../types.ts';
import type { RouteDecision } from './decision.ts';
import { DEFAULT_DOMAINS, type DomainKeywords } from './domains.ts';
import { compileKeywordIndex } from './keyword-index.ts';

export interface KeywordAdapter {
  readonly id: AdapterId;
  readonly domain: string;
  /** Router hints from the adapter's manifest; empty → its domain's catalogue keywords. */
  readonly keywords: readonly string[];
  /** Tie-break among adapters of one domain with equal hits (higher wins, e.g. version). Default 0. */
  readonly priority?: number;
}

export interface KeywordRouterOptions {
  readonly adapters: readonly KeywordAdapter[];
  /** Domains the router can recognise (for demand) even without a local adapter. Default DEFAULT_DOMAINS. */
  readonly catalogue?: readonly DomainKeywords[];
  /** Confidence (0..1) below which the base model answers. Default 0. */
  readonly minConfidence?: number;
}

export interface KeywordRouter {
  route(question: string): RouteDecision;
}

interface Tally {
  hits: number;
  occurrences: number;
  firstToken: number;
  keywords: string[];
}

function better(a: Tally, b: Tally): boolean {
  if (a.hits !== b.hits) return a.hits > b.hits;
  if (a.occurrences !== b.occurrences) return a.occurrences > b.occurrences;
  return a.firstToken < b.firstToken;
}

export function createKeywordRouter(options: KeywordRouterOptions): KeywordRouter {
  const catalogue = options.catalogue ?? DEFAULT_DOMAINS;
  const adapters = options.adapters;
  const minConfidence = options.minConfidence ?? 0;

  // Domain ids sorted, so index order is the final tie-break (smaller id wins).
  const domainIds = [...new Set([...catalogue.map((d) => d.id), ...adapters.map((a) => a.domain)])].sort();
  const domainIndex = new Map(domainIds.map((id, i) => [id, i]));
  const catalogueKeywords = new Map<string, string[]>();
  for (const d of catalogue) catalogueKeywords.set(d.id, [...(catalogueKeywords.get(d.id) ?? []), ...d.keywords]);

  // Keyword sets: catalogue domains first, then one per adapter.
  const sets: (readonly string[])[] = [];
  const setDomain: number[] = [];
  const setAdapter: number[] = [];
  for (const d of catalogue) {
    sets.push(d.keywords);
    setDomain.push(domainIndex.get(d.id) as number);
    setAdapter.push(-1);
  }
  adapters.forEach((a, i) => {
    sets.push(a.keywords.length > 0 ? a.keywords : (catalogueKeywords.get(a.domain) ?? []));
    setDomain.push(domainIndex.get(a.domain) as number);
    setAdapter.push(i);
  });
  const index = compileKeywordIndex(sets);

  // Local adapters per domain, pre-sorted by the static part of the tie-break (priority, id).
  const adaptersOf: number[][] = domainIds.map(() => []);
  adapters.forEach((a, i) => (adaptersOf[domainIndex.get(a.domain) as number] as number[]).push(i));
  for (const list of adaptersOf) {
    list.sort((x, y) => {
      const ax = adapters[x] as KeywordAdapter;
      const ay = adapters[y] as KeywordAdapter;
      const px = ax.priority ?? 0;
      const py = ay.priority ?? 0;
      if (px !== py) return py - px;
      return ax.id < ay.id ? -1 : ax.id > ay.id ? 1 : 0;
    });
  }
  const emptyReason = adapters.length === 0 ? 'no-adapters' : 'no-match';

  return {
    route(question: string): RouteDecision {
      const matches = index.match(question);
      if (matches.length === 0) return { kind: 'base', reason: emptyReason, confidence: 0 };

      const domains: (Tally | undefined)[] = new Array(domainIds.length);
      const own: (Tally | undefined)[] = new Array(adapters.length);
      for (const m of matches) {
        const counted: number[] = []; // a keyword in a catalogue list and an adapter list of one domain counts once
        for (const s of m.sets) {
          const d = setDomain[s] as number;
          if (!counted.includes(d)) {
            counted.push(d);
            const t = (domains[d] ??= { hits: 0, occurrences: 0, firstToken: m.firstToken, keywords: [] });
            t.hits += 1;
            t.occurrences += m.occurrences;
            t.keywords.push(m.keyword);
          }
          const a = setAdapter[s] as number;
          if (a >= 0) {
            const t = (own[a] ??= { hits: 0, occurrences: 0, firstToken: m.firstToken, keywords: [] });
            t.hits += 1;
            t.occurrences += m.occurrences;
          }
        }
      }

      let best = -1;
      let total = 0;
      for (let d = 0; d < domains.length; d++) {
        const t = domains[d];
        if (t === undefined) continue;
        total += t.hits;
        if (best < 0 || better(t, domains[best] as Tally)) best = d;
      }
      const win = domains[best] as Tally;
      const confidence = win.hits / total;
      const candidates = adaptersOf[best] as number[];
      if (candidates.length === 0) {
        return { kind: 'base', reason: emptyReason, demandDomain: domainIds[best] as string, confidence };
      }
      if (confidence < minConfidence) return { kind: 'base', reason: 'low-confidence', confidence };

      let chosen = candidates[0] as number;
      for (const c of candidates) {
        const tc = own[c];
        const tb = own[chosen];
        if (tc !== undefined && (tb === undefined || tc.hits > tb.hits || (tc.hits === tb.hits && tc.occurrences > tb.occurrences))) {
          chosen = c;
        }
      }
      const adapter = adapters[chosen] as KeywordAdapter;
      return { kind: 'adapter', adapterId: adapter.id, domain: adapter.domain, confidence, hits: win.keywords };
    },
  };
}
