/**
 * A node's adapter library on disk, as trials and `gossip hw node` use it: the crash-safe
 * filesystem store under the library folder, the core library over it (trust list, budget,
 * epidemic policy), and placing a verified packet into a store (what `gossip library add` does).
 */
import { createLibrary, type Library } from '../../core/library/index.ts';
import { openPacket, type BuiltPacket } from '../../core/packet/index.ts';
import { epidemic } from '../../core/policy/epidemic.ts';
import { chunkCount, type Hex, type Manifest, type NodeId } from '../../core/types.ts';
import { openFsStore, type FsStore } from '../store/index.ts';

export interface NodeLibraryOptions {
  readonly dir: string;
  readonly self: NodeId;
  /** Publishers whose adapters are accepted. */
  readonly publishers: readonly Hex[];
  /** Trust on first use for names no listed publisher holds (default false). */
  readonly tofu?: boolean;
  /** Default 4 GB. */
  readonly budgetBytes?: number;
  /** fsync every write (default true). */
  readonly durable?: boolean;
}

export interface NodeLibrary {
  readonly store: FsStore;
  readonly library: Library;
}

export function openNodeLibrary(o: NodeLibraryOptions): NodeLibrary {
  const store = openFsStore(o.dir, { durable: o.durable ?? true });
  const library = createLibrary({
    store, self: o.self, trust: { publishers: o.publishers, tofu: o.tofu ?? false }, budgetBytes: o.budgetBytes ?? 4e9, policy: epidemic(),
  });
  return { store, library };
}

/** Stores a whole packet (manifest and every chunk with its proof); the caller verified it. */
export function placePacket(store: FsStore, manifest: Manifest, payload: Uint8Array): BuiltPacket {
  const opened = openPacket(manifest, payload);
  if (!opened.ok) throw new Error(`packet ${manifest.name}: ${opened.error.message}`);
  const p = opened.value;
  store.putManifest(p.id, p.manifest);
  const n = chunkCount(p.manifest);
  for (let i = 0; i < n; i++) store.putChunk(p.id, i, p.chunk(i));
  return p;
}
