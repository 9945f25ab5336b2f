/**
 * Helpers of the merge and eval integration tests: a temporary folder with the tiny random-weight
 * qwen2 model and a few synthetic adapters, and an in-process `gossip` runner over the real
 * command list.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import yargs, { type CommandModule } from 'yargs';
import { commands } from '../../src/cli/commands/index.ts';
import { UserError } from '../../src/cli/user-error.ts';
import { ALL_LORA_TARGETS, readGguf, synthAdapter, synthModel } from '../../src/hw/gguf/index.ts';

export interface TinySetup {
  readonly dir: string;
  readonly base: string;
  readonly adapters: readonly string[];
  path(name: string): string;
  cleanup(): void;
}

/** The tiny model and `names.length` rank-`rank` adapters named `<name>.gguf`. */
export function tinySetup(prefix: string, names: readonly string[], rank = 4): TinySetup {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const base = join(dir, 'tiny.gguf');
  synthModel({ shape: 'tiny', quant: 'q8_0', seed: 'merge-tests', out: base });
  const gguf = readGguf(base);
  const adapters = names.map((n) => {
    const out = join(dir, `${n}.gguf`);
    synthAdapter({ base: gguf, rank, alpha: 2 * rank, targets: ALL_LORA_TARGETS, seed: n, out, type: 'f32' });
    return out;
  });
  return { dir, base, adapters, path: (n) => join(dir, n), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `gossip <args>` in-process with every registered command; captures stdout. Errors the CLI would print come back as `error`. */
export async function gossip(...args: string[]): Promise<{ out: string; error: string | undefined }> {
  const list = commands as CommandModule[];
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
