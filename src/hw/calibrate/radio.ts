/**
 * Radio calibration (`gossip hw calibrate --radio emulated|hciN`): measures, with the real noble
 * and bleno stacks in this process, what the link part of a calibration profile needs —
 * discovery latency (scan start → first sighting with our scan response), connection setup
 * (connect + MTU exchange + service discovery + subscribe), connection failures, and goodput of
 * notifications (peripheral → central, the bulk direction) for several fragment sizes.
 * `emulated` runs both roles on a virtual air in this process with a given link model (it checks
 * the harness and the stacks' overhead, and shows what the model turns into); `hciN` runs the
 * central on hciN and the peripheral on another adapter of this machine (`peerDevice`).
 * Knows nothing about profile files (radio-profile.ts writes them).
 */
import { hostname } from 'node:os';
import { Air, inProcessConnector, installAirHook, wallScheduler, type LinkModel } from '../air/index.ts';
import { BleCentral, BlePeripheral, loadBleno, loadNoble, profileFor, type LinkEndpoint } from '../ble/index.ts';
import { UserError } from '../../cli/user-error.ts';

export interface RadioCalibrationOptions {
  /** 'emulated' or an HCI device name (`hci0`). */
  readonly radio: string;
  /** HCI device of the peripheral for a hardware calibration (another adapter of this machine). */
  readonly peerDevice?: number;
  /** Link model of the emulated air. */
  readonly air?: Partial<LinkModel>;
  readonly discoveryTrials?: number;
  readonly connectTrials?: number;
  /** Fragment sizes (GATT payload bytes per packet) to measure goodput at. */
  readonly mtus?: readonly number[];
  /** Bytes sent per goodput run (three runs per size). */
  readonly goodputBytes?: number;
  readonly log?: (line: string) => void;
}

export interface GoodputSample {
  /** GATT payload bytes per packet. */
  readonly mtu: number;
  /** Payload bytes per second, one value per run. */
  readonly bytesPerSecond: readonly number[];
}

export interface RadioCalibration {
  readonly radio: string;
  readonly date: string;
  readonly machine: string;
  /** The emulated air's model (undefined on hardware). */
  readonly air: LinkModel | undefined;
  readonly discoveryMs: readonly number[];
  readonly connectMs: readonly number[];
  readonly connectAttempts: number;
  readonly connectFailures: number;
  /** ATT MTU negotiated by the stacks. */
  readonly attMtu: number;
  readonly goodput: readonly GoodputSample[];
  /** Scan window / interval the central used (ms). */
  readonly scan: { readonly windowMs: number; readonly intervalMs: number };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function deviceNumber(radio: string): number {
  const m = /^hci(\d+)$/.exec(radio);
  if (!m) throw new UserError(`--radio ${radio}: expected "emulated" or an HCI device such as hci0`);
  return Number(m[1]);
}

/** Resolves with the next sighting of our peripheral after `since` (or rejects after `ms`). */
function nextSighting(central: BleCentral, ms: number): Promise<{ address: string; at: number }> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => { central.onSighting = undefined; reject(new Error(`no peripheral sighted within ${ms} ms`)); }, ms);
    central.onSighting = (s) => {
      if (!s.info) return;
      clearTimeout(t);
      central.onSighting = undefined;
      resolve({ address: s.address, at: performance.now() });
    };
  });
}

async function goodputRun(central: BleCentral, peripheral: BlePeripheral, address: string, mtu: number, bytes: number): Promise<number> {
  const accepted = new Promise<LinkEndpoint>((resolve) => { peripheral.onConnection = (l) => resolve(l); });
  const down = await central.connect(address, { mtu });
  const up = await accepted;
  let got = 0;
  let last = 0;
  down.onPacket = (p) => { got += p.length; last = performance.now(); };
  const packet = new Uint8Array(mtu).fill(0x5a);
  const n = Math.ceil(bytes / mtu);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) up.send(packet);
  const deadline = t0 + 120_000;
  while (got < n * mtu && performance.now() < deadline) await sleep(5);
  const closed = new Promise<void>((r) => { down.onClose = () => r(); });
  down.close('calibration');
  await closed;
  if (got < n * mtu) throw new Error(`goodput run at mtu ${mtu} received ${got} of ${n * mtu} bytes`);
  return (n * mtu) / ((last - t0) / 1000);
}

export async function calibrateRadio(o: RadioCalibrationOptions): Promise<RadioCalibration> {
  const log = o.log ?? (() => {});
  let air: Air | undefined;
  let centralDev: number;
  let peripheralDev: number;
  if (o.radio === 'emulated') {
    air = new Air({ scheduler: wallScheduler(), model: { rate: 100_000, connectionSetup: 400_000, advertisingInterval: 100_000, ...o.air } });
    installAirHook(inProcessConnector(air, new Map([[0, 'calibration-central'], [1, 'calibration-peripheral']])));
    centralDev = 0;
    peripheralDev = 1;
  } else {
    centralDev = deviceNumber(o.radio);
    if (o.peerDevice === undefined) throw new UserError(`--radio ${o.radio}: a hardware calibration needs a second adapter for the peripheral role: pass --peer hciN`);
    peripheralDev = o.peerDevice;
  }
  const profile = profileFor(`calibration/${process.pid}`);
  const peripheral = new BlePeripheral(loadBleno(peripheralDev), { profile, device: `hci${peripheralDev}` });
  const central = new BleCentral(loadNoble(centralDev), { profile, device: `hci${centralDev}` });
  try {
    await peripheral.start({ nodePrefix: 'ca11b4a7e0000000', digest: '0000000000000000', central: false });
    const first = nextSighting(central, 20_000);
    await central.start();
    const { address } = await first;

    const discoveryMs: number[] = [];
    for (let i = 0; i < (o.discoveryTrials ?? 10); i++) {
      // start at a random phase of the advertising events (right after a sighting would always wait one full period)
      await sleep(Math.random() * 300);
      await central.rescan();
      const t0 = performance.now();
      const s = await nextSighting(central, 20_000);
      discoveryMs.push(s.at - t0);
    }
    log(`discovery: ${discoveryMs.length} scans`);

    const connectMs: number[] = [];
    let failures = 0;
    let attempts = 0;
    let attMtu = 23;
    for (let i = 0; i < (o.connectTrials ?? 10); i++) {
      attempts++;
      const accepted = new Promise<LinkEndpoint>((resolve) => { peripheral.onConnection = (l) => resolve(l); });
      const t0 = performance.now();
      try {
        const link = await central.connect(address);
        connectMs.push(performance.now() - t0);
        await accepted;
        attMtu = Math.max(attMtu, link.mtu + 3);
        const closed = new Promise<void>((r) => { link.onClose = () => r(); });
        link.close('calibration');
        await closed;
      } catch {
        failures++;
      }
      await nextSighting(central, 20_000); // advertising again before the next attempt
    }
    log(`connection setup: ${connectMs.length} of ${attempts} attempts succeeded`);

    const goodput: GoodputSample[] = [];
    for (const mtu of o.mtus ?? [20, 64, 128, 244]) {
      const runs: number[] = [];
      for (let r = 0; r < 3; r++) {
        runs.push(await goodputRun(central, peripheral, address, mtu, o.goodputBytes ?? 100_000));
        await nextSighting(central, 20_000);
      }
      goodput.push({ mtu, bytesPerSecond: runs });
      log(`goodput at ${mtu} B per packet: ${(runs[1]! / 1000).toFixed(1)} kB/s`);
    }
    return {
      radio: o.radio, date: new Date().toISOString().slice(0, 10), machine: `${hostname()} (${process.platform}/${process.arch}, node ${process.version})`,
      air: air?.model, discoveryMs, connectMs, connectAttempts: attempts, connectFailures: failures, attMtu, goodput,
      scan: { windowMs: 11.25, intervalMs: 11.25 },
    };
  } finally {
    await central.stop();
    await peripheral.stop();
    air?.close();
  }
}
