// Worker entry in plain JavaScript: a worker's first module loads before any loader flag takes
// effect, so it registers tsx itself, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-worker.ts');
