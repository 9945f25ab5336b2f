/**
 * The emulated-trial file (`gossip emulate <trial.yaml>`): named nodes, the virtual air's link
 * model, adapters placed on their origin nodes (synthetic payloads of a size, real adapter files
 * packed with the trial's publisher key, or already signed packet files), and who meets whom when —
 * an explicit contact schedule, a contact trace (CSV `t,a,b,up|down` or The ONE's CONN format,
 * node indices into `nodes`), or nothing (everyone in range all the time). Durations, sizes and
 * rates use the scenario units (`30s`, `1MB`, `400kB/s`). Schema only.
 */
import { z } from 'zod';
import { duration, probability, rate, size } from '../../sim/scenario/unit-schemas.ts';

const nodeName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, 'a node name: letters, digits, _ . - (at most 32)');

export const airSchema = z.strictObject({
  rate: rate().prefault('400kB/s').describe('link rate per connection and direction (ACL payload bytes)'),
  connectionSetup: duration().prefault('100ms').describe('from connect request to connection'),
  advertisingInterval: duration().prefault('100ms').describe('period of advertising reports to scanners in range'),
  latency: duration().prefault('0ms').describe('one-way delay per packet'),
  loss: probability().prefault(0).describe('probability that a packet needs a link-layer retransmission'),
  aclBuffers: z.int().min(1).max(255).prefault(8).describe('controller ACL buffers (host flow control)'),
});

const adapterSchema = z.strictObject({
  name: z.string().min(1).max(64).describe('adapter (series) name'),
  domain: z.string().min(1).max(64).prefault('agronomy').describe('knowledge domain'),
  origin: nodeName.describe('node that holds the adapter at the start'),
  size: size().optional().describe('synthetic payload of this size (seeded bytes)'),
  file: z.string().min(1).optional().describe('an adapter file (e.g. a LoRA .gguf), packed and signed with the trial publisher key'),
  packet: z.string().min(1).optional().describe('an already signed packet file (`gossip adapter pack`); its publisher is trusted'),
  chunkSize: size().prefault('64KiB').describe('chunk size (for size and file)'),
  keywords: z.array(z.string().min(1)).prefault([]).describe('router keywords'),
});

const contactSchema = z.strictObject({
  a: nodeName,
  b: nodeName,
  from: duration().describe('contact start (after the trial start)'),
  to: duration().optional().describe('contact end; absent: until the end'),
});

const traceSchema = z.strictObject({
  file: z.string().min(1).describe('trace file, relative to the trial file'),
  format: z.enum(['csv', 'one']).optional().describe('csv: t,a,b,up|down; one: The ONE CONN lines (default: by extension)'),
});

const mobilitySchema = z.strictObject({
  scenario: z.string().min(1).describe('simulation scenario whose first N devices play the trial nodes (relative to the trial file)'),
  start: duration().prefault('0s').describe('start of the window, in the scenario\'s simulated time'),
  window: duration().describe('length of the window of simulated time to replay'),
  timeScale: z.number().positive().prefault(1).describe('simulated seconds per trial second (60: an hour in a minute)'),
});

export const trialSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a name usable as a folder name').describe('trial name'),
  description: z.string().optional(),
  seed: z.int().prefault(1).describe('seed of node keys, synthetic payloads and air loss'),
  duration: duration().describe('wall-clock length of the trial (the longest it runs)'),
  stopWhenComplete: z.boolean().prefault(true).describe('end as soon as every adapter is verified on every node'),
  nodes: z.array(nodeName).min(1).max(64).describe('node names (one process each)'),
  mtu: z.int().min(20).max(512).prefault(244).describe('largest fragment on the link (ATT notification payload)'),
  maxInFlight: z.int().min(1).max(256).prefault(4).describe('chunk requests outstanding per session'),
  air: airSchema.prefault({}),
  adapters: z.array(adapterSchema).min(1),
  contacts: z.array(contactSchema).optional().describe('explicit contact schedule'),
  contactTrace: traceSchema.optional().describe('contact trace instead of a schedule'),
  contactMobility: mobilitySchema.optional().describe('contacts generated from a scenario\'s mobility (the same contacts gossip sim sees)'),
});

export type TrialSpec = z.output<typeof trialSchema>;
export type TrialAdapterSpec = TrialSpec['adapters'][number];
