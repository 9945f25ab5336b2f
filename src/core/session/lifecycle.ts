/**
 * Opening and ending a session: start (our HELLO), the peer's HELLO (version negotiation, refusing
 * self-connections and flagged peers, handing the peer to the library, planning), DONE, BYE,
 * timeouts, the close command and link loss. Fetching and serving live in fetch.ts and serve.ts.
 */
import { SUPPORTED_VERSIONS } from '../codec/frame.ts';
import { BYE_REASON_NAMES, ByeReason, type ByeMessage, type HelloMessage } from '../codec/messages/types.ts';
import { gossipError } from '../errors.ts';
import { bothDone, closeByCommand, closeWithError, finish, type SessionCore } from './core.ts';
import { pump } from './fetch.ts';
import { PeerState } from './peer-state.ts';

export function start(s: SessionCore): void {
  const inventory = s.library.inventory();
  for (const e of inventory) s.advertised.set(e.id, e);
  s.send({ type: 'hello', versions: SUPPORTED_VERSIONS, nodeId: s.config.nodeId, capabilities: s.config.capabilities, inventory });
  s.state = 'hello-sent';
  s.timers.set('handshake', s.now + s.config.timeouts.handshake);
  s.timers.set('idle', s.now + s.config.timeouts.idle);
}

export function onHello(s: SessionCore, m: HelloMessage): void {
  const common = m.versions.filter((v) => SUPPORTED_VERSIONS.includes(v));
  if (common.length === 0) {
    return closeWithError(s, gossipError('session/incompatible-version', `the peer speaks versions ${m.versions.join(', ')}, we speak ${SUPPORTED_VERSIONS.join(', ')}`, 'remote'));
  }
  if (m.nodeId === s.config.nodeId) return closeWithError(s, gossipError('session/self-connection', 'connected to ourselves', 'remote'));
  if (s.library.isFlagged(m.nodeId)) return closeWithError(s, gossipError('session/peer-misbehaving', `peer ${m.nodeId.slice(0, 12)} is flagged; refused`, 'remote'));
  const peer = new PeerState(m, Math.max(...common));
  s.peer = peer;
  s.timers.set('handshake', null);
  s.state = 'ready';
  s.library.observePeer(peer.view, s.now);
  s.emit({ type: 'hello', peer: peer.view, capabilities: peer.capabilities, version: peer.version });
  s.fetch.setPlan(s.library.plan(peer.view, s.now));
  pump(s);
}

export function onPeerDone(s: SessionCore): void {
  s.peer!.done = true;
  if (s.state === 'done-sent') bothDone(s);
  else s.state = 'peer-done';
}

export function onBye(s: SessionCore, m: ByeMessage): void {
  s.peerBye = m;
  if (s.state === 'closing' || m.reason === ByeReason.DONE || m.reason === ByeReason.CLOSED) return finish(s);
  finish(s, gossipError('session/closed', `the peer ended the session: ${BYE_REASON_NAMES[m.reason]}`, 'remote'));
}

export function onTimeout(s: SessionCore): void {
  for (const name of s.timers.takeExpired(s.now)) {
    if (s.state === 'closed') return;
    if (name === 'handshake' && s.state === 'closing') return finish(s); // the peer's BYE never came; we were done anyway
    const what = name === 'handshake' ? 'no HELLO from the peer' : name === 'request' ? 'no answer to our requests' : 'the peer went silent';
    closeWithError(s, gossipError('session/timeout', `${what} within ${s.config.timeouts[name] / 1e6} s`, 'remote'));
  }
}

export function onClose(s: SessionCore): void {
  closeByCommand(s);
}

export function onLinkLost(s: SessionCore): void {
  if (s.state === 'closing') return finish(s);
  finish(s, gossipError('session/link-lost', 'the link to the peer was lost', 'local'));
}
