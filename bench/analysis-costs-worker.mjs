// Worker entry in plain JavaScript, like the analysis workers': it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-costs-worker.ts');
