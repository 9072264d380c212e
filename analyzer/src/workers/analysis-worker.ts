/** Worker thread: the stateless analysis of batches of documents. Never imports chDB. */
import { parentPort } from 'node:worker_threads';
import { analyzeText, type TextInput } from '../analyze-text.ts';

parentPort?.on('message', (msg: { id: number; batch: TextInput[] }) => {
  try {
    parentPort?.postMessage({ id: msg.id, results: msg.batch.map((input) => analyzeText(input)) });
  } catch (error) {
    parentPort?.postMessage({ id: msg.id, error: error instanceof Error ? error.stack : String(error) });
  }
});
