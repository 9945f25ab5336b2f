import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOLDEN, ROOT, goldenFiles } from './golden.ts';

describe('golden outputs (regenerate with `npm run golden` after an intended change)', () => {
  for (const g of GOLDEN) {
    it(`${g.name} reproduces results/golden/${g.name}/ byte for byte`, async () => {
      for (const [f, text] of await goldenFiles(g.scenario)) {
        expect(text, `${g.name}/${f}`).toBe(readFileSync(join(ROOT, 'results', 'golden', g.name, f), 'utf8'));
      }
    });
  }
});
