/**
 * One real device in a trial (`gossip hw node`): opens the node's library, loads the Bluetooth
 * stacks on the configured adapters (or joins a virtual air server), runs a `BleNode`, and logs
 * every node event as a JSON line (`t` = seconds since the node started) to the log file. It runs
 * until SIGINT/SIGTERM or the configured duration, then ends its sessions with a BYE, stops the
 * stacks and closes the log; the library is crash-safe, so it is intact whenever it stops.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_PROFILE, profileFor } from '../ble/gatt-profile.ts';
import { createBleNode } from '../ble/create-node.ts';
import type { NodeEvent } from '../ble/node-events.ts';
import { installAirHook, remoteConnector, wallNow, wallScheduler } from '../air/index.ts';
import { readKeyFile } from '../keys/key-file.ts';
import { openNodeLibrary } from './node-library.ts';
import type { NodeConfig } from './node-config.ts';

export interface HwNodeOptions {
  /** Human lines (start, verifications, stop). */
  readonly onLine?: (line: string) => void;
  /** Resolves when the node should stop (default: SIGINT or SIGTERM). */
  readonly stop?: Promise<unknown>;
}

export interface HwNodeResult {
  readonly events: number;
  readonly adapters: number;
  readonly seconds: number;
}

function signalled(): { promise: Promise<string>; dispose: () => void } {
  let dispose = () => {};
  const promise = new Promise<string>((resolve) => {
    const onInt = () => resolve('SIGINT');
    const onTerm = () => resolve('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    dispose = () => { process.off('SIGINT', onInt); process.off('SIGTERM', onTerm); };
  });
  return { promise, dispose };
}

export async function runHwNode(c: NodeConfig, o: HwNodeOptions = {}): Promise<HwNodeResult> {
  const say = o.onLine ?? (() => {});
  const key = readKeyFile(c.keyFile);
  if (c.air) installAirHook(remoteConnector(c.air, c.name, [c.centralDevice ?? 0, c.peripheralDevice ?? 1]));
  const { library } = openNodeLibrary({ dir: c.libraryDir, self: key.publicKey, publishers: c.publishers, tofu: c.tofu, budgetBytes: c.budgetBytes });
  const t0 = wallNow();
  let events = 0;
  let fd: number | undefined;
  const log = (e: NodeEvent) => {
    events++;
    if (fd === undefined) return;
    const { at, ...rest } = e;
    writeSync(fd, `${JSON.stringify({ t: Math.round((at - t0) / 1000) / 1000, at, ...rest })}\n`);
    if (e.event === 'adapter-verified') say(`${e.ok ? 'verified' : 'FAILED to verify'} ${e.adapter} (${(e.size / 1e6).toFixed(1)} MB)`);
    else if (e.event === 'encounter-end') say(`encounter with ${e.peer ?? 'unknown'} ended${e.error ? ` (${e.error})` : ''}: ${e.received} chunks in, ${e.sent} out`);
    else if (e.event === 'peer-misbehaved') say(`peer ${e.peer ?? 'unknown'} misbehaved: ${e.code}`);
  };
  // central and peripheral on one adapter: noble must leave ATT requests to bleno
  if (!c.air && c.centralDevice !== null && c.centralDevice === c.peripheralDevice) process.env.NOBLE_MULTI_ROLE = '1';
  const node = createBleNode({
    name: c.name, nodeId: key.publicKey, library, scheduler: wallScheduler(), profile: c.service ? profileFor(c.service) : DEFAULT_PROFILE,
    mtu: c.mtu, centralDevice: c.centralDevice, peripheralDevice: c.peripheralDevice, session: { capabilities: { maxInFlight: c.maxInFlight } }, log,
  });
  mkdirSync(dirname(c.logFile), { recursive: true });
  fd = openSync(c.logFile, 'a');
  let signals: ReturnType<typeof signalled> | undefined;
  try {
    await node.start();
    // registered after the stacks' own SIGINT handlers (they exit the process when they are the last one)
    signals = signalled();
    const held = library.entries().filter((e) => e.complete).length;
    say(`${c.name} is up (${c.air ? `virtual air ${c.air}` : `central ${c.centralDevice === null ? 'off' : `hci${c.centralDevice}`}, peripheral ${c.peripheralDevice === null ? 'off' : `hci${c.peripheralDevice}`}`}); ${held} adapters in ${c.libraryDir}; log ${c.logFile}; Ctrl-C stops`);
    const waits: Promise<unknown>[] = [o.stop ?? signals.promise];
    if (c.duration !== undefined) waits.push(new Promise((r) => setTimeout(r, c.duration! / 1000)));
    await Promise.race(waits);
  } finally {
    signals?.dispose();
    await node.stop();
    closeSync(fd);
    fd = undefined;
  }
  const adapters = library.entries().filter((e) => e.complete).length;
  say(`${c.name} stopped cleanly: ${adapters} complete adapters in ${c.libraryDir}`);
  return { events, adapters, seconds: (wallNow() - t0) / 1e6 };
}
