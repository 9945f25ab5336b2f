/**
 * Entry point of one emulated node process (spawned by the emulate runner with tsx): on `start`
 * it points the Bluetooth stacks at the air server (require hook), opens its library, starts a
 * `BleNode` with both roles, and forwards every node event to the runner; on `stop` (or when the
 * runner goes away) it ends its sessions, stops the stacks and exits — noble and bleno would keep
 * the process alive otherwise.
 */
import { installAirHook, remoteConnector, wallScheduler } from '../air/index.ts';
import { createBleNode, type BleNode } from '../ble/index.ts';
import type { FromNode, NodeProcessConfig, ToNode } from './node-protocol.ts';
import { openNodeLibrary } from './node-library.ts';

function send(m: FromNode): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(m, undefined, {}, () => resolve());
  });
}

let node: BleNode | undefined;

async function start(c: NodeProcessConfig): Promise<void> {
  installAirHook(remoteConnector(c.airSocket, c.name, [0, 1]));
  const { library } = openNodeLibrary({ dir: c.libraryDir, self: c.nodeId, publishers: c.publishers });
  node = createBleNode({
    name: c.name, nodeId: c.nodeId, library, scheduler: wallScheduler(), profile: c.profile, mtu: c.mtu,
    centralDevice: 0, peripheralDevice: 1, roster: new Map(c.roster), session: { capabilities: { maxInFlight: c.maxInFlight } },
    log: (event) => void send({ type: 'event', event }),
  });
  await node.start();
  // registered after the stacks' own SIGINT handlers, which exit only when they are the last one
  process.on('SIGINT', () => {}); // the runner decides when we stop
  await send({ type: 'ready' });
}

async function stop(code: number): Promise<never> {
  const t = setTimeout(() => process.exit(code), 3000);
  try {
    await node?.stop();
  } finally {
    clearTimeout(t);
  }
  await send({ type: 'stopped', cpu: process.cpuUsage() });
  process.exit(code);
}

process.on('message', (m: ToNode) => {
  if (m.type === 'start') {
    start(m.config).catch(async (e: unknown) => {
      await send({ type: 'failed', message: (e as Error).message });
      process.exit(1);
    });
  } else if (m.type === 'stop') void stop(0);
});
process.on('disconnect', () => void stop(1));
