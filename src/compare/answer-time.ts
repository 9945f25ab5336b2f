/**
 * How long a device takes to answer one question, drawn from the `inference:` part of a
 * calibration profile (measured by `gossip hw calibrate`, or shipped): the routing embedding
 * (embedding router only), getting the chosen adapter active (a first load, a swap to an adapter
 * already in memory, or nothing when it is already active or the base model answers), prompt
 * processing (prompt tokens / prompt tokens per second) and generation (output tokens × time per
 * token), plus loading the model itself on a cold start. Every part is a draw from the profile's
 * distribution (a shifted lognormal, see src/sim/scenario/distribution.ts), one draw per question
 * and part: speeds vary between questions and devices far more than between tokens of one answer.
 * Pure: profile, request and an injected Rng in, microseconds out; no clock. Meant for the
 * simulator's question events (one Rng stream per node, e.g. `node.rng.fork('answer-time')`).
 */
import type { Rng } from '../core/ports.ts';
import type { Micros } from '../core/types.ts';
import { medianOf, sampleDistribution } from '../sim/scenario/index.ts';
import type { InferenceProfile } from '../sim/scenario/index.ts';

/** State of the adapter the router chose, on this device, when the question arrives. */
export type AdapterState =
  /** The base model answers (no adapter, or merged weights already loaded): no adapter cost. */
  | 'none'
  /** The chosen adapter is already the active one. */
  | 'active'
  /** In memory but another is active: an in-memory switch (adapterSwap). */
  | 'loaded'
  /** Not in memory yet: read and apply it (adapterLoad). */
  | 'cold';

export interface AnswerRequest {
  /** Tokens of the prompt (chat template + question), > 0. */
  readonly promptTokens: number;
  /** Tokens generated, >= 0. */
  readonly outputTokens: number;
  readonly adapter: AdapterState;
  /** The router embeds the question with the base model (embedding router); false for the keyword router. */
  readonly embedding: boolean;
  /** The model must be loaded first (app just started). Default false. */
  readonly coldModel?: boolean;
}

export interface AnswerTime {
  readonly modelLoad: Micros;
  readonly embedding: Micros;
  readonly adapter: Micros;
  readonly prompt: Micros;
  readonly generation: Micros;
  /** Sum of the parts: from the question to the last token. */
  readonly total: Micros;
}

/** Typical request: the village question bank averages ~25 question tokens + ~40 of chat template; answers ~120 tokens. */
export const TYPICAL_REQUEST: AnswerRequest = { promptTokens: 64, outputTokens: 120, adapter: 'loaded', embedding: true };

function check(req: AnswerRequest): void {
  if (!(req.promptTokens > 0) || !Number.isFinite(req.promptTokens)) throw new RangeError(`promptTokens must be > 0 (got ${req.promptTokens})`);
  if (!(req.outputTokens >= 0) || !Number.isFinite(req.outputTokens)) throw new RangeError(`outputTokens must be >= 0 (got ${req.outputTokens})`);
}

type Draw = (d: InferenceProfile[keyof InferenceProfile]) => number;

function compose(p: InferenceProfile, req: AnswerRequest, draw: Draw): AnswerTime {
  check(req);
  // Every part is drawn for every question, used or not, so the stream advances the same way
  // whatever the request: one question's shape never shifts the next question's draws.
  const d = {
    modelLoad: draw(p.modelLoad), embedding: draw(p.embedding), adapterLoad: draw(p.adapterLoad), adapterSwap: draw(p.adapterSwap),
    tokensPerSecond: draw(p.promptTokensPerSecond), perToken: draw(p.generationPerToken),
  };
  if (!(d.tokensPerSecond > 0)) throw new RangeError('inference.promptTokensPerSecond must be > 0');
  const modelLoad = req.coldModel ? Math.round(d.modelLoad) : 0;
  const embedding = req.embedding ? Math.round(d.embedding) : 0;
  const adapter = req.adapter === 'cold' ? Math.round(d.adapterLoad) : req.adapter === 'loaded' ? Math.round(d.adapterSwap) : 0;
  const prompt = Math.round((req.promptTokens / d.tokensPerSecond) * 1e6);
  const generation = Math.round(req.outputTokens * d.perToken);
  return { modelLoad, embedding, adapter, prompt, generation, total: modelLoad + embedding + adapter + prompt + generation };
}

/**
 * One question's answer time, every part drawn from the profile's distributions with `rng`
 * (in the order model load, embedding, adapter load, adapter swap, prompt speed, generation speed).
 */
export function answerTime(profile: InferenceProfile, req: AnswerRequest, rng: Rng): AnswerTime {
  return compose(profile, req, (d) => sampleDistribution(d, rng));
}

/** The same parts at every distribution's median (no randomness): for tables and sanity checks. */
export function medianAnswerTime(profile: InferenceProfile, req: AnswerRequest): AnswerTime {
  return compose(profile, req, (d) => medianOf(d));
}
