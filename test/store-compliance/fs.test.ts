import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFsStore } from '../../src/hw/store/index.ts';
import { describeStoreCompliance } from './suite.ts';

describeStoreCompliance('filesystem', () => {
  const root = join(mkdtempSync(join(tmpdir(), 'gossip-fs-store-')), 'library');
  return {
    store: openFsStore(root),
    reopen: () => openFsStore(root),
    dispose: () => rmSync(join(root, '..'), { recursive: true, force: true }),
  };
}, { persistent: true, propertyRuns: 40 });
