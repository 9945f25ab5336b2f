// `gossip hw node` as a child process, as a user runs it: on this machine (no Bluetooth in the
// kernel) it fails with one actionable line; attached to a virtual air server it fetches an
// adapter from a peer, logs the trial events, and stops cleanly on SIGINT with its library intact.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startAirServer, type AirServer } from '../../src/hw/air/index.ts';
import { newKeyFile } from '../../src/hw/keys/key-file.ts';
import { openFsStore } from '../../src/hw/store/index.ts';
import { packetOf, publisher } from '../pair/fixtures.ts';
import { rosterOf, testAir, testNode, waitFor, type TestNode } from './kit.ts';

const t = testAir({ rate: 2_000_000 }, 'hw-node');
let server: AirServer | undefined;
let peer: TestNode | undefined;
const children: ReturnType<typeof spawn>[] = [];

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await peer?.node.stop();
  await server?.close();
  t.cleanup();
});

function gossip(args: string[]) {
  const child = spawn(process.execPath, ['bin/run-ts.mjs', 'test/ble/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += String(d); });
  child.stderr.on('data', (d) => { stderr += String(d); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

function config(name: string, extra = ''): string {
  const key = join(t.dir, `${name}.key`);
  newKeyFile(key);
  const file = join(t.dir, `${name}.yaml`);
  writeFileSync(file, `name: ${name}\nkey: ${name}.key\nlibrary: ${name}-library\ntrust: [${publisher.publicKey}]\n${extra}`);
  return file;
}

describe('gossip hw node', () => {
  it('explains in one line that this machine has no Bluetooth, and exits 1', async () => {
    const run = gossip(['hw', 'node', '--config', config('no-radio')]);
    expect(await run.exited).toBe(1);
    const lines = run.err().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: no Bluetooth on this machine: .*EAFNOSUPPORT.*virtual air/);
  });

  it('joins a virtual air, fetches an adapter, logs it, and stops cleanly on SIGINT', async () => {
    const { packet, payload } = packetOf(600_000, 32 * 1024, 'hw-node-adapter');
    peer = testNode(t, { name: 'peer', central: false, packets: [{ packet, payload }] }, rosterOf('peer'));
    await peer.node.start();
    server = await startAirServer(t.air, join(t.dir, 'air.sock'));
    const file = config('field-device', `air: air.sock\nservice: ${t.serviceTag}\nlog: field.jsonl\n`);
    const run = gossip(['hw', 'node', '--config', file]);
    const logFile = join(t.dir, 'field.jsonl');
    const logged = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
    await waitFor(() => logged().includes('"adapter-verified"'), 20_000, 'the hw node to verify the adapter');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    const events = logged().trim().split('\n').map((l) => JSON.parse(l) as { event: string; ok?: boolean });
    expect(events.find((e) => e.event === 'adapter-verified')).toMatchObject({ ok: true });
    expect(events.at(-1)).toMatchObject({ event: 'node-stopped', adapters: 1 });
    expect(run.out()).toMatch(/stopped cleanly: 1 complete adapters/);
    const store = openFsStore(join(t.dir, 'field-device-library'));
    expect(store.recovery.chunksDropped).toBe(0);
    expect(Buffer.from(store.exportPayload(packet.id)!).equals(Buffer.from(payload))).toBe(true);
  });
});
