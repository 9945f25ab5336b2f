/**
 * Zod codecs for quantities with units (durations, sizes, rates, distances, times of day), ranges and
 * distributions. Decoding turns `30m` into Micros (or metres, depending on the codec), encoding turns
 * the value back into its shortest exact text form, so a parsed scenario can be written back as YAML
 * that loads to the same values. Each codec carries a description for the JSON Schema.
 * Knows nothing about which scenario field uses which codec.
 */
import { z } from 'zod';
import {
  UnitError, formatDistance, formatDuration, formatRate, formatSize, formatTimeOfDay,
  parseDistance, parseDuration, parseRate, parseSize, parseTimeOfDay,
} from '../units.ts';

type Parse = (v: string | number) => number;

/**
 * Schema-level message for a union (or any schema) that leaves a missing value to the generic
 * "missing required key" wording.
 */
export function orMissing(message: string) {
  return (iss: { input?: unknown }) => (iss.input === undefined ? undefined : message);
}
type Format = (v: number) => string | number;

function quantity(parse: Parse, format: Format, expected: string) {
  return z
    .codec(z.union([z.string(), z.number()], { error: orMissing(`expected ${expected}`) }), z.number(), {
      decode: (v, ctx) => {
        try {
          return parse(v);
        } catch (e) {
          if (!(e instanceof UnitError)) throw e;
          ctx.issues.push({ code: 'custom', message: e.message, input: v });
          return z.NEVER;
        }
      },
      encode: (v) => format(v),
    })
    .describe(expected);
}

/** The type of every quantity codec. */
export type Quantity = ReturnType<typeof quantity>;

/** A plain non-negative number (for distributions of counts or tokens per second). */
export const plainNumber = () =>
  quantity((v) => {
    const n = typeof v === 'number' ? v : v.trim() === '' ? NaN : Number(v);
    if (!Number.isFinite(n) || n < 0) throw new UnitError(`bad number ${JSON.stringify(v)}: expected a number >= 0`);
    return n;
  }, (n) => n, 'a number >= 0');

/** `30m`, `1.5h`, `7d`, `250ms`, or seconds → Micros. */
export const duration = () => quantity(parseDuration, formatDuration, 'a duration such as 250ms, 45s, 30m, 1.5h or 7d (bare number: seconds)');
/** `17.6MB`, `256KiB`, or bytes → bytes. */
export const size = () => quantity(parseSize, formatSize, 'a size such as 17.6MB, 256KiB or 50kB (bare number: bytes)');
/** `50kB/s`, `1.2Mbit/s`, or bytes per second → bytes per second. */
export const rate = () => quantity(parseRate, formatRate, 'a rate such as 50kB/s or 1.2Mbit/s (bare number: bytes per second)');
/** `30m`, `2km`, or metres → metres. */
export const distance = () => quantity(parseDistance, formatDistance, 'a distance such as 30m or 2km (bare number: metres)');
/** `22:00` → Micros since midnight. */
export const timeOfDay = () => quantity(parseTimeOfDay, formatTimeOfDay, 'a time of day such as "22:00" or "06:30"');

export const probability = () => z.number().min(0).max(1).describe('a probability between 0 and 1');

/** `[min, max]` with min <= max. */
export function range<T extends z.ZodType<number, string | number> | z.ZodNumber>(item: T, what: string) {
  return z
    .tuple([item, item])
    .refine((r) => (r[0] as number) <= (r[1] as number), { message: `${what}: [min, max] needs min <= max` })
    .describe(`${what} as [min, max]`);
}

/**
 * A distribution of a quantity, in one of three forms (values in the quantity's units):
 * a single value (no spread); `{median, p10?, p90?}` (a lognormal is fitted through the median and
 * the p10/p90 spread); or `{lognormal: {median, sigma, offset?}}` = offset + exp(Normal(ln median, sigma)).
 */
export function distribution(q: () => Quantity, what: string) {
  const quantiles = z
    .strictObject({ median: q(), p10: q().optional(), p90: q().optional() })
    .refine((d) => (d.p10 ?? d.median) <= d.median && d.median <= (d.p90 ?? d.median), {
      message: `${what}: needs p10 <= median <= p90`,
    });
  const lognormal = z.strictObject({
    lognormal: z.strictObject({
      median: q().describe(`median of the lognormal part (exp(mu)), ${what}`),
      sigma: z.number().min(0).describe('standard deviation of ln(value - offset)'),
      offset: q().optional().describe('constant added to every draw (a minimum); default 0'),
    }),
  });
  return z
    .union([q(), quantiles, lognormal], { error: orMissing(`expected ${what}: a value, {median, p10, p90} or {lognormal: {median, sigma, offset}}`) })
    .describe(`${what}: a value, {median, p10, p90} or {lognormal: {median, sigma, offset}}`);
}

export type Distribution = number | { median: number; p10?: number | undefined; p90?: number | undefined } | {
  lognormal: { median: number; sigma: number; offset?: number | undefined };
};
