import path from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, Secret } from './config.ts';

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

  it('leaves OIDC off unless an issuer is set', () => {
    const config = loadConfig({});
    expect(config.oidcIssuer).toBeUndefined();
    expect(config.oidcName).toBe('统一身份认证');
    expect(config.oidcUsernameClaim).toBe('preferred_username');
  });

  it('needs a client id and a public URL with an issuer, and https off the loopback', () => {
    try {
      loadConfig({ YUQING_OIDC_ISSUER: 'https://sso.example.gov.cn/realms/main' });
      expect.unreachable();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('YUQING_OIDC_CLIENT_ID');
      expect(problems).toContain('YUQING_PUBLIC_URL');
    }
    expect(() =>
      loadConfig({
        YUQING_OIDC_ISSUER: 'http://sso.example.gov.cn',
        YUQING_OIDC_CLIENT_ID: 'yuqing',
        YUQING_PUBLIC_URL: 'https://yq.example.gov.cn',
      }),
    ).toThrow(/YUQING_OIDC_ISSUER: must be an https URL/);
    const local = loadConfig({
      YUQING_OIDC_ISSUER: 'http://127.0.0.1:4000',
      YUQING_OIDC_CLIENT_ID: 'yuqing',
      YUQING_PUBLIC_URL: 'http://127.0.0.1:3000',
    });
    expect(local.oidcIssuer).toBe('http://127.0.0.1:4000');
  });

  it('never shows the client secret when printed, logged or serialised', () => {
    const config = loadConfig({
      YUQING_OIDC_ISSUER: 'https://sso.example.gov.cn',
      YUQING_OIDC_CLIENT_ID: 'yuqing',
      YUQING_OIDC_CLIENT_SECRET: 'very-secret-value',
      YUQING_PUBLIC_URL: 'https://yq.example.gov.cn',
    });
    expect(config.oidcClientSecret).toBeInstanceOf(Secret);
    expect(config.oidcClientSecret?.reveal()).toBe('very-secret-value');
    const shown = [JSON.stringify({ ...config }), String(config.oidcClientSecret), inspect(config)].join(
      '\n',
    );
    expect(shown).not.toContain('very-secret-value');
    expect(JSON.parse(JSON.stringify(config)).oidcClientSecret).toBe('[set]');
  });
});
