/**
 * Scenario schema, `groups:` section: sets of identical devices (count, device profile, mobility
 * model, churn, storage budget, gossip policy, questions per day). Node indices are assigned in file
 * order: the first group's devices are nodes 0 … count-1, the next group's follow, and so on.
 */
import { z } from 'zod';
import { duration, probability, range, size, timeOfDay } from './unit-schemas.ts';

const speed = () => range(z.number().min(0), 'walking speed in m/s');

const randomWaypoint = z.strictObject({
  model: z.literal('random-waypoint'),
  speed: speed().default([0.5, 1.5]).describe('speed drawn per leg, m/s, as [min, max]'),
  pause: range(duration(), 'pause at each waypoint').prefault(['0s', '30m']).describe('pause drawn per waypoint, as [min, max]'),
});

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const activity = z.strictObject({
  at: z.string().min(1).describe('a place name, or a place kind (each device then keeps one place of that kind, chosen by seeded RNG)'),
  days: z.union([z.literal('daily'), z.array(z.enum(WEEKDAYS)).min(1)]).default('daily')
    .describe('daily, or a list of weekdays (the simulation starts on a Monday)'),
  from: timeOfDay().describe('start time of day'),
  to: timeOfDay().describe('end time of day (before `from` = overnight)'),
  probability: probability().default(1).describe('chance that a device goes on a given day'),
});

const routine = z.strictObject({
  model: z.literal('routine'),
  speed: speed().default([0.8, 1.4]).describe('walking speed between places, m/s, as [min, max]'),
  home: z.string().min(1).default('home').describe('where devices spend the time outside activities: a place name or kind'),
  activities: z.array(activity).default([]).describe('daily activities; the first matching one wins when they overlap'),
  jitter: duration().prefault('30m').describe('each start and end time is shifted by a uniform draw in [-jitter, +jitter]'),
});

const stationary = z.strictObject({
  model: z.literal('stationary'),
  place: z.string().min(1).describe('the place (name) where these devices stay, spread within its radius'),
});

export const mobilitySchema = z
  .discriminatedUnion('model', [randomWaypoint, routine, stationary])
  .describe('how the devices move: random-waypoint, routine or stationary');

const churnSchema = z.strictObject({
  nightOff: z
    .strictObject({
      from: timeOfDay().prefault('22:00').describe('switch-off time'),
      to: timeOfDay().prefault('06:00').describe('switch-on time'),
      probability: probability().default(0.7).describe('chance that a device is off on a given night'),
    })
    .optional()
    .describe('devices switched off at night'),
  randomOff: z
    .strictObject({
      meanOn: duration().describe('mean time on between interruptions (exponential)'),
      meanOff: duration().describe('mean time off (exponential): app killed, airplane mode'),
    })
    .optional()
    .describe('random interruptions'),
  battery: z
    .strictObject({
      capacityWh: z.number().positive().describe('battery energy available to the app (Wh)'),
      scanW: z.number().min(0).optional().describe('scan power (W); default from the device profile'),
      advertiseW: z.number().min(0).optional().describe('advertising power (W); default from the device profile'),
      idleW: z.number().min(0).optional().describe('baseline power (W); default from the device profile'),
      joulesPerMB: z.number().min(0).optional().describe('transfer energy (J per 10^6 B); default from the device profile'),
      rechargeAt: timeOfDay().prefault('19:00').describe('time of day a flat battery is recharged to full'),
      initialCharge: probability().default(1).describe('charge at the start, as a fraction of capacity'),
    })
    .optional()
    .describe('battery model: a device whose battery is empty is off until the next recharge'),
});

export const POLICIES = ['epidemic', 'rarest-first', 'demand'] as const;

export const groupSchema = z.strictObject({
  name: z.string().min(1).describe('unique group name'),
  count: z.int().min(0).describe('number of devices'),
  device: z.string().min(1).optional().describe('calibration profile of these devices; default radio.profile'),
  mobility: mobilitySchema.prefault({ model: 'random-waypoint' }),
  churn: churnSchema.default({}).describe('when devices are off'),
  storage: size().prefault('1GB').describe('storage budget for adapters'),
  policy: z.enum(POLICIES).default('epidemic').describe('gossip policy: which adapters and chunks to fetch first'),
  questionsPerDay: z.number().min(0).default(0).describe('mean questions asked per device per day (Poisson)'),
});

export type GroupSpec = z.output<typeof groupSchema>;
export type MobilitySpec = z.output<typeof mobilitySchema>;
export type ChurnSpec = z.output<typeof churnSchema>;
