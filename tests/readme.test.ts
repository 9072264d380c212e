import { readFileSync } from 'node:fs';
import { configMarkdown } from '@yuqing/schemas';
import { expect, it } from 'vitest';

it('README configuration table matches the config schema', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const table = /<!-- config -->\n([\s\S]*?)\n<!-- \/config -->/.exec(readme)?.[1];
  expect(table, 'README needs a <!-- config --> block').toBeDefined();
  expect(table).toBe(configMarkdown());
});
