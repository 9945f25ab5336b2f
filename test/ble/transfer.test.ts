// A 5 MB adapter from a bleno peripheral to a noble central, both real stacks over the virtual
// air in this process: the core session runs over our GATT service (write-without-response +
// notifications, fragment/Reassembler, negotiated MTU) and the receiver's filesystem library
// ends up with the byte-identical, verified adapter.
import { afterAll, describe, expect, it } from 'vitest';
import { openFsStore } from '../../src/hw/store/index.ts';
import { packetOf } from '../pair/fixtures.ts';
import { eventsOf, rosterOf, testAir, testNode, waitFor } from './kit.ts';

const t = testAir({}, 'transfer');
const nodes: { node: { stop(): Promise<void> } }[] = [];

afterAll(async () => {
  await Promise.all(nodes.map((n) => n.node.stop()));
  t.cleanup();
});

describe('BLE transport over the virtual air', () => {
  it('moves a 5 MB adapter from a bleno peripheral to a noble central: byte-identical, verified, stored', async () => {
    const { packet, payload } = packetOf(5_000_000, 64 * 1024, 'ble-5mb');
    const roster = rosterOf('server', 'client');
    const server = testNode(t, { name: 'server', central: false, packets: [{ packet, payload }] }, roster);
    const client = testNode(t, { name: 'client', peripheral: false, durable: true }, roster);
    nodes.push(server, client);
    await server.node.start();
    await client.node.start();
    await waitFor(() => eventsOf(t.events, 'adapter-verified', 'client').length > 0, 30_000, 'the client to verify the adapter');

    const [verified] = eventsOf(t.events, 'adapter-verified', 'client');
    expect(verified).toMatchObject({ id: packet.id, ok: true, size: 5_000_000 });
    const [start] = eventsOf(t.events, 'encounter-start', 'client');
    expect(start).toMatchObject({ role: 'central', peer: 'server', mtu: 244 });
    // the stored copy, re-read and re-verified from disk, is the original byte for byte
    const reopened = openFsStore(client.libraryDir);
    expect(reopened.recovery.chunksDropped).toBe(0);
    const stored = reopened.exportPayload(packet.id);
    expect(stored).toBeDefined();
    expect(Buffer.from(stored!).equals(Buffer.from(payload))).toBe(true);
    await waitFor(() => eventsOf(t.events, 'encounter-end').length === 2, 10_000, 'both sessions to end');
    for (const end of eventsOf(t.events, 'encounter-end')) expect(end.error).toBeNull();
  });
});
