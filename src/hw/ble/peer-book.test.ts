import { describe, expect, it } from 'vitest';
import { PeerBook } from './peer-book.ts';

const info = (nodePrefix: string, digest = 'd0', central = true) => ({ nodePrefix, digest, central });

describe('peer book (whom the central dials)', () => {
  it('lets only the lower id dial when both run both roles; dials anyway when either side cannot wait', () => {
    expect(new PeerBook('bb').shouldConnect(info('cc'), 'x', 0)).toBe(true);
    expect(new PeerBook('bb').shouldConnect(info('aa'), 'x', 0)).toBe(false);
    expect(new PeerBook('bb').shouldConnect(info('aa', 'd0', false), 'x', 0)).toBe(true); // the peer has no central
    expect(new PeerBook('bb', false).shouldConnect(info('aa'), 'x', 0)).toBe(true); // we have no peripheral
    expect(new PeerBook('bb').shouldConnect(info('bb'), 'x', 0)).toBe(false); // ourselves
  });

  it('skips a peer until its inventory digest or ours changed since the last clean session', () => {
    const b = new PeerBook('aa');
    b.begin('cc');
    expect(b.shouldConnect(info('cc'), 'own1', 0)).toBe(false); // in a session with it now
    b.succeeded('cc', 'd0', 'own1');
    expect(b.shouldConnect(info('cc', 'd0'), 'own1', 1)).toBe(false);
    expect(b.shouldConnect(info('cc', 'd1'), 'own1', 1)).toBe(true);
    expect(b.shouldConnect(info('cc', 'd0'), 'own2', 1)).toBe(true);
  });

  it('backs off after failures (1 s, 2 s, 4 s ...) and longer after a refusal', () => {
    const b = new PeerBook('aa');
    b.failed('cc', 0);
    expect(b.shouldConnect(info('cc'), 'o', 999_999)).toBe(false);
    expect(b.shouldConnect(info('cc'), 'o', 1_000_000)).toBe(true);
    b.failed('cc', 1_000_000);
    expect(b.shouldConnect(info('cc'), 'o', 2_999_999)).toBe(false);
    expect(b.shouldConnect(info('cc'), 'o', 3_000_000)).toBe(true);
    b.failed('dd', 0, true);
    expect(b.shouldConnect(info('dd'), 'o', 59_000_000)).toBe(false);
  });
});
