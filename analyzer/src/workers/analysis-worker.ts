/** Worker thread: the stateless analysis of batches of documents. Never imports chDB. */
import { parentPort, workerData } from 'node:worker_threads';
import {
  type AnalyzeTextOptions,
  analyzeTexts,
  sensitivityMatcher,
  type TextInput,
} from '../analyze-text.ts';
import { addUserWords, type UserWord } from '../text/segment.ts';

const data = workerData as { rules?: string } | undefined;
const options: AnalyzeTextOptions = data?.rules
  ? { sensitivity: sensitivityMatcher(data.rules).matcher }
  : {};

parentPort?.on('message', (msg: { id: number; batch?: TextInput[]; userWords?: UserWord[] }) => {
  try {
    if (msg.userWords) addUserWords(msg.userWords);
    parentPort?.postMessage({ id: msg.id, results: msg.batch ? analyzeTexts(msg.batch, options) : [] });
  } catch (error) {
    parentPort?.postMessage({ id: msg.id, error: error instanceof Error ? error.stack : String(error) });
  }
});
