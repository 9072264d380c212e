import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Command, UsageError } from './index.ts';

export const triageCommand: Command = {
  summary:
    'Triage citizen letters from a JSON Lines file (category, department, urgency, similar) without the store.',
  usage: '--input letters.jsonl --output out.jsonl',
  options: {
    input: {
      type: 'string',
      help: 'JSON Lines: {"id","title","content","receivedAt"?}, in order of arrival',
    },
    output: {
      type: 'string',
      help: 'One line per letter: {"id","category","categoryPath","department","urgency","sentiment","similar","evidence"}',
    },
  },
  async run(values) {
    const input = values.input;
    const output = values.output;
    if (typeof input !== 'string' || typeof output !== 'string')
      throw new UsageError('give both --input and --output');
    if (!existsSync(input)) throw new UsageError(`input file not found: ${input}`);
    const dir = path.dirname(path.resolve(output));
    if (!existsSync(dir)) throw new UsageError(`output directory not found: ${dir}`);
    const { triageFile } = await import('@yuqing/portal-adapter');
    const started = performance.now();
    const { written, bad } = await triageFile({
      input,
      output,
      onBadLine: (line, message) => process.stderr.write(`${input}:${line}: skipped: ${message}\n`),
    });
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(
      `Triaged ${written} letters in ${seconds.toFixed(1)} s${bad ? `; ${bad} bad lines skipped` : ''}.\n`,
    );
    return 0;
  },
};
