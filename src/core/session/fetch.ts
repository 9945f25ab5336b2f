/**
 * Our side of a session: walking the library's plan adapter by adapter, asking for missing
 * manifests, keeping up to `maxInFlight` chunk requests outstanding, verifying every answer
 * against the manifest's Merkle root before the library stores it, and sending DONE when nothing
 * is left. Forged manifests and unverifiable chunks close the session and flag the peer; nothing
 * unverified ever reaches the library. Knows nothing about serving the peer (serve.ts).
 */
import type { ChunkMessage, ChunkMissingMessage, HaveMessage, ManifestMessage } from '../codec/messages/types.ts';
import { gossipError } from '../errors.ts';
import { decodeManifest, manifestId } from '../packet/manifest.ts';
import { verifyChunk } from '../packet/packet.ts';
import type { AdapterId, InventoryEntry, Manifest } from '../types.ts';
import { bodyLength, chunkCount } from '../types.ts';
import { closeWithError, fetching, sendDone, type SessionCore } from './core.ts';
import { chunkKey, type ActiveAdapter } from './fetch-state.ts';

/** Re-arms the request timer: a fresh deadline on progress, none when nothing is outstanding. */
function armRequestTimer(s: SessionCore, progressed: boolean): void {
  if (s.fetch.outstanding() === 0) s.timers.set('request', null);
  else if (progressed || s.timers.get('request') === null) s.timers.set('request', s.now + s.config.timeouts.request);
}

/** A deterministic per-peer starting offset, so concurrent sessions filling one adapter rarely overlap. */
function peerOffset(s: SessionCore, n: number): number {
  return n === 0 ? 0 : parseInt(s.peer!.nodeId.slice(0, 8), 16) % n;
}

function consistent(e: InventoryEntry, m: Manifest): boolean {
  return e.size === m.size && e.chunkSize === m.chunkSize && e.publisher === m.publisher
    && e.name === m.name && e.version === m.version && e.domain === m.domain;
}

/** Sets up chunk fetching of an adapter whose manifest we hold. */
function startChunks(s: SessionCore, id: AdapterId, m: Manifest): void {
  const f = s.fetch;
  const peer = s.peer!;
  const entry = peer.entry(id);
  if (!entry) return;
  if (!consistent(entry, m)) {
    closeWithError(s, gossipError('session/protocol-violation', `the peer's inventory entry for ${id.slice(0, 12)} disagrees with its manifest`, 'remote'), { misbehaved: true, flag: true });
    return;
  }
  const missing = s.library.missing(id);
  const wanted = missing.filter((i) => peer.has(id, i) && !f.inFlight.has(chunkKey(id, i)) && !f.storedElsewhere.has(chunkKey(id, i)));
  if (wanted.length === 0) {
    f.passed.add(id);
    return;
  }
  const k = peerOffset(s, wanted.length);
  f.current = { id, manifest: m, wanted: [...wanted.slice(k), ...wanted.slice(0, k)], pos: 0, missing: new Set(missing) };
  if (!f.started.has(id)) {
    f.started.add(id);
    s.emit({ type: 'transfer-started', id });
  }
}

/** Takes the next planned adapter: asks for its manifest if we lack it, else starts its chunks. */
function beginAdapter(s: SessionCore, id: AdapterId): void {
  const entry = s.peer!.entry(id);
  if (!entry) return;
  if (entry.chunkSize > s.config.capabilities.maxChunk) {
    s.fetch.declined.add(id);
    s.emit({ type: 'manifest-declined', id, error: gossipError('chunk/bad-length', `chunks of ${entry.chunkSize} bytes exceed our maxChunk ${s.config.capabilities.maxChunk}`, 'local') });
    return;
  }
  const m = s.library.manifest(id);
  if (m) return startChunks(s, id, m);
  s.send({ type: 'manifest-request', id });
  s.fetch.awaitingManifest = id;
}

function nextWanted(s: SessionCore, a: ActiveAdapter): number | undefined {
  const f = s.fetch;
  while (a.pos < a.wanted.length) {
    const i = a.wanted[a.pos++]!;
    const key = chunkKey(a.id, i);
    if (a.missing.has(i) && !f.inFlight.has(key) && !f.storedElsewhere.has(key) && s.peer!.has(a.id, i)) return i;
  }
  return undefined;
}

/** Issues as many requests as the window allows; sends DONE once nothing is left. */
export function pump(s: SessionCore): void {
  const f = s.fetch;
  if (!fetching(s)) return;
  const limit = Math.min(s.config.capabilities.maxInFlight, s.peer!.capabilities.maxInFlight);
  while (fetching(s) && f.awaitingManifest === undefined) {
    if (!f.current) {
      const id = f.nextPlanned();
      if (id === undefined) break;
      beginAdapter(s, id);
      continue;
    }
    if (f.inFlight.size >= limit) break;
    const index = nextWanted(s, f.current);
    if (index === undefined) {
      f.passed.add(f.current.id);
      f.current = undefined;
      continue;
    }
    f.inFlight.set(chunkKey(f.current.id, index), { id: f.current.id, index });
    s.send({ type: 'chunk-request', id: f.current.id, index });
  }
  if (!fetching(s)) return;
  armRequestTimer(s, false);
  if (f.idle()) sendDone(s);
}

export function onManifest(s: SessionCore, m: ManifestMessage): void {
  const f = s.fetch;
  if (f.awaitingManifest !== m.id) {
    closeWithError(s, gossipError('session/unexpected-message', `unrequested manifest ${m.id.slice(0, 12)}`, 'remote'), { misbehaved: true });
    return;
  }
  f.awaitingManifest = undefined;
  armRequestTimer(s, true);
  if (m.manifest.length === 0) {
    s.peer!.forget(m.id);
    return pump(s);
  }
  const decoded = decodeManifest(m.manifest);
  if (!decoded.ok) return closeWithError(s, { ...decoded.error, origin: 'remote' }, { misbehaved: true, flag: true });
  if (manifestId(decoded.value) !== m.id) {
    return closeWithError(s, gossipError('manifest/id-mismatch', `the manifest served for ${m.id.slice(0, 12)} has another id`, 'remote'), { misbehaved: true, flag: true });
  }
  const admitted = s.library.admitManifest(m.id, decoded.value, s.peer!.nodeId, s.now);
  if (!admitted.ok) {
    if (admitted.error.origin === 'remote') return closeWithError(s, admitted.error, { misbehaved: true, flag: true });
    f.declined.add(m.id);
    s.emit({ type: 'manifest-declined', id: m.id, error: admitted.error });
    return pump(s);
  }
  startChunks(s, m.id, decoded.value);
  pump(s);
}

export function onChunk(s: SessionCore, m: ChunkMessage): void {
  const f = s.fetch;
  const key = chunkKey(m.id, m.index);
  if (!f.inFlight.delete(key)) {
    closeWithError(s, gossipError('chunk/unexpected', `unrequested chunk ${m.index} of ${m.id.slice(0, 12)}`, 'remote'), { misbehaved: true });
    return;
  }
  armRequestTimer(s, true);
  const manifest = s.library.manifest(m.id);
  if (!manifest) return pump(s); // evicted by our library meanwhile
  const verified = verifyChunk(manifest, m.index, m.body, m.proof, s.library.payload === 'virtual');
  if (!verified.ok) return closeWithError(s, verified.error, { misbehaved: true, flag: true });
  s.stats.received++;
  const stored = s.library.storeChunk(m.id, m.index, { body: m.body, proof: m.proof }, s.now);
  if (!stored.ok) {
    f.declined.add(m.id);
    if (f.current?.id === m.id) f.current = undefined;
    s.emit({ type: 'transfer-aborted', id: m.id, error: stored.error });
    return pump(s);
  }
  if (f.current?.id === m.id) f.current.missing.delete(m.index);
  s.emit({ type: 'chunk-stored', id: m.id, index: m.index, bytes: bodyLength(m.body) });
  if (stored.value.complete) s.emit({ type: 'adapter-complete', id: m.id });
  pump(s);
}

export function onChunkMissing(s: SessionCore, m: ChunkMissingMessage): void {
  if (!s.fetch.inFlight.delete(chunkKey(m.id, m.index))) {
    closeWithError(s, gossipError('chunk/unexpected', `CHUNK_MISSING for unrequested chunk ${m.index}`, 'remote'), { misbehaved: true });
    return;
  }
  armRequestTimer(s, true);
  s.peer!.clear(m.id, m.index);
  pump(s);
}

/** The peer stored a new chunk: update its bitmap and, while we still fetch, want it too. */
export function onHave(s: SessionCore, m: HaveMessage): void {
  const peer = s.peer!;
  if (!peer.entry(m.id)) return; // not in the peer's HELLO: the next encounter will tell
  if (m.index >= peer.chunkCount(m.id)) {
    closeWithError(s, gossipError('session/protocol-violation', `HAVE names chunk ${m.index} past the end of ${m.id.slice(0, 12)}`, 'remote'), { misbehaved: true });
    return;
  }
  if (peer.has(m.id, m.index)) return;
  peer.set(m.id, m.index);
  if (!fetching(s)) return;
  const f = s.fetch;
  if (f.current?.id === m.id) {
    if (f.current.missing.has(m.index)) f.current.wanted.push(m.index);
  } else if (f.passed.delete(m.id) && !f.declined.has(m.id)) f.replan(m.id);
  pump(s);
}

/** Our node stored a chunk through another session: stop wanting it, tell the peer if useful. */
export function onAnnounce(s: SessionCore, id: AdapterId, index: number): void {
  const f = s.fetch;
  f.storedElsewhere.add(chunkKey(id, index));
  if (f.current?.id === id) f.current.missing.delete(index);
  const peer = s.peer;
  const ours = s.advertised.get(id);
  if (peer && ours && index < chunkCount(ours) && !peer.done && !peer.has(id, index) && (s.state === 'ready' || s.state === 'done-sent')) {
    s.send({ type: 'have', id, index });
  }
  pump(s);
}
