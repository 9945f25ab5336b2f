/**
 * The peer's side of a session as we see it: answering its MANIFEST_REQUESTs and CHUNK_REQUESTs
 * from our library (what we lack is answered with an empty MANIFEST or CHUNK_MISSING). Requests
 * are answered at once, in order, so nothing of ours is ever "in flight" towards the peer.
 */
import type { ChunkRequestMessage, ManifestRequestMessage } from '../codec/messages/types.ts';
import { encodeManifest } from '../packet/manifest.ts';
import type { SessionCore } from './core.ts';

const NOTHING = new Uint8Array(0);

export function serveManifest(s: SessionCore, m: ManifestRequestMessage): void {
  const manifest = s.library.manifest(m.id);
  s.send({ type: 'manifest', id: m.id, manifest: manifest ? encodeManifest(manifest) : NOTHING });
}

export function serveChunk(s: SessionCore, m: ChunkRequestMessage): void {
  const chunk = s.library.readChunk(m.id, m.index);
  if (!chunk) {
    s.send({ type: 'chunk-missing', id: m.id, index: m.index });
    return;
  }
  s.send({ type: 'chunk', id: m.id, index: m.index, proof: chunk.proof, body: chunk.body });
  s.stats.sent++;
  s.peer!.set(m.id, m.index);
}
