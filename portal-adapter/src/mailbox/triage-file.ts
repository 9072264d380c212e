import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseLetterLine, Triage, type TriageOptions } from './triage.ts';

export interface TriageFileOptions extends TriageOptions {
  input: string;
  output: string;
  /** Called for each line that is not a letter; the line is skipped and the run goes on. */
  onBadLine?: (line: number, message: string) => void;
}

/** Streams a JSON Lines file of letters through triage, one result line per good input line. */
export async function triageFile(options: TriageFileOptions): Promise<{ written: number; bad: number }> {
  const triage = new Triage(options);
  const out = createWriteStream(options.output, 'utf8');
  const rl = createInterface({
    input: createReadStream(options.input, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let number = 0;
  let written = 0;
  let bad = 0;
  try {
    for await (const text of rl) {
      number++;
      if (!text.trim()) continue;
      const parsed = parseLetterLine(text);
      if (!parsed.ok) {
        bad++;
        options.onBadLine?.(number, parsed.error);
        continue;
      }
      if (!out.write(`${JSON.stringify(triage.triage(parsed.value))}\n`)) await once(out, 'drain');
      written++;
    }
  } finally {
    out.end();
    await once(out, 'finish');
  }
  return { written, bad };
}
