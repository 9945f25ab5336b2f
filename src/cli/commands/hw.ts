/**
 * `gossip hw node --config node.yaml` (one real device in a trial, or one process on a virtual air
 * server), `gossip hw calibrate [--radio emulated|hciN] [--model X.gguf] --out profile.yaml`
 * (the radio part here, the model part from calibrate-inference.ts), and `gossip hw air --socket S`
 * (a standalone virtual air server that `hw node` processes can join).
 */
import type { Argv, CommandModule } from 'yargs';
import { resolve } from 'node:path';
import { Air, startAirServer, wallScheduler } from '../../hw/air/index.ts';
import { calibrateRadio, type RadioCalibration } from '../../hw/calibrate/radio.ts';
import { writeRadioProfile } from '../../hw/calibrate/radio-profile.ts';
import { loadNodeConfig } from '../../hw/trial/node-config.ts';
import { runHwNode } from '../../hw/trial/hw-node.ts';
import { parseDuration, parseRate, UnitError } from '../../sim/units.ts';
import { UserError } from '../user-error.ts';
import { calibrateInferenceOptions, runCalibrateInference, type CalibrateInferenceArgs } from './calibrate-inference.ts';

const nodeCommand: CommandModule = {
  command: 'node',
  describe: 'Run this device as a gossiping node (noble central + bleno peripheral) until Ctrl-C; logs events as JSON lines',
  builder: (y: Argv) => y.option('config', { type: 'string', demandOption: true, describe: 'node YAML (see docs/ble.md)' }),
  handler: async (argv) => {
    const config = loadNodeConfig(String(argv.config));
    await runHwNode(config, { onLine: (l) => process.stdout.write(`${l}\n`) });
  },
};

function unit<T>(flag: string, v: unknown, parse: (s: string) => T): T | undefined {
  if (v === undefined) return undefined;
  try {
    return parse(String(v));
  } catch (e) {
    if (e instanceof UnitError) throw new UserError(`--${flag}: ${e.message}`);
    throw e;
  }
}

/** Runs the radio calibration and writes the link section into `out`. */
export async function runCalibrateRadio(argv: Record<string, unknown>, out: NodeJS.WritableStream = process.stdout): Promise<RadioCalibration> {
  const radio = String(argv.radio);
  const peer = argv.peer === undefined ? undefined : /^hci(\d+)$/.exec(String(argv.peer));
  if (argv.peer !== undefined && !peer) throw new UserError(`--peer ${String(argv.peer)}: expected an HCI device such as hci1`);
  const rate = unit('air-rate', argv['air-rate'], parseRate);
  const setup = unit('air-setup', argv['air-setup'], parseDuration);
  const trials = Number(argv.trials ?? 10);
  if (!Number.isInteger(trials) || trials < 1) throw new UserError(`--trials: expected a positive integer, got ${String(argv.trials)}`);
  const c = await calibrateRadio({
    radio, ...(peer ? { peerDevice: Number(peer[1]) } : {}),
    air: { ...(rate !== undefined ? { rate } : {}), ...(setup !== undefined ? { connectionSetup: setup } : {}) },
    discoveryTrials: trials, connectTrials: trials, log: (l) => out.write(`… ${l}\n`),
  });
  writeRadioProfile(String(argv.out), c, { baseProfile: String(argv['base-profile'] ?? 'conservative') });
  const med = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  out.write(`wrote ${String(argv.out)} (link section from --radio ${radio})\n`
    + `discovery ${med(c.discoveryMs).toFixed(0)} ms · connection setup ${med(c.connectMs).toFixed(0)} ms · ${c.connectFailures}/${c.connectAttempts} failed · ATT MTU ${c.attMtu}\n`
    + `goodput: ${c.goodput.map((g) => `${g.mtu} B ${(med(g.bytesPerSecond) / 1000).toFixed(1)} kB/s`).join(' · ')}\n`);
  return c;
}

const airCommand: CommandModule = {
  command: 'air',
  describe: 'Run a virtual air server (open air: every attached node in range) for `hw node` configs with `air:`, until Ctrl-C',
  builder: (y: Argv) =>
    y
      .option('socket', { type: 'string', demandOption: true, describe: 'unix socket path to listen on' })
      .option('rate', { type: 'string', default: '400kB/s', describe: 'link rate per connection and direction' })
      .option('setup', { type: 'string', default: '100ms', describe: 'connection setup time' }),
  handler: async (argv) => {
    const rate = unit('rate', argv.rate, parseRate)!;
    const connectionSetup = unit('setup', argv.setup, parseDuration)!;
    const air = new Air({ scheduler: wallScheduler(), model: { rate, connectionSetup } });
    const path = resolve(String(argv.socket));
    const server = await startAirServer(air, path);
    process.stdout.write(`virtual air on ${path} (open air, ${String(argv.rate)} per link, setup ${String(argv.setup)}); Ctrl-C stops\n`);
    await new Promise<void>((done) => process.once('SIGINT', () => done()));
    await server.close();
    air.close();
    process.stdout.write(`air stopped: ${air.stats.connections} connections, ${(air.stats.aclBytes / 1e6).toFixed(2)} MB carried\n`);
  },
};

const calibrateCommand: CommandModule = {
  command: 'calibrate',
  describe: 'Measure this machine (radio and/or local model) and write a calibration profile',
  builder: (y: Argv) =>
    calibrateInferenceOptions(y)
      .option('radio', { type: 'string', describe: 'emulated (virtual air in this process) or an HCI adapter such as hci0' })
      .option('peer', { type: 'string', describe: 'second HCI adapter of this machine for the peripheral role (hardware radio calibration)' })
      .option('air-rate', { type: 'string', describe: 'link rate of the emulated air (default 100kB/s)' })
      .option('air-setup', { type: 'string', describe: 'connection setup of the emulated air (default 400ms)' })
      .option('trials', { type: 'number', default: 10, describe: 'discovery scans and connections to time' })
      .demandOption('out')
      .check((a) => {
        if (a.radio === undefined && a.model === undefined) throw new UserError('hw calibrate: give --radio emulated|hciN, --model X.gguf, or both', 2);
        return true;
      })
      .example('$0 hw calibrate --radio emulated --out measured.yaml', 'the radio section, measured over the virtual air')
      .example('$0 hw calibrate --radio hci0 --peer hci1 --model qwen.gguf --out phone.yaml', 'a full profile on real hardware'),
  handler: async (argv) => {
    if (argv.radio !== undefined) await runCalibrateRadio(argv);
    if (argv.model !== undefined) await runCalibrateInference(argv as unknown as CalibrateInferenceArgs);
  },
};

export const hwCommand: CommandModule = {
  command: 'hw <command>',
  describe: 'Real devices: run a node, calibrate radio and model, serve a virtual air',
  builder: (y: Argv) => y.command(nodeCommand).command(calibrateCommand).command(airCommand).demandCommand(1),
  handler: () => {},
};
