import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig, setting } from './index.js';

const spec = {
  PORT: setting.port({ default: 4000 }),
  BASE_URL: setting.url({ default: 'http://127.0.0.1:4101/' }),
  VERBOSE: setting.boolean({ default: false }),
  MODE: setting.oneOf(['fast', 'safe'], { default: 'safe' }),
  SECRET: setting.string(),
};

describe('readConfig', () => {
  it('applies defaults and parses values', () => {
    const config = readConfig(spec, { SECRET: 's', VERBOSE: 'yes', PORT: '8080' });
    expect(config).toEqual({ PORT: 8080, BASE_URL: 'http://127.0.0.1:4101', VERBOSE: true, MODE: 'safe', SECRET: 's' });
  });

  it.each([
    [{ SECRET: 's', PORT: 'eighty' }, 'PORT'],
    [{ SECRET: 's', PORT: '70000' }, 'PORT'],
    [{ SECRET: 's', BASE_URL: 'ftp://x' }, 'BASE_URL'],
    [{ SECRET: 's', VERBOSE: 'maybe' }, 'VERBOSE'],
    [{ SECRET: 's', MODE: 'reckless' }, 'MODE'],
    [{}, 'SECRET'],
  ])('fails fast naming the bad key (%o)', (env, key) => {
    let error: unknown;
    try {
      readConfig(spec, env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).key).toBe(key);
    expect((error as ConfigError).message).toContain(key);
  });

  it('treats an empty variable as unset', () => {
    expect(readConfig(spec, { SECRET: 's', PORT: '' }).PORT).toBe(4000);
  });
});
