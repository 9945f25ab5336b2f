/**
 * End to end through the command modules (parsed by yargs exactly as `gossip` does, in-process):
 * model synth → adapter synth → keys new → adapter pack (GGUF, --base, reference file → centroid)
 * → library add → ask (keyword and embedding) → model info, adapter import-peft, and the errors a
 * user sees for a missing model, a GGUF packed without its base, and a PEFT shape mismatch.
 * The inference commands are merged into the registered list if the CLI does not list them yet.
 */
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs, { type CommandModule } from 'yargs';
import { commands } from '../../src/cli/commands/index.ts';
import { adapterCommand } from '../../src/cli/commands/adapter.ts';
import { askCommand } from '../../src/cli/commands/ask.ts';
import { modelCommand } from '../../src/cli/commands/model.ts';
import { UserError } from '../../src/cli/user-error.ts';
import { peftName, writePeftFolder } from '../../src/hw/gguf/test-kit.ts';

let dir: string;
const p = (n: string) => join(dir, n);
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'llm-cli-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function gossip(...args: string[]): Promise<{ out: string; error: string | undefined }> {
  const list: CommandModule[] = [...commands] as CommandModule[];
  for (const c of [modelCommand, askCommand, adapterCommand]) {
    const name = String(c.command).split(' ')[0];
    const i = list.findIndex((x) => String(x.command).split(' ')[0] === name);
    if (i >= 0) list[i] = c;
    else list.push(c);
  }
  const parser = yargs(args).scriptName('gossip').strict().demandCommand(1).fail((msg, err) => { throw err ?? new UserError(msg, 2); });
  for (const c of list) parser.command(c);
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => { chunks.push(String(c)); return true; });
  try {
    await parser.parseAsync();
    return { out: chunks.join(''), error: undefined };
  } catch (e) {
    if (e instanceof UserError) return { out: chunks.join(''), error: e.message };
    throw e;
  } finally {
    spy.mockRestore();
  }
}

describe('gossip model / adapter / library / ask', () => {
  it('build a library of GGUF adapters and answer questions from it', async () => {
    const synth = await gossip('model', 'synth', '--shape', 'tiny', '--quant', 'q8_0', '--seed', '3', '--out', p('tiny.gguf'));
    expect(synth.error).toBeUndefined();
    const baseId = /base model ([0-9a-f]{64})/.exec(synth.out)?.[1];
    expect(baseId).toBeDefined();
    expect((await gossip('keys', 'new', '--out', p('pub.key'))).error).toBeUndefined();
    const texts: Record<string, string> = {
      veterinary: 'Newcastle disease kills village chickens; vaccinate every three months with eye-drop vaccine.\n# a comment line\nDip cattle against ticks every two weeks in the rains.\n',
      aquaculture: 'Stock tilapia fingerlings at three per square metre in a fertilised pond.\n',
    };
    for (const [d, seed] of [['veterinary', 'v'], ['aquaculture', 'a']] as const) {
      const a = await gossip('adapter', 'synth', '--base', p('tiny.gguf'), '--rank', '4', '--targets', 'q,v,down', '--seed', seed, '--out', p(`${d}.gguf`));
      expect(a.out).toContain('6 A/B pairs');
      writeFileSync(p(`${d}.txt`), texts[d]!);
      const pack = await gossip('adapter', 'pack', p(`${d}.gguf`), '--base', p('tiny.gguf'), '--domain', d, '--reference', p(`${d}.txt`), '--key', p('pub.key'), '--name', `${d}-expert`, '--out', p(`${d}.pkt`));
      expect(pack.error).toBeUndefined();
      expect(pack.out).toContain(`base model ${baseId}`);
      expect(pack.out).toMatch(/centroid of \d reference texts \(64 dims\)/);
      expect((await gossip('adapter', 'verify', p(`${d}.pkt`))).out).toContain(`base      ${baseId}`);
      expect((await gossip('library', 'add', p('lib'), p(`${d}.pkt`))).error).toBeUndefined();
    }
    const ask = await gossip('ask', 'My goats are coughing, is there a vaccine?', '--model', p('tiny.gguf'), '--library', p('lib'), '--max-tokens', '6', '--cache', p('cache'));
    expect(ask.error).toBeUndefined();
    expect(ask.out).toContain('2 adapters for this base');
    expect(ask.out).toMatch(/route: veterinary-expert \(veterinary\) · keyword · confidence 1\.00 · hits: goat, vaccine/);
    expect(ask.out).toMatch(/route [\d.]+ ms · swap [\d.]+ ms \(first load\) · first token [\d.]+ ms · [\d.]+ tokens\/s \(6 tokens/);
    const emb = await gossip('ask', 'Stock tilapia fingerlings at three per square metre in a fertilised pond.', '--model', p('tiny.gguf'), '--library', p('lib'), '--router', 'embedding', '--max-tokens', '2', '--cache', p('cache'));
    expect(emb.error).toBeUndefined();
    expect(emb.out).toMatch(/route: (aquaculture-expert \(aquaculture\)|base model \(low-confidence\)) · embedding · confidence/);
    const info = await gossip('model', 'info', p('tiny.gguf'));
    expect(info.out).toContain(`base model ${baseId}`);
    expect((await gossip('model', 'info', p('veterinary.gguf'))).out).toContain('adapter lora · alpha 8');
  });

  it('import a PEFT folder and pack it for the same base', async () => {
    const r = 2;
    writePeftFolder(p('peft'), { r, lora_alpha: 4 }, [
      { name: peftName(0, 'q_proj', 'A'), shape: [r, 64], values: new Float32Array(r * 64).fill(0.01) },
      { name: peftName(0, 'q_proj', 'B'), shape: [64, r], values: new Float32Array(64 * r).fill(0.02) },
    ]);
    const imp = await gossip('adapter', 'import-peft', p('peft'), '--base', p('tiny.gguf'), '--out', p('peft.gguf'));
    expect(imp.error).toBeUndefined();
    expect(imp.out).toContain('1 A/B pairs, rank 2, alpha 4');
    expect((await gossip('adapter', 'pack', p('peft.gguf'), '--base', p('tiny.gguf'), '--domain', 'soil', '--key', p('pub.key'), '--out', p('peft.pkt'))).error).toBeUndefined();
  });

  it('tell the user what is wrong, naming the file', async () => {
    const noModel = await gossip('ask', 'hello', '--model', p('nope.gguf'), '--library', p('lib'));
    expect(noModel.error).toBe(`${p('nope.gguf')}: cannot read the file (no such file)`);
    const noBase = await gossip('adapter', 'pack', p('veterinary.gguf'), '--domain', 'veterinary', '--key', p('pub.key'), '--out', p('x.pkt'));
    expect(noBase.error).toContain('pass --base');
    writePeftFolder(p('bad-peft'), { r: 2, lora_alpha: 4 }, [
      { name: peftName(1, 'k_proj', 'A'), shape: [2, 64], values: new Float32Array(128) },
      { name: peftName(1, 'k_proj', 'B'), shape: [64, 2], values: new Float32Array(128) },
    ]);
    const bad = await gossip('adapter', 'import-peft', p('bad-peft'), '--base', p('tiny.gguf'), '--out', p('bad.gguf'));
    expect(bad.error).toContain(peftName(1, 'k_proj', 'B'));
    expect(bad.error).toContain('[64, 2]');
    expect(bad.error).toContain('[32, 2]');
  });
});
