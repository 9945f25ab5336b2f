/**
 * Shared value types of the core: time, identifiers, manifests, inventories and chunk bodies.
 * Owns only shapes (no behaviour). Must not know about any driver, the simulator or the CLI.
 */

/** Time everywhere in core and sim: integer microseconds. */
export type Micros = number;
export const MICROS_PER_SECOND = 1_000_000;

/** Lower-case hexadecimal string. */
export type Hex = string;
/** A node's identity: its Ed25519 raw public key (32 bytes) as 64 hex chars. */
export type NodeId = Hex;
/** Content address of a manifest (domain-separated SHA-256, 64 hex chars). */
export type AdapterId = Hex;

/**
 * Canonical description of an adapter packet. The id is derived from every field but the
 * signature; the signature covers the same bytes (see packet/manifest.ts).
 */
export interface Manifest {
  /** Lineage name inside a publisher ("agronomy-expert"); (publisher, name) identifies a series. */
  readonly name: string;
  /** Publisher's Ed25519 raw public key, 64 hex chars. */
  readonly publisher: Hex;
  /** Version within the series (u32); a newer version from the same publisher supersedes older ones. */
  readonly version: number;
  /** Hash of the base GGUF's identifying metadata (64 hex chars); an adapter never loads on another base. */
  readonly baseModel: Hex;
  /** Knowledge domain ("agronomy", "veterinary", ...). */
  readonly domain: string;
  /** Router hints. */
  readonly keywords: readonly string[];
  readonly centroid?: readonly number[] | undefined;
  readonly referenceTexts: readonly string[];
  /** Payload size in bytes and chunking. */
  readonly size: number;
  readonly chunkSize: number;
  /** Merkle root over chunk hashes (64 hex chars). */
  readonly merkleRoot: Hex;
  /** Ed25519 signature (128 hex chars), or '' when unsigned. */
  readonly signature: Hex;
}

/** Number of chunks of a manifest (the last one may be short). */
export function chunkCount(m: Pick<Manifest, 'size' | 'chunkSize'>): number {
  return m.size === 0 ? 0 : Math.ceil(m.size / m.chunkSize);
}

/** Byte length of chunk `index` of a manifest. */
export function chunkLength(m: Pick<Manifest, 'size' | 'chunkSize'>, index: number): number {
  const n = chunkCount(m);
  if (index < 0 || index >= n) return 0;
  return index === n - 1 ? m.size - m.chunkSize * (n - 1) : m.chunkSize;
}

/**
 * A chunk's payload as the core sees it. Real nodes hold bytes; the simulator's metadata-only
 * stores hold only the length (`virtual`), so payload bytes are never materialised there.
 */
export type ChunkBody = Uint8Array | { readonly virtual: true; readonly length: number };

export function isVirtualBody(b: ChunkBody): b is { readonly virtual: true; readonly length: number } {
  return !(b instanceof Uint8Array);
}

export function bodyLength(b: ChunkBody): number {
  return b instanceof Uint8Array ? b.byteLength : b.length;
}

/** One adapter as advertised in a hello: enough for a peer to decide what to want. */
export interface InventoryEntry {
  readonly id: AdapterId;
  readonly publisher: Hex;
  readonly name: string;
  readonly version: number;
  readonly domain: string;
  readonly size: number;
  readonly chunkSize: number;
  /** Which chunks the sender holds (bit i = chunk i, LSB first within each byte). */
  readonly have: Uint8Array;
}
