import { describe, expect, it } from 'vitest';
import { advertisementData, inventoryDigest, parseManufacturerData, profileFor, scanResponseData } from './gatt-profile.ts';

describe('advertisement and scan response', () => {
  it('fit the 31-byte limits and the scan response reads back as noble reports it', () => {
    const info = { nodePrefix: '0123456789abcdef', digest: 'fedcba9876543210', central: true };
    const adv = advertisementData(profileFor('x'));
    const rsp = scanResponseData(info);
    expect(adv.length).toBeLessThanOrEqual(31);
    expect(rsp.length).toBeLessThanOrEqual(31);
    // noble's manufacturerData is the AD structure's body (company id first)
    expect(parseManufacturerData(rsp.subarray(2))).toEqual(info);
    expect(parseManufacturerData(Buffer.from([0x4c, 0x00, 1, 2, 3]))).toBeUndefined();
  });

  it('gives each tag its own 128-bit service and characteristic', () => {
    const a = profileFor('trial-a');
    const b = profileFor('trial-b');
    expect(a.service).toMatch(/^[0-9a-f]{32}$/);
    expect(a.characteristic).toMatch(/^[0-9a-f]{32}$/);
    expect(a.service).not.toBe(b.service);
  });

  it('digests an inventory independently of order and sensitive to the chunks held', () => {
    const e = (id: string, have: number[]) => ({ id, publisher: 'p', name: 'n', version: 1, domain: 'd', size: 1, chunkSize: 1, have: Uint8Array.from(have) });
    const x = inventoryDigest([e('a1', [1]), e('b2', [3])]);
    expect(inventoryDigest([e('b2', [3]), e('a1', [1])])).toBe(x);
    expect(inventoryDigest([e('a1', [1]), e('b2', [7])])).not.toBe(x);
  });
});
