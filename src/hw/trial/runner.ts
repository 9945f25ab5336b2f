/**
 * Runs an emulated trial (`gossip emulate`): prepares identities, packets and libraries, starts
 * the virtual air with the trial's link model behind a unix-socket server, spawns one node
 * process per node (real noble + bleno over the air), starts the clock once every node is up,
 * plays the contact schedule, and ends when every adapter is verified everywhere (if asked), the
 * duration is over, a node fails, or on SIGINT. Children are always stopped, then killed if they
 * linger. Writes trial.jsonl while running; the caller turns the records into run outputs.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { UserError } from '../../cli/user-error.ts';
import { createRng } from '../../sim/rng.ts';
import { Air, ContactPlayer, startAirServer, wallNow, wallScheduler } from '../air/index.ts';
import { profileFor } from '../ble/gatt-profile.ts';
import type { Trial } from './load-trial.ts';
import type { FromNode, NodeProcessConfig, ToNode } from './node-protocol.ts';
import { prepareTrial, type PreparedTrial } from './prepare.ts';
import { TrialLog, type RunnerEvent, type TrialRecord } from './trial-log.ts';

export interface RunTrialOptions {
  readonly outDir: string;
  /** Human progress lines (verifications, contacts, the end). */
  readonly onLine?: (line: string) => void;
  /** Give up when the nodes are not all up after this long (ms). Default 60 s. */
  readonly startupTimeoutMs?: number;
}

export interface TrialRun {
  readonly prepared: PreparedTrial;
  readonly records: readonly TrialRecord[];
  /** Trial seconds (clock start to end). */
  readonly seconds: number;
  /** Wall seconds of the whole run, start-up and shutdown included. */
  readonly wallSeconds: number;
  readonly endReason: Extract<RunnerEvent, { event: 'trial-end' }>['reason'];
  /** CPU seconds (user + system) of the runner and of all node processes. */
  readonly cpu: { readonly runner: number; readonly nodes: number };
}

const req = createRequire(import.meta.url);
const NODE_MAIN = fileURLToPath(new URL('./node-main.ts', import.meta.url));

function spawnNode(outDir: string, name: string): ChildProcess {
  const child = fork(NODE_MAIN, [], {
    execArgv: ['--import', pathToFileURL(req.resolve('tsx')).href],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const dir = join(outDir, 'nodes', name);
  mkdirSync(dir, { recursive: true });
  child.stderr?.pipe(createWriteStream(join(dir, 'stderr.log')));
  return child;
}

export async function runTrial(trial: Trial, o: RunTrialOptions): Promise<TrialRun> {
  const wall0 = performance.now();
  const cpu0 = process.cpuUsage();
  mkdirSync(o.outDir, { recursive: true });
  const prepared = prepareTrial(trial, o.outDir);
  const scheduler = wallScheduler();
  const air = new Air({
    scheduler, rng: createRng(trial.seed).fork('air'), defaultInRange: trial.contacts === undefined,
    model: { rate: trial.air.rate, connectionSetup: trial.air.connectionSetup, advertisingInterval: trial.air.advertisingInterval, latency: trial.air.latency, loss: trial.air.loss, aclBuffers: trial.air.aclBuffers },
  });
  const socket = join(tmpdir(), `gossip-air-${process.pid}-${randomBytes(4).toString('hex')}.sock`);
  const server = await startAirServer(air, socket);
  const log = new TrialLog(join(o.outDir, 'trial.jsonl'), wallNow());
  const profile = profileFor(`${trial.name}/${trial.seed}/${randomBytes(4).toString('hex')}`);
  const roster = prepared.nodes.map((n) => [n.nodeId, n.name] as const);
  const holders = new Map(prepared.adapters.map((a) => [a.name, new Set([a.origin])]));
  const total = prepared.adapters.length * prepared.nodes.length;
  let held = prepared.adapters.length;
  let t0 = 0;
  const say = (line: string) => o.onLine?.(line);
  const since = () => ((wallNow() - t0) / 1e6).toFixed(1);

  const children = new Map<string, ChildProcess>();
  const ready = new Set<string>();
  const stopped = new Map<string, NodeJS.CpuUsage>();
  let failure: string | undefined;
  let wake: (() => void) | undefined;
  const poke = () => wake?.();

  for (const n of prepared.nodes) {
    const child = spawnNode(o.outDir, n.name);
    children.set(n.name, child);
    child.on('message', (m: FromNode) => {
      if (m.type === 'ready') ready.add(n.name);
      else if (m.type === 'stopped') stopped.set(n.name, m.cpu);
      else if (m.type === 'failed') failure ??= `${n.name}: ${m.message}`;
      else if (m.type === 'event') {
        const e = m.event;
        log.add(e);
        if (e.event === 'adapter-verified' && e.ok) {
          const h = holders.get(e.adapter);
          if (h && !h.has(e.node)) {
            h.add(e.node);
            held++;
            say(`t=${since()}s ${e.node} verified ${e.adapter} (${h.size}/${prepared.nodes.length} nodes)`);
          }
        }
      }
      poke();
    });
    child.on('exit', (code) => {
      if (!stopped.has(n.name) && code !== 0) failure ??= `${n.name}: node process exited with code ${code} (see ${join(o.outDir, 'nodes', n.name, 'stderr.log')})`;
      poke();
    });
    const config: NodeProcessConfig = {
      name: n.name, nodeId: n.nodeId, libraryDir: n.libraryDir, publishers: prepared.publishers, airSocket: socket, profile,
      mtu: trial.mtu, maxInFlight: trial.maxInFlight, roster,
    };
    child.send({ type: 'start', config } satisfies ToNode);
  }

  let interrupted = false;
  const onSigint = () => { interrupted = true; poke(); };
  process.on('SIGINT', onSigint);
  const waitUntil = async (cond: () => boolean, deadlineMs: number) => {
    while (!cond() && performance.now() < deadlineMs) {
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.max(1, Math.min(250, deadlineMs - performance.now())));
        wake = () => { clearTimeout(t); r(); };
      });
    }
  };

  let player: ContactPlayer | undefined;
  let endReason: TrialRun['endReason'] = 'duration';
  try {
    await waitUntil(() => ready.size === children.size || failure !== undefined || interrupted, performance.now() + (o.startupTimeoutMs ?? 60_000));
    if (failure) throw new UserError(`emulate ${trial.name}: a node failed to start: ${failure}`);
    if (interrupted) throw new UserError(`emulate ${trial.name}: interrupted during start-up`);
    if (ready.size < children.size) throw new UserError(`emulate ${trial.name}: nodes ${[...children.keys()].filter((k) => !ready.has(k)).join(', ')} did not start within ${(o.startupTimeoutMs ?? 60_000) / 1000} s`);
    t0 = wallNow();
    log.startAt(t0);
    log.add({ event: 'trial-start', nodes: trial.nodes, adapters: prepared.adapters.map((a) => a.name), contactSource: trial.contactSource }, t0);
    say(`${trial.name}: ${prepared.nodes.length} nodes up; trial clock started (${trial.contactSource}, up to ${trial.duration / 1e6} s)`);
    if (trial.contacts) {
      player = new ContactPlayer(air, scheduler, trial.contacts, (ch) => {
        log.add({ event: ch.up ? 'contact-start' : 'contact-end', a: ch.a, b: ch.b }, ch.at);
        say(`t=${since()}s ${ch.a} ${ch.up ? '<->' : '-/-'} ${ch.b}`);
      });
      player.start(t0);
    }
    const complete = () => trial.stopWhenComplete && held >= total;
    await waitUntil(() => complete() || failure !== undefined || interrupted, performance.now() + trial.duration / 1000);
    endReason = failure ? 'node-failed' : interrupted ? 'interrupted' : complete() ? 'complete' : 'duration';
    if (failure) log.add({ event: 'node-failed', node: failure.split(':')[0]!, message: failure }, wallNow());
  } finally {
    const tEnd = wallNow();
    if (t0 > 0) log.add({ event: 'trial-end', reason: endReason, seconds: (tEnd - t0) / 1e6 }, tEnd);
    player?.stop();
    for (const c of children.values()) if (c.connected) c.send({ type: 'stop' } satisfies ToNode);
    await waitUntil(() => [...children.values()].every((c) => c.exitCode !== null || c.signalCode !== null), performance.now() + 6000);
    for (const c of children.values()) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    process.off('SIGINT', onSigint);
    await server.close();
    air.close();
    log.close();
    if (t0 > 0) o.onLine?.(`trial ended (${endReason}) after ${((tEnd - t0) / 1e6).toFixed(1)} s`);
  }
  const cpu = process.cpuUsage(cpu0);
  const nodesCpu = [...stopped.values()].reduce((s, c) => s + (c.user + c.system) / 1e6, 0);
  const last = log.records.findLast((r) => r.event === 'trial-end') as Extract<TrialRecord, { event: 'trial-end' }> | undefined;
  return {
    prepared, records: log.records, seconds: last?.seconds ?? 0, wallSeconds: (performance.now() - wall0) / 1000, endReason,
    cpu: { runner: (cpu.user + cpu.system) / 1e6, nodes: nodesCpu },
  };
}
