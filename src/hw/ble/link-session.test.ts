import { describe, expect, it } from 'vitest';
import { createLibrary } from '../../core/library/index.ts';
import { createMemoryStore } from '../../core/store/memory-store.ts';
import { epidemic } from '../../core/policy/epidemic.ts';
import { signingKeyFromSeed } from '../../core/packet/keys.ts';
import { Session } from '../../core/session/index.ts';
import { wallScheduler } from '../air/wall-clock.ts';
import { LinkSession } from './link-session.ts';
import type { LinkEndpoint } from './link-endpoint.ts';
import { memoryLinkPair } from './memory-link.ts';

const id = (n: number) => signingKeyFromSeed(new Uint8Array(32).fill(n)).publicKey;
const library = (n: number) => createLibrary({ store: createMemoryStore(), self: id(n), trust: { publishers: [], tofu: false }, budgetBytes: 1e6, policy: epidemic() });

function victim() {
  const [peer, link] = memoryLinkPair({ mtu: 64 });
  const events: string[] = [];
  const ls = new LinkSession({
    link, session: new Session({ nodeId: id(1), library: library(1) }), scheduler: wallScheduler(),
    onEvent: (e) => events.push(e.type === 'peer-misbehaved' ? `misbehaved ${e.error.code}` : e.type),
  });
  ls.start();
  return { peer, link, ls, events };
}

describe('LinkSession (a core session over a link)', () => {
  it('ends the session with frame/bad-fragment (remote) on garbage and hangs up', async () => {
    const v = victim();
    v.peer.send(Uint8Array.from([0x80, 1, 2]));
    const closed = await v.ls.done;
    expect(closed.error).toMatchObject({ code: 'frame/bad-fragment', origin: 'remote' });
    expect(v.events).toEqual(['misbehaved frame/bad-fragment', 'closed']);
    for (let i = 0; i < 500 && !v.link.closed; i++) await new Promise((r) => setTimeout(r, 10));
    expect(v.link.closed).toBe(true);
  });

  it('refuses a declared frame above the limit with frame/too-large', async () => {
    const v = victim();
    v.peer.send(Uint8Array.from([0x01, 0xff, 0xff, 0xff, 0x7f, 0]));
    expect((await v.ls.done).error?.code).toBe('frame/too-large');
  });

  it('holds incoming frames while the link is congested and cuts off a peer that floods meanwhile', async () => {
    // a link whose radio never catches up: everything we send stays buffered
    const sent: Uint8Array[] = [];
    let hungUp = false;
    const link: LinkEndpoint = {
      mtu: 64, bufferedAmount: 1 << 30, get closed() { return hungUp; }, onPacket: undefined, onClose: undefined,
      send: (p) => { sent.push(p); },
      close() {
        if (hungUp) return;
        hungUp = true;
        this.onClose?.('closed');
      },
    };
    const ls = new LinkSession({ link, session: new Session({ nodeId: id(1), library: library(1) }), scheduler: wallScheduler(), maxQueued: 16 });
    ls.start();
    // 40 one-byte frames (not even valid messages): none is read while our HELLO is still queued
    for (let i = 0; i < 40; i++) link.onPacket?.(Uint8Array.from([0x01, 0x01, 0x00]));
    const closed = await ls.done;
    expect(closed.error).toMatchObject({ code: 'session/protocol-violation', origin: 'remote' });
    expect(sent.length).toBeGreaterThan(0); // our HELLO (and BYE) went out; nothing answered the flood
  });

  it('turns a lost link into session/link-lost', async () => {
    const v = victim();
    v.peer.close('walked away');
    expect((await v.ls.done).error?.code).toBe('session/link-lost');
  });
});
