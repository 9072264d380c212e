export {
  computeIndex,
  documentInputs,
  documentNegativity,
  type GroupStats,
  groupInputs,
  type IndexInputs,
  type IndexLevel,
  type IndexResult,
  levelOf,
  PARTS,
  type Part,
  partValues,
} from './compute.ts';
export {
  authorityOf,
  DEFAULT_MEDIA_AUTHORITY,
  IndexConfigError,
  type OpinionIndexConfig,
  type OpinionIndexConfigInput,
  OpinionIndexConfigSchema,
  parseIndexConfig,
  regionPrefix,
} from './config.ts';
export { OpinionIndexObserver } from './observer.ts';
