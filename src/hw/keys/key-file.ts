/**
 * Key files on disk: `gossip keys new` writes a JSON file holding an Ed25519 seed (mode 0600) and
 * its public key; commands that sign read it back. Owns the file format and the randomness of
 * key generation (the core never generates keys). Knows nothing about packets.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { signingKeyFromSeed, type SigningKey } from '../../core/packet/index.ts';
import { bytesToHex, hexToBytes, isHex } from '../../core/codec/bytes.ts';
import { UserError } from '../../cli/user-error.ts';

export interface KeyFile {
  readonly format: 'gossip-handshake/ed25519-key/v1';
  readonly publicKey: string;
  readonly seed: string;
}

export function newKeyFile(path: string, overwrite = false): SigningKey {
  if (existsSync(path) && !overwrite) throw new UserError(`${path}: already exists; refusing to overwrite a key (pass --force to replace it)`);
  const key = signingKeyFromSeed(new Uint8Array(randomBytes(32)));
  const file: KeyFile = { format: 'gossip-handshake/ed25519-key/v1', publicKey: key.publicKey, seed: bytesToHex(key.seed) };
  writeFileSync(path, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 });
  return key;
}

export function readKeyFile(path: string): SigningKey {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserError(`${path}: cannot read the key file (create one with \`gossip keys new --out ${path}\`)`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UserError(`${path}: not a key file (expected JSON written by \`gossip keys new\`)`);
  }
  const f = parsed as Partial<KeyFile>;
  if (f.format !== 'gossip-handshake/ed25519-key/v1' || !isHex(f.seed, 32)) {
    throw new UserError(`${path}: field "seed" must be 64 hex characters in a gossip-handshake key file`);
  }
  const key = signingKeyFromSeed(hexToBytes(f.seed, 32));
  if (f.publicKey && f.publicKey !== key.publicKey) throw new UserError(`${path}: field "publicKey" does not match the seed (file edited or corrupted)`);
  return key;
}
