/** Public API of the filesystem adapter store (crash-safe, resumable) and its layout. */
export { openFsStore, type FsStore, type FsStoreOptions } from './fs-store.ts';
export { LAYOUT_FORMAT, LAYOUT_VERSION, layoutPaths } from './fs-layout.ts';
export type { RecoveryReport, VerifyMode } from './fs-recovery.ts';
