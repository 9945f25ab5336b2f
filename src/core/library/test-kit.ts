/**
 * Test helpers for library tests (not part of the public API): a library over a memory or
 * metadata store with a recorded event log, and shortcuts to admit and fill adapters.
 */
import type { BuiltPacket } from '../packet/packet.ts';
import { epidemic } from '../policy/epidemic.ts';
import type { StoredChunk } from '../ports.ts';
import { createMemoryStore } from '../store/memory-store.ts';
import { createMetadataStore } from '../store/metadata-store.ts';
import type { AdapterId, Micros, NodeId } from '../types.ts';
import { chunkCount } from '../types.ts';
import { keyFor } from '../../../test/store-compliance/packets.ts';
import { createLibrary } from './library.ts';
import type { Library, LibraryEvent, LibraryOptions } from './types.ts';

export const SELF: NodeId = keyFor('self').publicKey;
export const PEER: NodeId = keyFor('peer').publicKey;
export const ALICE = keyFor('alice').publicKey;

export function testLibrary(options: Partial<LibraryOptions> & { virtual?: boolean } = {}): Library & { events: LibraryEvent[] } {
  const events: LibraryEvent[] = [];
  const lib = createLibrary({
    store: options.store ?? (options.virtual ? createMetadataStore() : createMemoryStore()),
    self: SELF,
    trust: { publishers: [ALICE], tofu: false },
    budgetBytes: 1_000_000,
    policy: epidemic(),
    ...options,
    onEvent: (e) => { events.push(e); options.onEvent?.(e); },
  });
  return Object.assign(lib, { events });
}

export function admit(lib: Library, p: BuiltPacket, at: Micros = 0, from: NodeId = PEER) {
  return lib.admitManifest(p.id, p.manifest, from, at);
}

/** Admits (if needed) and stores chunks (all by default); returns the last storeChunk result. */
export function fill(lib: Library, p: BuiltPacket, at: Micros = 0, indices?: readonly number[]) {
  if (!lib.has(p.id)) {
    const r = admit(lib, p, at);
    if (!r.ok) return r;
  }
  let last: ReturnType<Library['storeChunk']> | undefined;
  for (const i of indices ?? Array.from({ length: chunkCount(p.manifest) }, (_, k) => k)) last = lib.storeChunk(p.id, i, p.chunk(i) as StoredChunk, at);
  return last ?? { ok: true as const, value: { complete: chunkCount(p.manifest) === 0 } };
}

export const ids = (lib: Library): AdapterId[] => lib.entries().map((e) => e.id);
