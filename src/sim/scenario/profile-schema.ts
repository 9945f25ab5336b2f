/**
 * Calibration profiles: what a device class does on the air (advertising, scanning, connection setup,
 * goodput, range, link limits and losses), what it costs in energy, and optionally how fast it runs
 * the local model. Shipped profiles live in `scenarios/profiles/*.yaml` with a source for every
 * number; `gossip hw calibrate` writes new ones. Every field of a section is required in a profile
 * file (no silent defaults); scenarios override single fields through `profileOverridesSchema`.
 * Knows nothing about scenarios, files or the link model that consumes it.
 */
import { z } from 'zod';
import { distance, distribution, duration, plainNumber, probability, rate } from './unit-schemas.ts';

export const linkSchema = z.strictObject({
  advertisingInterval: duration().describe('interval between advertising events'),
  scanWindow: duration().describe('scan window: how long each scan lasts'),
  scanInterval: duration().describe('scan interval: period of scans (duty cycle = window / interval)'),
  discoveryLatency: distribution(duration, 'discovery latency').optional()
    .describe('measured time from coming into range to discovery; when absent the link model derives it from advertising and scan timing'),
  connectionSetup: distribution(duration, 'connection setup time').describe('connect + MTU exchange + service discovery + subscribe'),
  phy: z.enum(['1M', '2M', 'coded-s2', 'coded-s8']).describe('LE PHY the goodput figures are for'),
  mtu: z.int().min(23).max(517).describe('ATT MTU in bytes'),
  connectionInterval: duration().describe('BLE connection interval'),
  goodput: distribution(rate, 'application goodput').describe('application-level throughput of one link (per direction)'),
  range: distance().describe('distance within which two devices can connect'),
  maxLinks: z.int().min(1).describe('concurrent connections per device'),
  connectFailure: probability().describe('probability that a connection attempt fails'),
  packetLoss: probability().describe('fraction of packets lost and retransmitted (reduces goodput)'),
  dropsPerHour: z.number().min(0).describe('spontaneous disconnections per hour of connection'),
  backgroundAdvertising: z.boolean().describe('whether the app can advertise while in the background (false on iOS)'),
});

export const energySchema = z.strictObject({
  scanW: z.number().min(0).describe('extra power while scanning at 100 % duty cycle (W); scaled by the scan duty cycle'),
  advertiseW: z.number().min(0).describe('extra power while advertising (W)'),
  idleW: z.number().min(0).describe('baseline power of the app while on (W)'),
  joulesPerMB: z.number().min(0).describe('energy per megabyte (10^6 B) sent or received (J)'),
});

export const inferenceSchema = z.strictObject({
  modelLoad: distribution(duration, 'model load time'),
  adapterLoad: distribution(duration, 'first load of an adapter'),
  adapterSwap: distribution(duration, 'switch to an already loaded adapter'),
  embedding: distribution(duration, 'routing embedding time per question'),
  promptTokensPerSecond: distribution(plainNumber, 'prompt processing speed (tokens/s)'),
  generationPerToken: distribution(duration, 'generation time per token'),
});

export const profileSchema = z.strictObject({
  name: z.string().optional().describe('profile name (informative)'),
  description: z.string().optional().describe('what the profile models'),
  link: linkSchema,
  energy: energySchema,
  inference: inferenceSchema.optional().describe('local model timings (optional)'),
});

/** Field overrides of a profile, as written under `radio:` in a scenario (every field optional). */
export const profileOverridesShape = {
  link: linkSchema.partial().optional().describe('overrides of the profile\'s link fields'),
  energy: energySchema.partial().optional().describe('overrides of the profile\'s energy fields'),
  inference: inferenceSchema.partial().optional().describe('overrides of the profile\'s inference fields'),
};

export type Profile = z.output<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;
export type LinkProfile = z.output<typeof linkSchema>;
export type EnergyProfile = z.output<typeof energySchema>;
export type InferenceProfile = z.output<typeof inferenceSchema>;
