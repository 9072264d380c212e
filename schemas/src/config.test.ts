import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('applies defaults and resolves the data directory', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.clickhouseUrl).toBeUndefined();
    expect(config.clickhouseDir).toBe(path.resolve('data', 'clickhouse'));
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ CLICKHOUSE_URL: '', PORT: '' }).clickhouseUrl).toBeUndefined();
  });

  it('reports every bad variable at once', () => {
    try {
      loadConfig({ PORT: '99999', CLICKHOUSE_URL: 'not a url', YUQING_ADMIN_PASSWORD: 'short' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('CLICKHOUSE_URL');
      expect(problems).toContain('YUQING_ADMIN_PASSWORD');
    }
  });
});
