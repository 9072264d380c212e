import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { createLogger, loadConfig, migrate, openStore } from '@yuqing/schemas';
import { readSensitivityRules } from '../rules.ts';
import { observerOptions } from '../sources.ts';
import { type Command, UsageError } from './index.ts';

export const analyzeCommand: Command = {
  summary: 'Analyze crawled documents once (--once), or score a JSON Lines file without the store.',
  usage: '--once | --input docs.jsonl --output out.jsonl [--workers N]',
  options: {
    once: { type: 'boolean', help: 'Analyze every crawled document not yet analyzed and exit' },
    input: {
      type: 'string',
      help: 'JSON Lines: {"id","content","title"?,"publishedAt"?,"url"?,"source"?,"region"?}',
    },
    output: { type: 'string', help: 'Where to write one analysis per line' },
    workers: { type: 'string', help: 'Worker threads (default: the number of cores)' },
    rules: {
      type: 'string',
      help: 'Sensitivity rules (YAML) merged over the defaults: add, extend, replace, disable',
    },
  },
  async run(values) {
    if (values.input !== undefined || values.output !== undefined) return analyzeFileCommand(values);
    if (!values.once) throw new UsageError('give --once, or --input and --output');
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    const { AlertEngine, analyzeOnce, createObservers, restoreState, TextAnalyzer } = await import(
      '@yuqing/analyzer'
    );
    const store = await openStore(config, logger);
    const analyzer = new TextAnalyzer(config.analyzerWorkers, { rules: readSensitivityRules(config) });
    try {
      await migrate(store, logger);
      // Topics, plans, events, people and the opinion index follow, and alerts are raised (the
      // running platform delivers them).
      const observers = createObservers(await observerOptions(store, config, logger));
      const state = await restoreState(store, logger, { observers });
      const alerts = new AlertEngine(store, logger);
      const { analyzed } = await analyzeOnce(store, { logger, analyzer, state, alerts });
      console.log(`Analyzed ${analyzed} documents.`);
      return 0;
    } finally {
      await analyzer.close();
      await store.close();
    }
  },
};

/** The pure batch mode: never opens the store, so it runs beside a live platform. */
async function analyzeFileCommand(values: Record<string, string | boolean | undefined>): Promise<number> {
  const input = values.input;
  const output = values.output;
  if (typeof input !== 'string' || typeof output !== 'string')
    throw new UsageError('give both --input and --output');
  if (!existsSync(input)) throw new UsageError(`input file not found: ${input}`);
  const workers = values.workers === undefined ? os.availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0) throw new UsageError('--workers must be a whole number ≥ 0');
  const { analyzeFile, sensitivityMatcher } = await import('@yuqing/analyzer');
  const rules = typeof values.rules === 'string' ? readRules(values.rules) : undefined;
  if (rules) {
    // Checked here so a bad rule is reported once, clearly, before any work starts.
    for (const error of sensitivityMatcher(rules).errors)
      process.stderr.write(`${values.rules}: rule skipped: ${error}\n`);
  }
  let bad = 0;
  const started = performance.now();
  const { written } = await analyzeFile({
    input,
    output,
    workers,
    rules,
    onBadLine: (line, message) => {
      bad++;
      process.stderr.write(`${input}:${line}: skipped: ${message}\n`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `Analyzed ${written} documents in ${seconds.toFixed(1)} s (${Math.round(written / seconds)} docs/s)` +
      `${bad ? `; ${bad} bad lines skipped` : ''}.\n`,
  );
  return 0;
}

function readRules(file: string): string {
  if (!existsSync(file)) throw new UsageError(`rules file not found: ${file}`);
  return readFileSync(file, 'utf8');
}
