import { createMetadataStore } from '../../src/core/store/index.ts';
import { describeStoreCompliance } from './suite.ts';

describeStoreCompliance('metadata-only', () => ({ store: createMetadataStore() }));
