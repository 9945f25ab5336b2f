// The link compliance suite on the simulator's packet link (virtual clock). The kernel is driven
// in real time here (SimPy's real-time environment): every few milliseconds the virtual clock
// advances to wall time × speed-up, so the suite's wall-clock waits see the link make progress.
import { afterAll } from 'vitest';
import { Kernel } from '../../src/sim/kernel/index.ts';
import { createSimLinkPair } from '../../src/sim/link/sim-link.ts';
import { linkCompliance } from './link-compliance.ts';

const drivers: NodeJS.Timeout[] = [];
afterAll(() => { for (const d of drivers) clearInterval(d); });

function realTime(kernel: Kernel, speedUp: number): void {
  const t0 = performance.now();
  drivers.push(setInterval(() => kernel.run({ until: Math.round((performance.now() - t0) * 1000 * speedUp) + 1 }), 2));
}

linkCompliance('simulated link (virtual clock, 250 kB/s, mtu 244)', async () => {
  const kernel = new Kernel();
  realTime(kernel, 100);
  const [a, b] = createSimLinkPair({ kernel, mtu: 244, bytesPerSecond: 250_000, latency: 2_000 });
  return { a, b };
});
