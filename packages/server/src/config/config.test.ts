import { describe, it, expect } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to port 3000 on 127.0.0.1 with the embedded database in ./data', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.databaseUrl).toBeNull();
    expect(config.seedDemo).toBe(true);
    expect(config.now).toBeNull();
  });

  it('reads YAODIAN_NOW as the injected clock and YAODIAN_DEMO=0 as no seeding', () => {
    const config = loadConfig({ YAODIAN_NOW: '2026-05-10', YAODIAN_DEMO: '0', PORT: '8080' });
    expect(config.now?.toISOString()).toBe('2026-05-10T00:00:00.000Z');
    expect(config.seedDemo).toBe(false);
    expect(config.port).toBe(8080);
  });

  it('等保2.0 身份鉴别 · seeds the demo only on a development start of the embedded database unless YAODIAN_DEMO=1', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/yaodian' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', YAODIAN_DEMO: '1' }).seedDemo).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/yaodian', YAODIAN_DEMO: '1' }).seedDemo).toBe(true);
    expect(loadConfig({ YAODIAN_DEMO: '0' }).seedDemo).toBe(false);
  });

  it('lists every bad variable by name instead of stopping at the first', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', YAODIAN_NOW: 'tomorrow' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT');
    expect(problems).toContain('DATABASE_URL');
    expect(problems).toContain('YAODIAN_NOW');
  });
});
