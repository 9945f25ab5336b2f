/**
 * Regenerates docs/summary.schema.json from the zod schema (summary-schema.ts).
 * Usage: node bin/run-ts.mjs src/report/gen-summary-schema.ts [out.json]
 */
import { writeJsonSchema } from './summary-schema.ts';

const out = process.argv[2] ?? 'docs/summary.schema.json';
await writeJsonSchema(out);
console.log(`wrote ${out}`);
