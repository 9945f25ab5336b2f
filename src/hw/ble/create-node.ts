/**
 * Builds a `BleNode` on real stacks: loads noble (central) and bleno (peripheral) lazily on the
 * chosen HCI devices — real adapters, or virtual controllers when the air hook is installed —
 * and wires them into the node. bleno is a process singleton: one node with a peripheral per
 * process. Errors on machines without Bluetooth are one-line `UserError`s (stacks.ts).
 */
import type { Library } from '../../core/library/index.ts';
import type { Scheduler } from '../../core/ports.ts';
import type { SessionConfig } from '../../core/session/index.ts';
import type { NodeId } from '../../core/types.ts';
import { BleCentral } from './central.ts';
import type { GattProfile } from './gatt-profile.ts';
import { BleNode } from './node.ts';
import type { NodeEvent } from './node-events.ts';
import { BlePeripheral } from './peripheral.ts';
import { loadBleno, loadNoble } from './stacks.ts';

export interface CreateNodeOptions {
  readonly name: string;
  readonly nodeId: NodeId;
  readonly library: Library;
  readonly scheduler: Scheduler;
  /** HCI device of the central (noble); null: no central. */
  readonly centralDevice: number | null;
  /** HCI device of the peripheral (bleno); null: no peripheral. */
  readonly peripheralDevice: number | null;
  readonly profile?: GattProfile;
  /** Fragment size (default 244). */
  readonly mtu?: number;
  readonly connectTimeoutMs?: number;
  readonly session?: Omit<SessionConfig, 'nodeId' | 'library'>;
  readonly roster?: ReadonlyMap<NodeId, string>;
  readonly log: (e: NodeEvent) => void;
}

export function createBleNode(o: CreateNodeOptions): BleNode {
  const shared = { ...(o.profile ? { profile: o.profile } : {}), ...(o.mtu ? { mtu: o.mtu } : {}) };
  const central = o.centralDevice === null ? undefined
    : new BleCentral(loadNoble(o.centralDevice), { ...shared, device: `hci${o.centralDevice}`, ...(o.connectTimeoutMs ? { connectTimeoutMs: o.connectTimeoutMs } : {}) });
  const peripheral = o.peripheralDevice === null ? undefined
    : new BlePeripheral(loadBleno(o.peripheralDevice), { ...shared, device: `hci${o.peripheralDevice}` });
  return new BleNode({
    name: o.name, nodeId: o.nodeId, library: o.library, scheduler: o.scheduler, log: o.log,
    ...(central ? { central } : {}), ...(peripheral ? { peripheral } : {}), ...(o.session ? { session: o.session } : {}), ...(o.roster ? { roster: o.roster } : {}),
  });
}
