/**
 * The require hook: makes `require('@abandonware/bluetooth-hci-socket')` — from noble, bleno or
 * anything else in this process — return the virtual HCI socket class, so every line of noble and
 * bleno runs unchanged over the virtual air. `Module._resolveFilename` maps the package name to a
 * synthetic module placed in the CommonJS cache; it must be installed before the first require of
 * noble or bleno (they capture the class at load time). The registry the class reads its
 * connector from lives on that cached module: like the native module's kernel socket, it is
 * process-wide by nature, and installing again only re-targets it.
 */
import { createRequire } from 'node:module';
import type { AirConnector } from './connector.ts';
import { createHciSocketClass, type AirRegistry } from './hci-socket.ts';

const PACKAGE = '@abandonware/bluetooth-hci-socket';
const SYNTHETIC = '/virtual/gossip-handshake/bluetooth-hci-socket.js';

interface ModuleInternals {
  _resolveFilename: (request: string, ...rest: unknown[]) => string;
  _cache: Record<string, { exports: unknown; loaded: boolean; id: string; filename: string } | undefined>;
  new (id: string): { exports: unknown; loaded: boolean; id: string; filename: string };
}

const req = createRequire(import.meta.url);

function moduleInternals(): ModuleInternals {
  return req('node:module') as ModuleInternals;
}

export interface AirHook {
  readonly registry: AirRegistry;
}

/** True when the virtual socket replaces the native one in this process. */
export function airHookInstalled(): boolean {
  return moduleInternals()._cache[SYNTHETIC] !== undefined;
}

/** Installs the hook (once per process) and points every later bind at `connector`. */
export function installAirHook(connector: AirConnector): AirHook {
  const Module = moduleInternals();
  const cached = Module._cache[SYNTHETIC];
  if (cached) {
    const registry = (cached.exports as { registry: AirRegistry }).registry;
    registry.connector = connector;
    return { registry };
  }
  const registry: AirRegistry = { connector };
  const cls = createHciSocketClass(registry);
  Object.assign(cls, { registry });
  const m = new Module(SYNTHETIC);
  m.filename = SYNTHETIC;
  m.exports = cls;
  m.loaded = true;
  Module._cache[SYNTHETIC] = m;
  const original = Module._resolveFilename;
  Module._resolveFilename = function resolveFilename(request: string, ...rest: unknown[]): string {
    if (request === PACKAGE) return SYNTHETIC;
    return original.call(this, request, ...rest);
  };
  return { registry };
}
