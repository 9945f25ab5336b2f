// The link compliance suite on the in-memory reference link (unpaced, and paced at 2 MB/s).
import { memoryLinkPair } from '../../src/hw/ble/memory-link.ts';
import { linkCompliance } from './link-compliance.ts';

linkCompliance('in-memory link', async () => {
  const [a, b] = memoryLinkPair({ mtu: 244 });
  return { a, b };
});

linkCompliance('in-memory link at 2 MB/s, mtu 64', async () => {
  const [a, b] = memoryLinkPair({ mtu: 64, rate: 2_000_000 });
  return { a, b };
});
