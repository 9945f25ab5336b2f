/**
 * Wire overhead of a whole transfer: bytes on the link (every protocol message of both sides,
 * fragment headers included) divided by payload bytes, for one 35 MB adapter. Headline: MTU 244
 * with 256 KiB chunks (target ≤ 1.05), then a small sweep and a per-message breakdown.
 * Run: npx tsx bench/wire.ts
 */
import { MessageType } from '../src/core/codec/frame.ts';
import { nodeIdOf, packetOf } from '../test/pair/fixtures.ts';
import { Pair } from '../test/pair/pair.ts';
import { SimpleLibrary } from '../test/pair/simple-library.ts';

const SIZE = 35_000_000;
const names = new Map<number, string>(Object.entries(MessageType).map(([k, v]) => [v, k]));

function transfer(chunkSize: number, mtu: number): Pair {
  const { packet } = packetOf(SIZE, chunkSize, `wire-${chunkSize}`);
  const A = new SimpleLibrary().add(packet);
  const B = new SimpleLibrary();
  const p = new Pair({ nodeId: nodeIdOf('a'), library: A }, { nodeId: nodeIdOf('b'), library: B }, { latency: 0, bandwidth: Infinity, mtu }).start().drive();
  if (p.eventsOf('b', 'adapter-complete').length !== 1) throw new Error('transfer did not complete');
  return p;
}

const head = transfer(256 * 1024, 244);
console.log(`wire overhead, 35 MB adapter, MTU 244, 256 KiB chunks: ${(head.linkBytes / SIZE).toFixed(4)} link bytes per payload byte (target ≤ 1.05)`);
console.log(`  ${head.frames} frames, ${head.linkBytes} link bytes for ${SIZE} payload bytes`);
for (const [type, t] of [...head.byType].sort((a, b) => a[0] - b[0])) {
  console.log(`  ${(names.get(type) ?? `0x${type.toString(16)}`).padEnd(16)} ${String(t.frames).padStart(5)} frames ${String(t.linkBytes).padStart(10)} bytes`);
}
console.log('\nsweep (link bytes / payload bytes):');
console.log(`  ${'chunk'.padEnd(8)} ${[23, 100, 185, 244, 512].map((m) => `MTU ${m}`.padStart(9)).join(' ')}`);
for (const chunk of [64 * 1024, 256 * 1024, 1024 * 1024]) {
  const row = [23, 100, 185, 244, 512].map((mtu) => (transfer(chunk, mtu).linkBytes / SIZE).toFixed(4).padStart(9));
  console.log(`  ${`${chunk / 1024} KiB`.padEnd(8)} ${row.join(' ')}`);
}
