/**
 * Durable filesystem primitives for the adapter store: write a file under a temporary name,
 * fsync it, rename it into place and fsync the directory, so a crash (SIGKILL or power loss)
 * leaves either the old state or the complete new file, never a torn one. Every fs failure is
 * rethrown as a `GossipFault` with code `library/io` naming the path. Knows no store layout.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { GossipFault, gossipError } from '../../core/errors.ts';

/** Suffix of every temporary name; anything ending with it is garbage after a crash. */
export const TEMP_SUFFIX = '.tmp';

export function io<T>(what: string, path: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof GossipFault) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    throw new GossipFault(gossipError('library/io', `${what} ${path}: ${reason}`));
  }
}

export function fsyncDir(dir: string, durable: boolean): void {
  if (!durable) return;
  io('fsync directory', dir, () => {
    const fd = openSync(dir, 'r');
    try { fsyncSync(fd); } finally { closeSync(fd); }
  });
}

function writeAll(fd: number, data: Uint8Array): void {
  let off = 0;
  while (off < data.length) off += writeSync(fd, data, off, data.length - off);
}

/** Writes `parts` to `path` atomically: temp file, fsync, rename, directory fsync. */
export function writeFileAtomic(path: string, parts: readonly Uint8Array[], durable: boolean): void {
  const tmp = path + TEMP_SUFFIX;
  io('write', tmp, () => {
    const fd = openSync(tmp, 'w');
    try {
      for (const p of parts) writeAll(fd, p);
      if (durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  });
  io('rename', tmp, () => renameSync(tmp, path));
  fsyncDir(dirname(path), durable);
}

export function removeTree(path: string): void {
  io('remove', path, () => rmSync(path, { recursive: true, force: true }));
}

export function ensureDir(path: string): void {
  io('create directory', path, () => mkdirSync(path, { recursive: true }));
}
