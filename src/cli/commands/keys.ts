/** `gossip keys new`: create an Ed25519 publisher/node key file. */
import type { CommandModule } from 'yargs';

export const keysCommand: CommandModule = {
  command: 'keys <action>',
  describe: 'Manage Ed25519 keys (publishers sign adapter packets; nodes identify themselves)',
  builder: (y) =>
    y
      .positional('action', { choices: ['new'] as const, describe: 'new: write a fresh key file' })
      .option('out', { type: 'string', demandOption: true, describe: 'key file to write (mode 0600)' })
      .option('force', { type: 'boolean', default: false, describe: 'overwrite an existing key file' }),
  handler: async (argv) => {
    const { newKeyFile } = await import('../../hw/keys/key-file.ts');
    const key = newKeyFile(String(argv.out), Boolean(argv.force));
    process.stdout.write(`wrote ${argv.out}\npublic key ${key.publicKey}\n`);
  },
};
