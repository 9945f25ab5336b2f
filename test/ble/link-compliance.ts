/**
 * The shared compliance suite of the link port (`LinkEndpoint`, link-endpoint.ts): every link
 * implementation — the in-memory pair and the BLE central/peripheral connection over the virtual
 * air — runs these same tests through a factory that opens a fresh connected pair.
 */
import { describe, expect, it } from 'vitest';
import { fragment, Reassembler } from '../../src/core/codec/fragment.ts';
import { createLibrary } from '../../src/core/library/index.ts';
import { epidemic } from '../../src/core/policy/epidemic.ts';
import { Session } from '../../src/core/session/index.ts';
import { createMemoryStore } from '../../src/core/store/memory-store.ts';
import { wallScheduler } from '../../src/hw/air/wall-clock.ts';
import { LinkSession, type LinkEndpoint } from '../../src/hw/ble/index.ts';
import { nodeIdOf, packetOf, payloadOf, publisher } from '../pair/fixtures.ts';

export interface LinkPair {
  readonly a: LinkEndpoint;
  readonly b: LinkEndpoint;
}

export type OpenPair = () => Promise<LinkPair>;

function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (cond()) return resolve();
      if (Date.now() - t0 > ms) return reject(new Error('compliance: timed out'));
      setTimeout(tick, 5);
    };
    tick();
  });
}

function collect(end: LinkEndpoint): Uint8Array[] {
  const got: Uint8Array[] = [];
  end.onPacket = (p) => got.push(p.slice());
  return got;
}

async function closeBoth(p: LinkPair): Promise<void> {
  if (!p.a.closed) p.a.close('test over');
  await until(() => p.a.closed && p.b.closed);
}

export function linkCompliance(name: string, open: OpenPair): void {
  describe(`link compliance: ${name}`, () => {
    it('has an mtu between 20 and 512 at both ends', async () => {
      const p = await open();
      for (const end of [p.a, p.b]) {
        expect(end.mtu).toBeGreaterThanOrEqual(20);
        expect(end.mtu).toBeLessThanOrEqual(512);
      }
      await closeBoth(p);
    });

    it('delivers packets whole and in order, both directions at once', async () => {
      const p = await open();
      const toB = collect(p.b);
      const toA = collect(p.a);
      const sent: Record<'a' | 'b', Uint8Array[]> = { a: [], b: [] };
      for (let i = 0; i < 400; i++) {
        for (const [from, key] of [[p.a, 'a'], [p.b, 'b']] as const) {
          const len = 1 + ((i * 37) % from.mtu);
          const pkt = payloadOf(len, i + (key === 'a' ? 1 : 100_000)).map((x, j) => (j === 0 ? i & 0xff : x));
          sent[key].push(pkt);
          from.send(pkt);
        }
      }
      await until(() => toB.length === 400 && toA.length === 400);
      expect(toB.map((x) => Buffer.from(x).toString('hex'))).toEqual(sent.a.map((x) => Buffer.from(x).toString('hex')));
      expect(toA.map((x) => Buffer.from(x).toString('hex'))).toEqual(sent.b.map((x) => Buffer.from(x).toString('hex')));
      await until(() => p.a.bufferedAmount === 0 && p.b.bufferedAmount === 0);
      await closeBoth(p);
    });

    it('refuses a packet above the mtu with a RangeError and stays usable', async () => {
      const p = await open();
      const got = collect(p.b);
      expect(() => p.a.send(new Uint8Array(p.a.mtu + 1))).toThrow(RangeError);
      p.a.send(Uint8Array.from([1, 2, 3]));
      await until(() => got.length === 1);
      expect([...got[0]!]).toEqual([1, 2, 3]);
      await closeBoth(p);
    });

    it('carries a 200 kB frame cut by fragment() and rebuilt byte-identical by the Reassembler', async () => {
      const p = await open();
      const frame = payloadOf(200_000, 7);
      const r = new Reassembler({ maxFrame: 1 << 20 });
      let rebuilt: Uint8Array | undefined;
      p.b.onPacket = (pkt) => {
        const res = r.push(pkt);
        if (!res.ok) throw new Error(res.error.code);
        if (res.value) rebuilt = res.value;
      };
      for (const pkt of fragment(frame, p.a.mtu)) p.a.send(pkt);
      await until(() => rebuilt !== undefined);
      expect(Buffer.from(rebuilt!).equals(Buffer.from(frame))).toBe(true);
      await closeBoth(p);
    });

    it('close reaches both ends exactly once; nothing is delivered after it; send after close is a no-op', async () => {
      const p = await open();
      const closes = { a: 0, b: 0 };
      p.a.onClose = () => closes.a++;
      p.b.onClose = () => closes.b++;
      p.b.close('peer leaves');
      await until(() => closes.a === 1 && closes.b === 1);
      expect(p.a.closed && p.b.closed).toBe(true);
      const late: Uint8Array[] = collect(p.b);
      expect(() => p.a.send(Uint8Array.from([9]))).not.toThrow();
      p.b.close('again');
      await new Promise((r) => setTimeout(r, 50));
      expect(late).toHaveLength(0);
      expect(closes).toEqual({ a: 1, b: 1 });
    });

    it('carries a whole core session: a 300 kB adapter arrives verified through LinkSession', async () => {
      const p = await open();
      const { packet } = packetOf(300_000, 16 * 1024, `compliance-${name}`);
      const lib = (who: string) => createLibrary({ store: createMemoryStore(), self: nodeIdOf(who), trust: { publishers: [publisher.publicKey], tofu: false }, budgetBytes: 1e8, policy: epidemic() });
      const A = lib('link-a');
      const B = lib('link-b');
      A.publish(packet, 0);
      const scheduler = wallScheduler();
      const sa = new LinkSession({ link: p.a, session: new Session({ nodeId: nodeIdOf('link-a'), library: A }), scheduler, closeLink: 'now' });
      const sb = new LinkSession({ link: p.b, session: new Session({ nodeId: nodeIdOf('link-b'), library: B }), scheduler, closeLink: 'wait' });
      sa.start();
      sb.start();
      const [ea, eb] = await Promise.all([sa.done, sb.done]);
      expect(ea.error).toBeUndefined();
      expect(eb.error).toBeUndefined();
      expect(B.entries().find((e) => e.id === packet.id)?.complete).toBe(true);
      await until(() => p.a.closed && p.b.closed);
    });
  });
}
