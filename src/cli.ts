#!/usr/bin/env -S npx tsx
import { parseArgs } from 'node:util';
import { ConfigError, StoreError } from '@yuqing/schemas';
import { COMMANDS, type Command, UsageError } from './commands/index.ts';

const HELP = `yuqing — public-opinion monitoring (舆情监测)

Usage: npm run -s yuqing -- <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run 'yuqing <command> --help' for a command's options. Configuration comes from environment
variables: 'yuqing config' lists them with their defaults.`;

function commandHelp(name: string, command: Command): string {
  const options = Object.entries(command.options)
    .map(([flag, o]) => `  --${flag}${o.type === 'string' ? ' <value>' : ''}`.padEnd(26) + o.help)
    .join('\n');
  return `Usage: yuqing ${name} ${command.usage ?? ''}\n\n${command.summary}\n\nOptions:\n${options || '  (none)'}\n  --help                  Show this help`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`yuqing: unknown command '${name}'.\n\n${HELP}`);
    return 2;
  }
  try {
    if (command.passThrough) {
      if (rest.length === 0 || rest[0] === '--help' || rest[0] === '-h') {
        console.log(commandHelp(name, command));
        return rest.length === 0 ? 2 : 0;
      }
      return await command.run({}, rest);
    }
    const { values } = parseArgs({
      args: rest,
      options: { help: { type: 'boolean', short: 'h' }, ...command.options },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      console.log(commandHelp(name, command));
      return 0;
    }
    return await command.run(values as Record<string, string | boolean | undefined>);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 78;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`yuqing ${name}: ${(error as Error).message}\n\n${commandHelp(name, command)}`);
      return 2;
    }
    if (error instanceof StoreError) {
      console.error(`yuqing ${name}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
