/**
 * JSON Schemas for editors (YAML language server), generated from the zod schemas' input side so
 * that they accept exactly what the loader accepts (units as text, defaults shown). The committed
 * files are checked to be up to date by a test; regenerate with
 * `node bin/run-ts.mjs src/sim/scenario/write-json-schema.ts`.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { PROFILES_DIR, PROJECT_ROOT } from './load-profile.ts';
import { profileSchema } from './profile-schema.ts';
import { scenarioSchema } from './scenario-schema.ts';

export const SCENARIO_SCHEMA_FILE = join(PROJECT_ROOT, 'scenarios', 'scenario.schema.json');
export const PROFILE_SCHEMA_FILE = join(PROFILES_DIR, 'profile.schema.json');

function render(schema: z.ZodType, title: string): string {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return `${JSON.stringify({ $schema: json.$schema, title, ...json }, null, 2)}\n`;
}

export function scenarioJsonSchema(): string {
  return render(scenarioSchema, 'gossip-handshake scenario (see docs/scenario.md)');
}

export function profileJsonSchema(): string {
  return render(profileSchema, 'gossip-handshake calibration profile (see docs/scenario.md)');
}
