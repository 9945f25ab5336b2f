/** `npm run golden`: rewrites results/golden/* from the current engine (review the diff!). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN, ROOT, goldenFiles } from './golden.ts';

for (const g of GOLDEN) {
  const dir = join(ROOT, 'results', 'golden', g.name);
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of await goldenFiles(g.scenario)) writeFileSync(join(dir, f), text);
  console.log(`wrote ${dir}`);
}
