import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface Line {
  /** 1-based line number in the input file. */
  number: number;
  text: string;
}

/** The non-blank lines of a file, streamed. */
export async function* readLines(file: string): AsyncGenerator<Line> {
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  for await (const text of rl) {
    number++;
    if (text.trim()) yield { number, text };
  }
}
