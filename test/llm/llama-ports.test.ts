/** The `Inference`/`Embedder` compliance suite run against node-llama-cpp on the tiny model. */
import { beforeAll, afterAll } from 'vitest';
import type { Embedder } from '../../src/core/ports.ts';
import { openLocalModel, type LocalModel } from '../../src/hw/llm/index.ts';
import { tinyFixture, type TinyFixture } from './fixture.ts';
import { portsCompliance } from './ports-compliance.ts';

let fx: TinyFixture;
let model: LocalModel;
let embedder: Embedder;

beforeAll(async () => {
  fx = tinyFixture('llm-ports');
  model = await openLocalModel({ modelPath: fx.base, threads: 1 });
  embedder = await model.embedder();
});
afterAll(async () => {
  await model?.dispose();
  fx?.cleanup();
});

portsCompliance('node-llama-cpp (tiny qwen2, live adapter swap)', () => ({
  inference: model,
  embedder,
  adapters: [fx.adapters.agronomy, fx.adapters.veterinary],
  adaptersChangeOutput: true,
}));
