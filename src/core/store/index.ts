/** Public API of adapter stores: memory (bytes), metadata-only (virtual), bitmaps, shape checks. */
export * from './bitmap.ts';
export { checkChunkShape } from './check-chunk.ts';
export { StoreIndex } from './store-index.ts';
export { MemoryStore, createMemoryStore } from './memory-store.ts';
export { MetadataStore, createMetadataStore } from './metadata-store.ts';
