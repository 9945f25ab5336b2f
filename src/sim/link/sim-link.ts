/**
 * A packet link on the simulator's virtual clock: two endpoints of the `Link` port (plus the
 * driver-side fields the BLE transport offers: onPacket, onClose, closed, bufferedAmount) whose
 * packets are serialised on one shared connection at a given goodput and latency, each delivery a
 * kernel event. Passes the same link compliance suite as the BLE connection over the virtual air
 * (test/ble/link-compliance.sim.test.ts). Knows nothing of sessions or nodes.
 */
import type { Link } from '../../core/ports.ts';
import type { Micros } from '../../core/types.ts';
import type { Kernel } from '../kernel/index.ts';
import { Priority } from '../kernel/index.ts';

export interface SimLinkEndpoint extends Link {
  readonly bufferedAmount: number;
  readonly closed: boolean;
  onPacket: ((packet: Uint8Array) => void) | undefined;
  onClose: ((reason: string) => void) | undefined;
}

export interface SimLinkOptions {
  readonly kernel: Kernel;
  /** Largest packet (bytes, 20–512). */
  readonly mtu: number;
  /** Goodput of the connection, bytes/s (shared by both directions, as on one BLE connection). */
  readonly bytesPerSecond: number;
  /** Propagation and stack latency added to every packet. */
  readonly latency?: Micros;
}

export function createSimLinkPair(o: SimLinkOptions): [SimLinkEndpoint, SimLinkEndpoint] {
  if (!(o.mtu >= 20 && o.mtu <= 512)) throw new RangeError(`sim link mtu must be 20-512, got ${o.mtu}`);
  let busyUntil: Micros = 0;
  let closed = false;
  const buffered = [0, 0];
  const ends: SimLinkEndpoint[] = [0, 1].map((side) => {
    const end: SimLinkEndpoint = {
      mtu: o.mtu,
      get bufferedAmount() { return buffered[side]!; },
      get closed() { return closed; },
      onPacket: undefined,
      onClose: undefined,
      send(packet: Uint8Array): void {
        if (packet.length > o.mtu) throw new RangeError(`packet of ${packet.length} bytes exceeds the link mtu ${o.mtu}`);
        if (closed) return;
        const copy = packet.slice();
        const start = Math.max(o.kernel.now, busyUntil);
        busyUntil = start + Math.max(1, Math.round((copy.length / o.bytesPerSecond) * 1e6));
        buffered[side]! += copy.length;
        o.kernel.schedule(busyUntil + (o.latency ?? 0), Priority.NORMAL, () => {
          buffered[side]! -= copy.length;
          if (!closed) ends[1 - side]!.onPacket?.(copy);
        }, 'sim-link packet');
      },
      close(reason: string): void {
        if (closed) return;
        closed = true;
        buffered[0] = 0;
        buffered[1] = 0;
        o.kernel.schedule(o.kernel.now, Priority.URGENT, () => {
          for (const e of ends) e.onClose?.(reason);
        }, 'sim-link close');
      },
    };
    return end;
  });
  return [ends[0]!, ends[1]!];
}
