// The air takes the peer out of range mid-transfer: the session ends with link-lost, only
// verified chunks were stored, and the next encounter resumes from them instead of from zero.
import { afterAll, describe, expect, it } from 'vitest';
import { chunkCount } from '../../src/core/types.ts';
import { packetOf } from '../pair/fixtures.ts';
import { eventsOf, rosterOf, testAir, testNode, waitFor } from './kit.ts';

const t = testAir({ rate: 1_000_000 }, 'resume');
const nodes: { node: { stop(): Promise<void> } }[] = [];

afterAll(async () => {
  await Promise.all(nodes.map((n) => n.node.stop()));
  t.cleanup();
});

describe('resume across encounters on the virtual air', () => {
  it('continues from the verified chunks after the peer left range mid-transfer', async () => {
    const { packet, payload } = packetOf(1_500_000, 16 * 1024, 'ble-resume');
    const chunks = chunkCount(packet.manifest);
    const roster = rosterOf('kiosk', 'walker');
    const kiosk = testNode(t, { name: 'kiosk', central: false, packets: [{ packet, payload }] }, roster);
    const walker = testNode(t, { name: 'walker', peripheral: false }, roster);
    nodes.push(kiosk, walker);
    let cut = false;
    t.onEvent = (e) => {
      if (!cut && e.event === 'transfer-progress' && e.node === 'walker' && e.have >= chunks / 4) {
        cut = true;
        t.air.setInRange('kiosk', 'walker', false);
        setTimeout(() => t.air.setInRange('kiosk', 'walker', true), 300);
      }
    };
    await kiosk.node.start();
    await walker.node.start();
    await waitFor(() => eventsOf(t.events, 'adapter-verified', 'walker').length > 0, 30_000, 'the adapter to arrive');
    await waitFor(() => eventsOf(t.events, 'encounter-end', 'walker').length >= 2, 10_000, 'the second encounter to end');

    const ends = eventsOf(t.events, 'encounter-end', 'walker');
    expect(ends.length).toBeGreaterThanOrEqual(2);
    expect(ends[0]!.error).toBe('session/link-lost');
    const [interrupted] = eventsOf(t.events, 'transfer-interrupted', 'walker');
    expect(interrupted).toMatchObject({ cause: 'session/link-lost' });
    expect(interrupted!.have).toBeGreaterThan(0);
    expect(interrupted!.have).toBeLessThan(chunks);
    const starts = eventsOf(t.events, 'transfer-start', 'walker');
    expect(starts[0]).toMatchObject({ have: 0, resumed: false });
    // the second encounter starts exactly where the verified chunks of the first ended
    expect(starts[1]).toMatchObject({ resumed: true, have: interrupted!.have });
    // every chunk crossed once: nothing unverified was kept, nothing was fetched twice
    const received = ends.reduce((n, e) => n + e.received, 0);
    expect(received).toBe(chunks);
    expect(eventsOf(t.events, 'adapter-verified', 'walker')[0]).toMatchObject({ ok: true, id: packet.id });
  });
});
