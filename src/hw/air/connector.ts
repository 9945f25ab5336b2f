/**
 * How a virtual HCI socket reaches a controller: an `AirConnector` opens one controller per bound
 * socket and returns the connection that carries H4 packets both ways. The in-process connector
 * attaches straight to an `Air` in this process (tests, calibration, benches); the remote one
 * (remote-connector.ts) reaches an air server over a unix socket (one node per process).
 * Device ids map to node labels: all controllers of one node are invisible to each other.
 */
import type { Air } from './air.ts';

export interface AirConnection {
  /** One H4 packet from the host. */
  write(packet: Buffer): void;
  /** The host is gone: the controller detaches (its connections drop). */
  close(): void;
}

export interface AirConnector {
  /** Opens a controller for HCI device `devId`; each packet for the host is passed to `onPacket`. */
  open(devId: number, onPacket: (packet: Buffer) => void, onClose: () => void): AirConnection;
  /** HCI device ids this connector offers (getDeviceList). */
  devices(): readonly number[];
}

/**
 * Attaches sockets to `air` in this process. `nodes` maps device ids to node labels (a device id
 * not listed gets the label `hci<id>`).
 */
export function inProcessConnector(air: Air, nodes: ReadonlyMap<number, string> | ((devId: number) => string)): AirConnector {
  const nodeOf = typeof nodes === 'function' ? nodes : (d: number) => nodes.get(d) ?? `hci${d}`;
  return {
    open(devId, onPacket) {
      const c = air.attach(nodeOf(devId), onPacket);
      return { write: (p) => c.write(p), close: () => air.detach(c) };
    },
    devices: () => (typeof nodes === 'function' ? [0] : [...nodes.keys()]),
  };
}
