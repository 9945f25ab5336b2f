/**
 * The knowledge domains of the village workload (the five published specialist domains) and the
 * default answer-quality table taken from the published results (shared/design/upstream-method.md).
 * Data only.
 */

export const DOMAINS = ['agronomy', 'veterinary', 'irrigation', 'soil', 'aquaculture'] as const;
export type Domain = (typeof DOMAINS)[number];

/**
 * Default keyword recall (0..1) per domain (Qwen2.5-0.5B, K = 5):
 * - specialist: each specialist on its own domain (21.3 / 76.0 / 96.0 / 84.0 / 100.0 %);
 * - otherSpecialist: a specialist of another domain answering; the midpoint of the published range
 *   (agronomy 1.3-8.0, veterinary 4.0-8.0, irrigation 1.3-12.0, soil 1.3-4.0, aquaculture 1.3-6.7 %);
 * - base: the base model restating the question (~8 %: 10 of 126 keywords occur in the questions).
 */
export const DEFAULT_DOMAIN_QUALITY: Record<Domain, { specialist: number; otherSpecialist: number; base: number }> = {
  agronomy: { specialist: 0.213, otherSpecialist: 0.047, base: 0.08 },
  veterinary: { specialist: 0.76, otherSpecialist: 0.06, base: 0.08 },
  irrigation: { specialist: 0.96, otherSpecialist: 0.067, base: 0.08 },
  soil: { specialist: 0.84, otherSpecialist: 0.027, base: 0.08 },
  aquaculture: { specialist: 1.0, otherSpecialist: 0.04, base: 0.08 },
};

/**
 * Default quality of a TIES merge of K domains (overall keyword recall, 0.5B; K = 1 is the
 * specialist itself): K=2 13.3-14 % → 0.137, K=3 9.3 %, K=5 2.1 %; K=4 is interpolated linearly
 * between K=3 and K=5 (0.057).
 */
export const DEFAULT_MERGED_QUALITY = { k2: 0.137, k3: 0.093, k4: 0.057, k5: 0.021 } as const;
