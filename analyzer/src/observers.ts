import type { DocumentObserver } from './observer.ts';

/** Every stateful layer the pipeline runs after each stored batch, in order. */
export function createObservers(): DocumentObserver[] {
  return [];
}
