/**
 * Compliance suite for the `Inference` and `Embedder` ports (src/core/ports.ts): what every
 * implementation — node-llama-cpp here, stubs elsewhere — must do. Generation is deterministic for
 * a given adapter, streams exactly the text it returns, respects maxTokens; activating an adapter
 * and going back to none restores the base behaviour; embeddings have the declared dimensions, are
 * deterministic and do not depend on the active adapter.
 */
import { describe, it, expect } from 'vitest';
import type { Embedder, Inference } from '../../src/core/ports.ts';

export interface PortsUnderTest {
  readonly inference: Inference;
  readonly embedder: Embedder;
  /** Two adapter references the implementation accepts (file paths or store ids). */
  readonly adapters: readonly [string, string];
  /** Whether the two adapters are expected to change the output (false for stubs that ignore them). */
  readonly adaptersChangeOutput: boolean;
}

export function portsCompliance(name: string, open: () => PortsUnderTest): void {
  const prompt = 'How do I keep weevils out of stored maize?';
  describe(`Inference and Embedder ports: ${name}`, () => {
    it('generate is deterministic, streams what it returns and respects maxTokens', async () => {
      const { inference } = open();
      await inference.setAdapter(null);
      const pieces: string[] = [];
      const a = await inference.generate(prompt, { maxTokens: 6, onToken: (t) => pieces.push(t) });
      expect(pieces.join('')).toBe(a);
      expect(await inference.generate(prompt, { maxTokens: 6 })).toBe(a);
      const longer = await inference.generate(prompt, { maxTokens: 12 });
      expect(longer.startsWith(a)).toBe(true);
    });

    it('an adapter and back to none restores the base output', async () => {
      const { inference, adapters, adaptersChangeOutput } = open();
      await inference.setAdapter(null);
      const base = await inference.generate(prompt, { maxTokens: 8 });
      await inference.setAdapter(adapters[0]);
      const first = await inference.generate(prompt, { maxTokens: 8 });
      await inference.setAdapter(adapters[1]);
      const second = await inference.generate(prompt, { maxTokens: 8 });
      if (adaptersChangeOutput) expect(new Set([base, first, second]).size).toBe(3);
      await inference.setAdapter(adapters[0]);
      expect(await inference.generate(prompt, { maxTokens: 8 })).toBe(first);
      await inference.setAdapter(null);
      expect(await inference.generate(prompt, { maxTokens: 8 })).toBe(base);
    });

    it('embeddings have the declared dimensions, are deterministic and ignore the active adapter', async () => {
      const { inference, embedder, adapters } = open();
      await inference.setAdapter(null);
      const v = await embedder.embed(prompt);
      expect(v.length).toBe(embedder.dimensions);
      expect(Array.from(await embedder.embed(prompt))).toEqual(Array.from(v));
      await inference.setAdapter(adapters[1]);
      expect(Array.from(await embedder.embed(prompt))).toEqual(Array.from(v));
      expect(Array.from(await embedder.embed('A different question about fish ponds.'))).not.toEqual(Array.from(v));
      await inference.setAdapter(null);
    });
  });
}
