import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Command, UsageError } from './index.ts';

/** Each model's training script; its flags are passed through (e.g. --data ../shared/data). */
const MODELS: Record<string, string> = {
  sentiment: 'train-sentiment.ts',
  category: 'train-category.ts',
  ner: 'train-ner.ts',
};

export const trainCommand: Command = {
  summary: 'Train a model from the data sets and write its weights under analyzer/models/.',
  usage: `<${Object.keys(MODELS).join('|')}> [--data ../shared/data] [model options]`,
  options: {},
  passThrough: true,
  async run(_values, args = []) {
    const [model, ...rest] = args;
    const script = MODELS[model ?? ''];
    if (!script)
      throw new UsageError(`unknown model '${model}'; choose one of ${Object.keys(MODELS).join(', ')}`);
    const file = fileURLToPath(new URL(`../../analyzer/scripts/${script}`, import.meta.url));
    if (!existsSync(file)) throw new UsageError(`the ${model} training script is missing: ${file}`);
    // A child process, so the script's own argument parsing and exit code stay its own.
    const result = spawnSync(process.execPath, ['--import', 'tsx', file, ...rest], { stdio: 'inherit' });
    return result.status ?? 1;
  },
};
