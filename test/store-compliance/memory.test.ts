import { createMemoryStore } from '../../src/core/store/index.ts';
import { describeStoreCompliance } from './suite.ts';

describeStoreCompliance('memory', () => ({ store: createMemoryStore() }));
