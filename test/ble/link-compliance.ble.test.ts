// The link compliance suite on the BLE transport: a noble central's connection to a bleno
// peripheral, both real stacks over the virtual air in this process (a fresh connection per test).
import { afterAll, beforeAll } from 'vitest';
import { BleCentral, BlePeripheral, loadBleno, loadNoble, type LinkEndpoint } from '../../src/hw/ble/index.ts';
import { testAir, waitFor } from './kit.ts';
import { linkCompliance } from './link-compliance.ts';

const t = testAir({ rate: 4_000_000 }, 'compliance');
const peripheral = new BlePeripheral(loadBleno(t.device('p')), { profile: t.profile });
const central = new BleCentral(loadNoble(t.device('c')), { profile: t.profile });
let address: string | undefined;

beforeAll(async () => {
  await peripheral.start({ nodePrefix: '00'.repeat(8), digest: '00'.repeat(8), central: false });
  central.onSighting = (s) => { address = s.address; };
  await central.start();
  await waitFor(() => address !== undefined, 5000, 'the peripheral to be sighted');
});

afterAll(async () => {
  await central.stop();
  await peripheral.stop();
  t.cleanup();
});

linkCompliance('BLE central <-> peripheral over the virtual air', async () => {
  const accepted = new Promise<LinkEndpoint>((resolve) => { peripheral.onConnection = (link) => resolve(link); });
  let a: LinkEndpoint | undefined;
  for (let i = 0; !a; i++) {
    try {
      a = await central.connect(address!);
    } catch (e) {
      if (i > 20) throw e;
      await new Promise((r) => setTimeout(r, 50)); // the previous connection is still winding down
    }
  }
  return { a, b: await accepted };
});
