import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './load-profile.ts';
import { PROFILE_SCHEMA_FILE, SCENARIO_SCHEMA_FILE, profileJsonSchema, scenarioJsonSchema } from './json-schema.ts';

const REGENERATE = 'regenerate with: node bin/run-ts.mjs src/sim/scenario/write-json-schema.ts';

/** Every property name used anywhere in a JSON Schema. */
function propertyNames(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => propertyNames(s, out));
  else if (schema && typeof schema === 'object') {
    for (const [k, v] of Object.entries(schema)) {
      if (k === 'properties' && v && typeof v === 'object') Object.keys(v).forEach((p) => out.add(p));
      propertyNames(v, out);
    }
  }
  return out;
}

describe('JSON Schemas for editors', () => {
  it('scenarios/scenario.schema.json is up to date with the zod schema', () => {
    expect(readFileSync(SCENARIO_SCHEMA_FILE, 'utf8'), REGENERATE).toBe(scenarioJsonSchema());
  });

  it('scenarios/profiles/profile.schema.json is up to date with the zod schema', () => {
    expect(readFileSync(PROFILE_SCHEMA_FILE, 'utf8'), REGENERATE).toBe(profileJsonSchema());
  });

  it('rejects unknown keys and shows defaults in input form', () => {
    const schema = JSON.parse(scenarioJsonSchema());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.sampleEvery.default).toBe('10m');
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'duration', 'world', 'groups']));
  });

  it('every scenario and profile key is documented in docs/scenario.md', () => {
    const doc = readFileSync(join(PROJECT_ROOT, 'docs', 'scenario.md'), 'utf8');
    const names = propertyNames(JSON.parse(scenarioJsonSchema()));
    const missing = [...names].filter((n) => !doc.includes(`\`${n}\``));
    expect(missing).toEqual([]);
  });
});
