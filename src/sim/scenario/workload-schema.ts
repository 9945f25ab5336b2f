/**
 * Scenario schema, workload sections: `adapters:` (who publishes which knowledge packet, when, how
 * big, and later versions), `questions:` (domain mix and question bank), `quality:` (the
 * answer-quality table), and `contacts:` (where encounters come from: mobility, a trace file, or an
 * explicit schedule).
 */
import { z } from 'zod';
import { DEFAULT_DOMAIN_QUALITY, DEFAULT_MERGED_QUALITY, DOMAINS } from './domains.ts';
import type { Domain } from './domains.ts';
import { duration, orMissing, probability, size } from './unit-schemas.ts';

const nodeIndex = () => z.int().min(0);

const adapterSchema = z.strictObject({
  id: z.string().min(1).describe('unique adapter (series) name'),
  domain: z.enum(DOMAINS).describe('knowledge domain'),
  origin: z
    .union([z.strictObject({ group: z.string().min(1), index: z.int().min(0).default(0) }), nodeIndex()], {
      error: orMissing('expected {group: <name>, index: <n>} or a node index'),
    })
    .describe('publishing device: {group, index} (index within the group, default 0) or a node index'),
  publishAt: duration().prefault('0s').describe('publication time (from the start)'),
  size: size().prefault('17.6MB').describe('payload size (Qwen2.5-0.5B rank-16 LoRA in fp16: 17.6MB)'),
  chunkSize: size().prefault('256KiB').describe('chunk size'),
  updates: z
    .array(z.strictObject({
      at: duration().describe('publication time of this version'),
      size: size().optional().describe('payload size; default the previous version\'s'),
    }))
    .default([])
    .describe('later versions (version 2, 3, …), in time order'),
});

const domainQuality = (d: Domain) => {
  const q = DEFAULT_DOMAIN_QUALITY[d];
  return z
    .strictObject({
      specialist: probability().default(q.specialist).describe(`${d} specialist on ${d} questions (default ${q.specialist})`),
      otherSpecialist: probability().default(q.otherSpecialist).describe(`another domain's specialist on ${d} questions (default ${q.otherSpecialist})`),
      base: probability().default(q.base).describe(`base model without adapter on ${d} questions (default ${q.base})`),
    })
    .default({ specialist: q.specialist, otherSpecialist: q.otherSpecialist, base: q.base });
};

const m = DEFAULT_MERGED_QUALITY;
export const qualitySchema = z
  .strictObject({
    domains: z
      .strictObject({
        agronomy: domainQuality('agronomy'),
        veterinary: domainQuality('veterinary'),
        irrigation: domainQuality('irrigation'),
        soil: domainQuality('soil'),
        aquaculture: domainQuality('aquaculture'),
      })
      .prefault({})
      .describe('keyword recall (0..1) per question domain'),
    merged: z
      .strictObject({
        k2: probability().default(m.k2).describe(`TIES merge of 2 domains (default ${m.k2})`),
        k3: probability().default(m.k3).describe(`TIES merge of 3 domains (default ${m.k3})`),
        k4: probability().default(m.k4).describe(`TIES merge of 4 domains (default ${m.k4}, interpolated)`),
        k5: probability().default(m.k5).describe(`TIES merge of 5 domains (default ${m.k5})`),
      })
      .prefault({})
      .describe('keyword recall of a merged model by number of merged domains (K = 1 is the specialist itself)'),
  })
  .prefault({})
  .describe('answer quality (keyword recall 0..1); defaults from the published results');

export const questionsSchema = z
  .strictObject({
    domainMix: z
      .partialRecord(z.enum(DOMAINS), z.number().min(0))
      .default(Object.fromEntries(DOMAINS.map((d) => [d, 1])))
      .refine((mix) => Object.values(mix).some((w) => (w ?? 0) > 0), { message: 'domainMix needs at least one positive weight' })
      .describe('relative weight of each domain among questions; missing domains weigh 0'),
    bank: z.string().min(1).default('scenarios/questions/village-bank.yaml')
      .describe('question bank YAML (relative to the scenario file; the default is relative to the project root)'),
  })
  .prefault({});

const encounter = z
  .strictObject({
    a: nodeIndex().describe('node index'),
    b: nodeIndex().describe('node index'),
    from: duration().describe('link up time'),
    to: duration().describe('link down time'),
  })
  .refine((e) => e.a !== e.b, { message: 'an encounter needs two different nodes', path: ['b'] })
  .refine((e) => e.from < e.to, { message: 'an encounter needs from < to', path: ['to'] });

export const contactsSchema = z
  .discriminatedUnion('source', [
    z.strictObject({ source: z.literal('mobility') }),
    z.strictObject({
      source: z.literal('trace'),
      file: z.string().min(1).describe('contact trace (relative to the scenario file)'),
      format: z.enum(['one', 'csv']).optional().describe('one = The ONE `time CONN a b up|down`, csv = `t,a,b,up|down`; default by extension (.csv → csv)'),
    }),
    z.strictObject({
      source: z.literal('schedule'),
      encounters: z.array(encounter).describe('explicit encounters'),
    }),
  ])
  .prefault({ source: 'mobility' })
  .describe('where contacts come from: mobility (default), a trace file, or an explicit schedule');

export const adaptersSchema = z.array(adapterSchema).default([]).describe('knowledge packets published during the run');

export type AdapterSpec = z.output<typeof adapterSchema>;
export type QualitySpec = z.output<typeof qualitySchema>;
export type QuestionsSpec = z.output<typeof questionsSchema>;
export type ContactsSpec = z.output<typeof contactsSchema>;
