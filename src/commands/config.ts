import { configMarkdown, loadConfig } from '@yuqing/schemas';
import type { Command } from './index.ts';

export const configCommand: Command = {
  summary: 'Check the configuration, or print every variable with its default (--markdown).',
  options: { markdown: { type: 'boolean', help: 'Print the configuration table of the README' } },
  async run(values) {
    if (values.markdown) {
      console.log(configMarkdown());
      return 0;
    }
    const config = loadConfig();
    const shown = {
      ...config,
      clickhousePassword: config.clickhousePassword ? '[set]' : '',
      adminPassword: config.adminPassword ? '[set]' : undefined,
    };
    console.log(JSON.stringify(shown, null, 2));
    return 0;
  },
};
