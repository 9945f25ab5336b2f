// ESLint flat config. The rule block for src/core/** is the purity contract of
// ARCHITECTURE.md: no clock, timers, randomness, fs, net, radio or model libraries in the core.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const impure = 'src/core is sans-I/O: time, randomness and I/O are inputs (see docs/design.md).';

export default tseslint.config(
  { ignores: ['node_modules/**', 'results/**', 'dist/**', 'notebooks/**', 'tmp/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', performance: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', queueMicrotask: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // Radio and model libraries load lazily (dynamic import) so that nothing else pays for them and
    // a machine without Bluetooth can still run everything else: static value imports are errors.
    files: ['src/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: ['node-llama-cpp', '@abandonware/noble', '@abandonware/bleno', '@abandonware/bluetooth-hci-socket']
          .map((name) => ({ name, allowTypeImports: true, message: 'load it lazily with a dynamic import (see src/hw/llm/llama-runtime.ts, src/hw/ble/stacks.ts)' })),
      }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error',
        { name: 'setTimeout', message: impure }, { name: 'setInterval', message: impure },
        { name: 'setImmediate', message: impure }, { name: 'clearTimeout', message: impure },
        { name: 'clearInterval', message: impure }, { name: 'queueMicrotask', message: impure },
        { name: 'performance', message: impure }, { name: 'process', message: impure },
        { name: 'fetch', message: impure }],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: impure },
        { object: 'Math', property: 'random', message: impure },
        { object: 'performance', property: 'now', message: impure },
        { object: 'crypto', property: 'randomBytes', message: impure },
        { object: 'crypto', property: 'randomUUID', message: impure },
        { object: 'crypto', property: 'getRandomValues', message: impure }],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date']", message: impure },
        { selector: "ImportSpecifier[imported.name=/^(randomBytes|randomUUID|randomInt|getRandomValues|randomFill|randomFillSync|generateKeyPair|generateKeyPairSync)$/]", message: impure }],
      'no-restricted-imports': ['error', {
        paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net', 'dgram', 'node:dgram',
          'child_process', 'node:child_process', 'worker_threads', 'node:worker_threads', 'timers', 'node:timers',
          'timers/promises', 'node:timers/promises', 'perf_hooks', 'node:perf_hooks', 'os', 'node:os',
          'http', 'node:http', 'https', 'node:https', 'seedrandom', 'node-llama-cpp',
          '@abandonware/noble', '@abandonware/bleno', '@abandonware/bluetooth-hci-socket']
          .map((name) => ({ name, message: impure })),
        patterns: [{ group: ['**/hw/**', '**/sim/**', '**/cli/**', '**/report/**'], message: 'src/core must not import drivers, the simulator, the CLI or reports.' }],
      }],
    },
  },
);
