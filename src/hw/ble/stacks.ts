/**
 * Lazy loading of noble and bleno — the only place in the project that requires them. Turns the
 * ways a machine can lack Bluetooth (no kernel support, no adapter, no permission, adapter down)
 * into one-line actionable `UserError`s, and makes both stacks stoppable: their HCI layers poll
 * `isDevUp` every second forever, so a stopped stack's poll is made to return without re-arming
 * (patched once per process on each stack's Hci prototype) and its socket is stopped.
 */
import { createRequire } from 'node:module';
import { UserError } from '../../cli/user-error.ts';
import type { Bleno, Noble } from './stack-types.ts';

const req = createRequire(import.meta.url);

interface HciLike { _gossipStopped?: boolean; _socket?: { stop?: () => void } }
interface HciClass { prototype: { pollIsDevUp: (this: HciLike) => void; _gossipPatched?: boolean } }

function patchPoll(hciModule: string): void {
  const Hci = req(hciModule) as HciClass;
  const proto = Hci.prototype;
  if (proto._gossipPatched) return;
  const original = proto.pollIsDevUp;
  proto.pollIsDevUp = function pollIsDevUp(this: HciLike) {
    if (this._gossipStopped) return;
    original.call(this);
  };
  proto._gossipPatched = true;
}

const ADVICE = 'run on a Linux machine with a Bluetooth LE adapter, or use the virtual air (`gossip emulate`, or `air:` in the node config)';

/** A one-line explanation of why the Bluetooth stack could not start, naming what to do. */
export function bluetoothError(e: unknown, device: string): UserError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code ?? (typeof e === 'string' ? e : undefined);
  switch (code) {
    case 'EAFNOSUPPORT':
      return new UserError(`no Bluetooth on this machine: the kernel has no Bluetooth support (EAFNOSUPPORT); ${ADVICE}`);
    case 'ENODEV':
      return new UserError(`no Bluetooth adapter ${device} (ENODEV): list adapters with \`hciconfig -a\` or \`bluetoothctl list\` and set the device in the node config`);
    case 'EPERM': case 'EACCES': case 'unauthorized':
      return new UserError(`no permission to use Bluetooth adapter ${device} (${code}): run as root, or grant node raw-socket rights: sudo setcap cap_net_raw,cap_net_admin+eip "$(readlink -f "$(command -v node)")"`);
    case 'unsupported':
      return new UserError(`Bluetooth adapter ${device} does not support Bluetooth LE (HCI version < 4.0); use another adapter`);
    case 'poweredOff':
      return new UserError(`Bluetooth adapter ${device} is powered off or down: \`sudo hciconfig ${device} up\` (or \`bluetoothctl power on\`)`);
    case 'timeout':
      return new UserError(`Bluetooth adapter ${device} did not power on within the time limit; check \`hciconfig -a\` and that bluetoothd is not holding it`);
    default:
      return new UserError(`cannot start Bluetooth on ${device}: ${(e as Error)?.message ?? String(e)}; ${ADVICE}`);
  }
}

function load<T>(what: () => T, device: string): T {
  try {
    return what();
  } catch (e) {
    throw bluetoothError(e, device);
  }
}

/** A new noble central on HCI device `deviceId` (each call is an independent instance). */
export function loadNoble(deviceId: number): Noble {
  return load(() => {
    const noble = (req('@abandonware/noble/with-custom-binding') as (o: object) => Noble)({ deviceId });
    patchPoll('@abandonware/noble/lib/hci-socket/hci.js');
    return noble;
  }, `hci${deviceId}`);
}

/** The process's bleno peripheral (a singleton: the first call picks its HCI device). */
export function loadBleno(deviceId: number): Bleno {
  process.env.BLENO_HCI_DEVICE_ID = String(deviceId);
  return load(() => {
    const bleno = req('@abandonware/bleno') as Bleno;
    patchPoll('@abandonware/bleno/lib/hci-socket/hci.js');
    return bleno;
  }, `hci${deviceId}`);
}

interface Bindings { _hci?: HciLike; onSigIntBinded?: (...a: unknown[]) => void }

/** Stops a stack's HCI polling and socket, and removes its SIGINT handler (ours decides). */
export function stopStack(stack: Noble | Bleno): void {
  const b = (stack as unknown as { _bindings?: Bindings })._bindings;
  if (b?._hci) {
    b._hci._gossipStopped = true;
    try {
      b._hci._socket?.stop?.();
    } catch {
      // already stopped
    }
  }
  if (b?.onSigIntBinded) process.off('SIGINT', b.onSigIntBinded);
}

/** Waits for a stack to report poweredOn; other final states become actionable errors. */
export function waitPoweredOn(stack: { state?: string; _state?: string; on(e: 'stateChange', f: (s: string) => void): unknown; removeListener(e: string, f: (s: string) => void): unknown }, device: string, timeoutMs = 10_000): Promise<void> {
  const now = stack.state ?? stack._state;
  if (now === 'poweredOn') return Promise.resolve();
  return new Promise((resolve, reject) => {
    let last = now;
    const timer = setTimeout(() => finish(bluetoothError(last === 'poweredOff' ? 'poweredOff' : 'timeout', device)), timeoutMs);
    const onState = (s: string) => {
      last = s;
      if (s === 'poweredOn') finish();
      else if (s === 'unauthorized' || s === 'unsupported') finish(bluetoothError(s, device));
    };
    const finish = (e?: Error) => {
      clearTimeout(timer);
      stack.removeListener('stateChange', onState);
      if (e) reject(e);
      else resolve();
    };
    stack.on('stateChange', onState);
  });
}
