export { urlsIn } from './links.ts';
export { EventError, promoteTopic, setEventState } from './promote.ts';
export {
  combineTopics,
  crossedThresholds,
  DEFAULT_THRESHOLDS,
  type EventThresholds,
  type EventThresholdsInput,
  EventThresholdsSchema,
  eventIdFor,
  eventRecord,
  type Trigger,
} from './thresholds.ts';
export { EventTracker } from './tracker.ts';
