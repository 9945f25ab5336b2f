/**
 * The virtual air, measured. (1) Protocol efficiency: a 1 MB adapter (64 KiB chunks) from a bleno
 * peripheral node to a noble central node over the in-process air at MTU 244, for several link
 * rates; goodput = adapter bytes / (transfer start → complete), shown as % of the air's configured
 * link rate (the ceiling is 243/251 = 96.8 %: fragment, ATT and L2CAP headers). (2) An 8-node
 * emulated trial (8 processes, open air, two 1 MB adapters from different origins): wall time,
 * CPU of the runner and of the node processes. Run: npx tsx bench/air.ts [--skip-trial]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Air, inProcessConnector, installAirHook, wallScheduler } from '../src/hw/air/index.ts';
import { createBleNode, profileFor, type BleNode, type NodeEvent } from '../src/hw/ble/index.ts';
import { openNodeLibrary, parseTrial, placePacket, runTrial } from '../src/hw/trial/index.ts';
import { nodeIdOf, packetOf, publisher } from '../test/pair/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'bench-air-'));
const scheduler = wallScheduler();
const air = new Air({ scheduler });
const devices = new Map<number, string>();
installAirHook(inProcessConnector(air, devices));
const profile = profileFor(`bench-${process.pid}`);
const events: NodeEvent[] = [];

function node(name: string, device: number, role: 'central' | 'peripheral', withAdapter?: ReturnType<typeof packetOf>): BleNode {
  devices.set(device, name);
  const seed = openNodeLibrary({ dir: join(dir, name), self: nodeIdOf(name), publishers: [publisher.publicKey], durable: false });
  if (withAdapter) placePacket(seed.store, withAdapter.packet.manifest, withAdapter.payload);
  const { library } = withAdapter ? openNodeLibrary({ dir: join(dir, name), self: nodeIdOf(name), publishers: [publisher.publicKey], durable: false }) : seed;
  return createBleNode({
    name, nodeId: nodeIdOf(name), library, scheduler, profile, mtu: 244,
    centralDevice: role === 'central' ? device : null, peripheralDevice: role === 'peripheral' ? device : null, log: (e) => events.push(e),
  });
}

const SIZE = 1_000_000;
const adapter = packetOf(SIZE, 64 * 1024, 'bench-air');
const server = node('server', 0, 'peripheral', adapter);
await server.start();
console.log('protocol goodput over the virtual air, MTU 244, 1 MB adapter, 64 KiB chunks, 4 requests in flight:');
let device = 1;
for (const rate of [100_000, 400_000, 1_000_000]) {
  air.setModel({ rate });
  const name = `client-${rate}`;
  const client = node(name, device++, 'central');
  await client.start();
  const t0 = Date.now();
  while (!events.some((e) => e.event === 'transfer-complete' && e.node === name) && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 20));
  const start = events.find((e) => e.event === 'transfer-start' && e.node === name)!;
  const done = events.find((e) => e.event === 'transfer-complete' && e.node === name);
  await client.stop();
  if (!done) throw new Error(`transfer at ${rate} B/s did not complete`);
  const goodput = SIZE / ((done.at - start.at) / 1e6);
  console.log(`  link rate ${(rate / 1000).toFixed(0).padStart(5)} kB/s: goodput ${(goodput / 1000).toFixed(1).padStart(6)} kB/s = ${((100 * goodput) / rate).toFixed(1)} % of the link rate`);
}
await server.stop();
air.close();

if (!process.argv.includes('--skip-trial')) {
  const names = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8'];
  const trial = parseTrial(`name: bench-8
seed: 3
duration: 120s
nodes: [${names.join(', ')}]
air: {rate: 400kB/s, connectionSetup: 100ms, advertisingInterval: 100ms}
adapters:
  - {name: agronomy, origin: n1, size: 1MB, chunkSize: 64KiB}
  - {name: veterinary, origin: n8, size: 1MB, chunkSize: 64KiB}
`, 'bench-8.yaml', join(dir, 'bench-8.yaml'));
  const out = join(dir, 'bench-8');
  const run = await runTrial(trial, { outDir: out });
  const verified = new Set(run.records.flatMap((r) => (r.event === 'adapter-verified' && r.ok ? [`${r.node}/${r.adapter}`] : []))).size;
  const cpu = run.cpu.runner + run.cpu.nodes;
  console.log(`8-node emulated trial (open air, 2 x 1 MB adapters, 400 kB/s links): ended ${run.endReason} after ${run.seconds.toFixed(1)} s of trial; `
    + `${verified} of 14 copies verified; wall ${run.wallSeconds.toFixed(1)} s; CPU ${cpu.toFixed(1)} s (runner ${run.cpu.runner.toFixed(1)} s + nodes ${run.cpu.nodes.toFixed(1)} s) `
    + `= ${((100 * cpu) / run.wallSeconds).toFixed(0)} % of one core on average`);
}
rmSync(dir, { recursive: true, force: true });
