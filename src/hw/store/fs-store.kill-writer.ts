/**
 * Child process of the SIGKILL test. `loop` mode writes the kill-fixture adapters chunk by chunk
 * (in a scattered order), removes them all once complete, and starts again, forever, until the
 * parent kills it. `finish` mode resumes whatever the store holds, completes every adapter and
 * exits. Prints `ready` once the store is open.
 * Usage: node bin/run-ts.mjs src/hw/store/fs-store.kill-writer.ts <root> loop|finish
 */
import type { StoredChunk } from '../../core/ports.ts';
import { chunkCount } from '../../core/types.ts';
import { killPackets } from './fs-store.kill-fixture.ts';
import { openFsStore } from './fs-store.ts';

const [root, mode] = process.argv.slice(2);
if (!root || (mode !== 'loop' && mode !== 'finish')) {
  console.error('usage: fs-store.kill-writer.ts <root> loop|finish');
  process.exit(2);
}
const store = openFsStore(root);
const packets = killPackets();
process.stdout.write('ready\n');

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

function completeAll(): void {
  for (const p of packets) {
    store.putManifest(p.id, p.manifest);
    const n = chunkCount(p.manifest);
    let stride = 7;
    while (gcd(stride, n) !== 1) stride++;
    for (let k = 0; k < n; k++) {
      const i = (k * stride) % n; // each index once, scattered
      store.putChunk(p.id, i, p.chunk(i) as StoredChunk);
    }
  }
}

if (mode === 'finish') {
  completeAll();
  process.stdout.write('done\n');
} else {
  for (;;) {
    completeAll();
    for (const p of packets) store.remove(p.id);
  }
}
