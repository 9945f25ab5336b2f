import { describe, expect, it } from 'vitest';
import { commands } from './index.ts';
import { COMMAND_LOADERS, commandsFor } from './registry.ts';

const nameOf = (c: { command?: unknown }) => String(c.command).split(' ')[0];

describe('command registry', () => {
  it('lists the same commands as the full list, each loading the right module', async () => {
    expect(Object.keys(COMMAND_LOADERS).sort()).toEqual(commands.map(nameOf).sort());
    for (const [name, load] of Object.entries(COMMAND_LOADERS)) expect(nameOf(await load())).toBe(name);
  });

  it('loads only the named command, and everything for --help or an unknown name', async () => {
    expect((await commandsFor(['one', 'run', 'x.txt'])).map(nameOf)).toEqual(['one']);
    expect(await commandsFor(['sim', '--help'])).toHaveLength(commands.length);
    expect(await commandsFor(['simm'])).toHaveLength(commands.length);
  });
});
