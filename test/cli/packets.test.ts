import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gossip } from '../sim/helpers.ts';

/** Deterministic pseudo-random bytes (a hash chain), so the test needs no randomness. */
function bytes(n: number): Buffer {
  const out = Buffer.alloc(n);
  let h = createHash('sha256').update('seed').digest();
  for (let o = 0; o < n; o += 32) { h = createHash('sha256').update(h).digest(); h.copy(out, o); }
  return out;
}

describe('keys, packets and libraries through the real CLI', () => {
  it('packs, verifies, stores and lists an adapter; refuses a tampered packet with a named error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gossip-cli-'));
    const key = join(dir, 'publisher.key');
    const payload = join(dir, 'agronomy.bin');
    const packet = join(dir, 'agronomy.pkt');
    const lib = join(dir, 'library');
    writeFileSync(payload, bytes(700_000));

    let r = gossip(['keys', 'new', '--out', key]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/public key [0-9a-f]{64}/);
    expect(gossip(['keys', 'new', '--out', key]).stderr).toContain('already exists');

    r = gossip(['adapter', 'pack', payload, '--domain', 'agronomy', '--keywords', 'maize,pest', '--key', key, '--chunk-size', '64KiB', '--out', packet]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('700000 bytes in 11 chunks of 65536');

    r = gossip(['adapter', 'verify', packet]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('domain    agronomy');

    r = gossip(['library', 'add', lib, packet]);
    expect(r.status).toBe(0);
    r = gossip(['library', 'list', lib, '--json']);
    const listed = JSON.parse(r.stdout) as { adapters: { name: string; complete: boolean; have: number }[] };
    expect(listed.adapters).toEqual([expect.objectContaining({ name: 'agronomy', complete: true, have: 11 })]);

    // A chunk file lost (e.g. a crash during a transfer): the library reports the adapter as partial.
    const adapterDir = join(lib, 'adapters', readdirSync(join(lib, 'adapters'))[0]!, 'chunks');
    rmSync(join(adapterDir, readdirSync(adapterDir)[0]!));
    expect(gossip(['library', 'list', lib]).stdout).toContain('partial 10/11 chunks');

    // One flipped payload byte: verify names the file and the error code, exits 1, no stack trace.
    const tampered = readFileSync(packet);
    tampered[tampered.length - 1000]! ^= 0xff;
    writeFileSync(packet, tampered);
    r = gossip(['adapter', 'verify', packet]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${packet}:`);
    expect(r.stderr).toContain('[chunk/bad-proof]');
    expect(r.stderr).not.toMatch(/\n\s+at /);

    r = gossip(['adapter', 'pack', payload, '--domain', 'agronomy', '--key', join(dir, 'missing.key'), '--out', packet]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('missing.key: cannot read the key file');
  });
});
