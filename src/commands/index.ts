import { analyzeCommand } from './analyze.ts';
import { configCommand } from './config.ts';
import { crawlCommand } from './crawl.ts';
import { extractCommand } from './extract.ts';
import { migrateCommand } from './migrate.ts';
import { reportCommand } from './report.ts';
import { sourcesCommand } from './sources.ts';
import { startCommand } from './start.ts';
import { trainCommand } from './train.ts';
import { triageCommand } from './triage.ts';

export interface CommandOption {
  type: 'string' | 'boolean';
  help: string;
}

export interface Command {
  summary: string;
  usage?: string;
  options: Record<string, CommandOption>;
  /** Hands the raw arguments to `run` (for commands that delegate to a script with its own flags). */
  passThrough?: boolean;
  /** Returns the process exit code. */
  run(values: Record<string, string | boolean | undefined>, args?: string[]): Promise<number>;
}

/** A wrong flag or value: exit code 2 with the command's help. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const COMMANDS: Record<string, Command> = {
  start: startCommand,
  migrate: migrateCommand,
  crawl: crawlCommand,
  analyze: analyzeCommand,
  train: trainCommand,
  config: configCommand,
  extract: extractCommand,
  sources: sourcesCommand,
  report: reportCommand,
  triage: triageCommand,
};
