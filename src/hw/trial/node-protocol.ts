/**
 * Messages between the emulate runner and its node processes (over the child-process IPC channel)
 * and the configuration a node process starts with. Shapes only.
 */
import type { Hex, NodeId } from '../../core/types.ts';
import type { GattProfile } from '../ble/gatt-profile.ts';
import type { NodeEvent } from '../ble/node-events.ts';

export interface NodeProcessConfig {
  readonly name: string;
  readonly nodeId: NodeId;
  readonly libraryDir: string;
  readonly publishers: readonly Hex[];
  /** Unix socket of the air server. */
  readonly airSocket: string;
  readonly profile: GattProfile;
  readonly mtu: number;
  readonly maxInFlight: number;
  /** [node id, name] of every trial node. */
  readonly roster: readonly (readonly [NodeId, string])[];
}

export type ToNode = { readonly type: 'start'; readonly config: NodeProcessConfig } | { readonly type: 'stop' };

export type FromNode =
  | { readonly type: 'ready' }
  | { readonly type: 'event'; readonly event: NodeEvent }
  | { readonly type: 'stopped'; readonly cpu: NodeJS.CpuUsage }
  | { readonly type: 'failed'; readonly message: string };
