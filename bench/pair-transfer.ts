/**
 * In-memory pair transfer throughput: one 35 MB adapter (256 KiB chunks) moved between two
 * sessions over the pair harness with no latency and unlimited bandwidth, every chunk verified
 * (SHA-256 leaf + Merkle proof) before it is stored. Two link modes: whole frames, and MTU 244
 * fragmentation + reassembly. Prints MB/s (median of several runs). Run: npx tsx bench/pair-transfer.ts
 */
import { performance } from 'node:perf_hooks';
import { nodeIdOf, packetOf } from '../test/pair/fixtures.ts';
import { Pair } from '../test/pair/pair.ts';
import { SimpleLibrary } from '../test/pair/simple-library.ts';

const SIZE = 35_000_000;
const RUNS = Number(process.argv[2] ?? 7);
const { packet } = packetOf(SIZE, 256 * 1024, 'bench');

function once(fragment: boolean): number {
  const A = new SimpleLibrary().add(packet);
  const B = new SimpleLibrary();
  const t0 = performance.now();
  const p = new Pair({ nodeId: nodeIdOf('a'), library: A }, { nodeId: nodeIdOf('b'), library: B }, { latency: 0, bandwidth: Infinity, mtu: 244, fragment }).start().drive();
  const ms = performance.now() - t0;
  if (p.eventsOf('b', 'adapter-complete').length !== 1) throw new Error('transfer did not complete');
  return SIZE / 1e6 / (ms / 1000);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const fragment of [false, true]) {
  once(fragment); // warm-up
  const rates = Array.from({ length: RUNS }, () => once(fragment));
  console.log(`pair transfer, ${fragment ? 'MTU 244 fragments' : 'whole frames    '}: median ${median(rates).toFixed(0)} MB/s (min ${Math.min(...rates).toFixed(0)}, max ${Math.max(...rates).toFixed(0)}, ${RUNS} runs of ${SIZE / 1e6} MB)`);
}
