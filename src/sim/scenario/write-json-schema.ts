/**
 * Writes scenarios/scenario.schema.json and scenarios/profiles/profile.schema.json from the zod
 * schemas. Run: node bin/run-ts.mjs src/sim/scenario/write-json-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { PROFILE_SCHEMA_FILE, SCENARIO_SCHEMA_FILE, profileJsonSchema, scenarioJsonSchema } from './json-schema.ts';

writeFileSync(SCENARIO_SCHEMA_FILE, scenarioJsonSchema());
writeFileSync(PROFILE_SCHEMA_FILE, profileJsonSchema());
console.log(`wrote ${SCENARIO_SCHEMA_FILE}\nwrote ${PROFILE_SCHEMA_FILE}`);
