import { existsSync, readFileSync } from 'node:fs';
import { type Config, ConfigError } from '@yuqing/schemas';

/** The installation's sensitivity rule override, if configured; a missing file stops start-up. */
export function readSensitivityRules(config: Config): string | undefined {
  const file = config.sensitivityRules;
  if (!file) return undefined;
  if (!existsSync(file)) throw new ConfigError([`YUQING_SENSITIVITY_RULES: file not found: ${file}`]);
  return readFileSync(file, 'utf8');
}
