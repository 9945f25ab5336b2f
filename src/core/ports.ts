/**
 * Ports: the interfaces drivers implement for the core (store, randomness, embeddings, inference,
 * links, scheduling). Each port has one shared compliance suite that every implementation runs.
 * This file holds shapes only and must not import any implementation.
 */
import type { AdapterId, ChunkBody, Hex, Manifest, Micros } from './types.ts';

/** One adapter held in a store: its verified manifest and which chunks are present. */
export interface StoredAdapter {
  readonly id: AdapterId;
  readonly manifest: Manifest;
  /** Chunk bitmap (bit i = chunk i, LSB first). A copy: mutating it does not change the store. */
  readonly have: Uint8Array;
  /** Number of chunks present. */
  readonly haveCount: number;
  /** Bytes of payload present. */
  readonly bytesHeld: number;
}

/** A stored chunk: payload (or its virtual length) and the Merkle proof it was verified with. */
export interface StoredChunk {
  readonly body: ChunkBody;
  /** Concatenated sibling hashes, leaf to root (32 bytes each); empty for virtual bodies. */
  readonly proof: Uint8Array;
}

/**
 * Adapter storage. Synchronous so that the pure library logic can call it directly; only
 * verified data is ever handed to it. Implementations: memory (bytes), metadata-only
 * (virtual bodies, for simulations of thousands of nodes), filesystem (crash-safe, src/hw).
 */
export interface AdapterStore {
  /** 'bytes' stores hold payloads; 'virtual' stores hold only lengths. */
  readonly payload: 'bytes' | 'virtual';
  list(): readonly StoredAdapter[];
  get(id: AdapterId): StoredAdapter | undefined;
  /** Registers a verified manifest with no chunks. No-op if the adapter is already present. */
  putManifest(id: AdapterId, manifest: Manifest): void;
  /** Stores a verified chunk. Idempotent. The adapter must have been registered. */
  putChunk(id: AdapterId, index: number, chunk: StoredChunk): void;
  readChunk(id: AdapterId, index: number): StoredChunk | undefined;
  /** Removes an adapter and all its chunks. No-op if absent. */
  remove(id: AdapterId): void;
  /** Payload bytes held across all adapters. */
  bytesUsed(): number;
}

/** Seeded randomness, forked per node and per purpose (src/sim implements it with seedrandom alea). */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number;
  /** An independent stream for a named purpose; forking the same name twice gives the same stream. */
  fork(purpose: string): Rng;
}

/** Text embeddings from a base model with no adapter active. */
export interface Embedder {
  readonly dimensions: number;
  embed(text: string): Promise<Float32Array>;
}

/** Generation with an optional active adapter (node-llama-cpp in src/hw/llm, stubs in tests). */
export interface Inference {
  /** Activates an adapter (a file path or store id) or none; clears the KV cache. */
  setAdapter(adapter: string | null): Promise<void>;
  generate(prompt: string, options: { maxTokens: number; onToken?: (text: string) => void }): Promise<string>;
}

/** A bidirectional, reliable, ordered frame link between two sessions (BLE GATT or the sim link). */
export interface Link {
  /** Largest frame fragment the link carries in one packet (bytes, 20-512). */
  readonly mtu: number;
  send(fragment: Uint8Array): void;
  close(reason: string): void;
}

/** A clock with one-shot callbacks (wall clock in src/hw, virtual time in src/sim). */
export interface Scheduler {
  now(): Micros;
  at(time: Micros, callback: () => void): () => void;
}

/** Hex helper type re-exported for ports that key by publisher. */
export type PublisherKey = Hex;
