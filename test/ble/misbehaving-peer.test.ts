// A misbehaving central (garbage writes, an oversized frame, a tampered chunk) against a node's
// bleno peripheral on the virtual air: each session ends with a coded error, the node's library
// stays intact (nothing unverified stored), the cheater is flagged, and the node keeps serving an
// honest peer afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibrary } from '../../src/core/library/index.ts';
import { epidemic } from '../../src/core/policy/epidemic.ts';
import { Session } from '../../src/core/session/index.ts';
import { createMemoryStore } from '../../src/core/store/memory-store.ts';
import { isVirtualBody } from '../../src/core/types.ts';
import { BleCentral, LinkSession, loadNoble, type LinkEndpoint } from '../../src/hw/ble/index.ts';
import { openFsStore } from '../../src/hw/store/index.ts';
import { nodeIdOf, packetOf, publisher } from '../pair/fixtures.ts';
import { eventsOf, rosterOf, testAir, testNode, waitFor, type TestNode } from './kit.ts';

const t = testAir({}, 'misbehaving');
const good = packetOf(400_000, 16 * 1024, 'kept-adapter');
const bait = packetOf(200_000, 16 * 1024, 'bait-adapter');
let victim: TestNode;
let mallory: BleCentral;
let victimAddress: string | undefined;

beforeAll(async () => {
  victim = testNode(t, { name: 'victim', central: false, packets: [good] }, rosterOf('victim', 'mallory', 'honest'));
  await victim.node.start();
  mallory = new BleCentral(loadNoble(t.device('mallory')), { profile: t.profile });
  mallory.onSighting = (s) => { if (s.info) victimAddress = s.address; };
  await mallory.start();
  await waitFor(() => victimAddress !== undefined, 5000, 'mallory to see the victim');
});

afterAll(async () => {
  await mallory?.stop();
  await victim?.node.stop();
  t.cleanup();
});

/** Connects mallory to the victim (retrying while the victim's previous connection winds down). */
async function connect(): Promise<LinkEndpoint> {
  for (let i = 0; ; i++) {
    try {
      return await mallory.connect(victimAddress!);
    } catch (e) {
      if (i >= 20) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function endedWith(code: string): Promise<void> {
  await waitFor(() => eventsOf(t.events, 'encounter-end', 'victim').some((e) => e.error === code), 5000, `the victim to end a session with ${code}`);
  expect(eventsOf(t.events, 'peer-misbehaved', 'victim').some((e) => e.code === code)).toBe(true);
}

describe('a misbehaving peer on the virtual air', () => {
  it('garbage writes end the session with frame/bad-fragment and the victim hangs up', async () => {
    const link = await connect();
    let closed = false;
    link.onClose = () => { closed = true; };
    link.send(Uint8Array.from([0xfe, 1, 2, 3, 4, 5]));
    await endedWith('frame/bad-fragment');
    await waitFor(() => closed, 5000, 'the victim to disconnect');
  });

  it('an oversized frame ends the session with frame/too-large before anything is buffered', async () => {
    const link = await connect();
    // START | varint 200 MB | a little data
    link.send(Uint8Array.from([0x01, 0x80, 0x84, 0xaf, 0x5f, 9, 9, 9]));
    await endedWith('frame/too-large');
    await waitFor(() => link.closed, 5000, 'the victim to disconnect');
  });

  it('a tampered chunk ends the session with chunk/bad-proof, flags the cheater and stores nothing of it', async () => {
    const lib = createLibrary({ store: createMemoryStore(), self: nodeIdOf('mallory'), trust: { publishers: [publisher.publicKey], tofu: false }, budgetBytes: 1e8, policy: epidemic() });
    expect(lib.publish(bait.packet, 0).ok).toBe(true);
    const readChunk = lib.readChunk.bind(lib);
    lib.readChunk = (id, index) => {
      const c = readChunk(id, index);
      if (!c || isVirtualBody(c.body)) return c;
      const body = c.body.slice();
      body[7] = body[7]! ^ 0x40;
      return { body, proof: c.proof };
    };
    const link = await connect();
    const ls = new LinkSession({ link, session: new Session({ nodeId: nodeIdOf('mallory'), library: lib }), scheduler: t.air.scheduler, closeLink: 'now' });
    ls.start();
    await ls.done;
    await endedWith('chunk/bad-proof');
    expect(eventsOf(t.events, 'peer-misbehaved', 'victim').find((e) => e.code === 'chunk/bad-proof')).toMatchObject({ flagged: true, peer: 'mallory' });
    expect(victim.lib.library.isFlagged(nodeIdOf('mallory'))).toBe(true);
    expect(victim.lib.library.entries().find((e) => e.id === bait.packet.id)?.complete ?? false).toBe(false);
  });

  it('keeps its library intact and serves an honest peer afterwards', async () => {
    const honest = testNode(t, { name: 'honest', peripheral: false }, rosterOf('victim', 'mallory', 'honest'));
    await honest.node.start();
    try {
      await waitFor(() => eventsOf(t.events, 'adapter-verified', 'honest').length > 0, 10_000, 'the honest peer to get the adapter');
      expect(eventsOf(t.events, 'adapter-verified', 'honest')[0]).toMatchObject({ id: good.packet.id, ok: true });
    } finally {
      await honest.node.stop();
    }
    // everything on the victim's disk re-verifies; the kept adapter is whole and unchanged
    const store = openFsStore(victim.libraryDir);
    expect(store.recovery.chunksDropped).toBe(0);
    expect(Buffer.from(store.exportPayload(good.packet.id)!).equals(Buffer.from(good.payload))).toBe(true);
    const baitHeld = store.get(bait.packet.id);
    expect(baitHeld === undefined || baitHeld.haveCount < 13).toBe(true);
  });
});
