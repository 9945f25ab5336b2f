// Worker-thread bootstrap: registers tsx so the TypeScript worker module can load.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
