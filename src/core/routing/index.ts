/**
 * Routing: choose, per question, the local expert adapter (or the base model, with the domain the
 * question belongs to so it can become gossip demand). Public API of src/core/routing.
 */
export type { AdapterDecision, BaseDecision, BaseReason, RouteDecision } from './decision.ts';
export { DEFAULT_DOMAINS, type DomainKeywords } from './domains.ts';
export { stem, tokenize } from './tokens.ts';
export { compileKeywordIndex, type KeywordIndex, type KeywordMatch } from './keyword-index.ts';
export { createKeywordRouter, type KeywordAdapter, type KeywordRouter, type KeywordRouterOptions } from './keyword-router.ts';
export { createEmbeddingRouter, type EmbeddingAdapter, type EmbeddingRouter, type EmbeddingRouterOptions } from './embedding-router.ts';
export { centroidOf, type Vector } from './vectors.ts';
export { OFF_DOMAIN, validateQuestionBank, type BankQuestion, type QuestionBank } from './question-bank.ts';
export { validateReferenceTexts, type ReferenceTexts } from './reference-texts.ts';
