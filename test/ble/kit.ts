/**
 * Test kit for the BLE transport over an in-process virtual air: the air with the require hook
 * installed (device ids mapped to node names), nodes on real noble/bleno with filesystem
 * libraries in a temporary folder, an event recorder, and bounded waiting. bleno is a process
 * singleton, so a test file holds at most one node with a peripheral.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Air, inProcessConnector, installAirHook, wallScheduler, type LinkModel } from '../../src/hw/air/index.ts';
import { createBleNode, profileFor, type BleNode, type GattProfile, type NodeEvent } from '../../src/hw/ble/index.ts';
import { openNodeLibrary, placePacket, type NodeLibrary } from '../../src/hw/trial/node-library.ts';
import type { BuiltPacket } from '../../src/core/packet/index.ts';
import { nodeIdOf, publisher } from '../pair/fixtures.ts';

export interface TestAir {
  readonly air: Air;
  readonly devices: Map<number, string>;
  readonly profile: GattProfile;
  /** The tag `profile` was made from (`service:` in a node config). */
  readonly serviceTag: string;
  readonly dir: string;
  readonly events: NodeEvent[];
  /** Called with every node event as it happens (after it is recorded). */
  onEvent: ((e: NodeEvent) => void) | undefined;
  /** Next free HCI device id, bound to `node`. */
  device(node: string): number;
  cleanup(): void;
}

export function testAir(model: Partial<LinkModel> = {}, tag = 'test'): TestAir {
  const scheduler = wallScheduler();
  const air = new Air({ scheduler, model });
  const devices = new Map<number, string>();
  installAirHook(inProcessConnector(air, devices));
  let next = 0;
  const dir = mkdtempSync(join(tmpdir(), 'gossip-ble-'));
  const serviceTag = `${tag}-${process.pid}-${Date.now()}`;
  return {
    air, devices, dir, events: [], onEvent: undefined, profile: profileFor(serviceTag), serviceTag,
    device(node) {
      const id = next++;
      devices.set(id, node);
      return id;
    },
    cleanup() {
      air.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestNode {
  readonly name: string;
  readonly node: BleNode;
  readonly lib: NodeLibrary;
  readonly libraryDir: string;
}

export interface NodeSpec {
  readonly name: string;
  readonly central?: boolean;
  readonly peripheral?: boolean;
  readonly packets?: readonly { packet: BuiltPacket; payload: Uint8Array }[];
  readonly durable?: boolean;
}

export function testNode(t: TestAir, spec: NodeSpec, roster?: ReadonlyMap<string, string>): TestNode {
  const libraryDir = join(t.dir, spec.name);
  const self = nodeIdOf(spec.name);
  const seed = openNodeLibrary({ dir: libraryDir, self, publishers: [publisher.publicKey], durable: spec.durable ?? false });
  for (const p of spec.packets ?? []) placePacket(seed.store, p.packet.manifest, p.payload);
  const lib = spec.packets?.length ? openNodeLibrary({ dir: libraryDir, self, publishers: [publisher.publicKey], durable: spec.durable ?? false }) : seed;
  const node = createBleNode({
    name: spec.name, nodeId: self, library: lib.library, scheduler: t.air.scheduler, profile: t.profile,
    centralDevice: spec.central === false ? null : t.device(spec.name),
    peripheralDevice: spec.peripheral === false ? null : t.device(spec.name),
    ...(roster ? { roster } : {}),
    log: (e) => {
      t.events.push(e);
      t.onEvent?.(e);
    },
  });
  return { name: spec.name, node, lib, libraryDir };
}

/** Roster of node ids → names for readable logs. */
export function rosterOf(...names: string[]): Map<string, string> {
  return new Map(names.map((n) => [nodeIdOf(n), n]));
}

/** Polls `cond` every 20 ms; rejects after `ms`. */
export async function waitFor(cond: () => boolean, ms: number, what: string): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function eventsOf<T extends NodeEvent['event']>(events: readonly NodeEvent[], type: T, node?: string): Extract<NodeEvent, { event: T }>[] {
  return events.filter((e): e is Extract<NodeEvent, { event: T }> => e.event === type && (node === undefined || e.node === node));
}
