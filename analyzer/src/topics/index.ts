export { SinglePassBaseline } from './baseline.ts';
export { TopicClusterer, topicIdFor } from './clusterer.ts';
export { type TopicSource, toTopicDocument } from './document.ts';
export { DEFAULT_LIFECYCLE, type LifecycleOptions, lifecycle } from './lifecycle.ts';
export { type ClusteringScores, scoreClustering } from './metrics.ts';
export { restoreTopics } from './restore.ts';
export {
  type ClustererOptions,
  DEFAULT_OPTIONS,
  type Topic,
  type TopicDocument,
  type TopicLifecycle,
} from './types.ts';
export type { Idf } from './vector.ts';
