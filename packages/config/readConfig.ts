/**
 * Each service describes its environment once (a `ConfigSpec`), and reads it once at start-up
 * with `readConfig`. A bad value fails fast with an error naming the variable. This module is the
 * only place that touches `process.env`.
 */

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly key: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${key} ${problem}`);
  }
}

export interface Setting<T> {
  /** Turns the raw variable (undefined when unset) into a value, or throws a message naming the problem. */
  parse(raw: string | undefined, key: string): T;
}

export type ConfigSpec = Record<string, Setting<unknown>>;
export type ConfigOf<S extends ConfigSpec> = { readonly [K in keyof S]: S[K] extends Setting<infer T> ? T : never };
export type Environment = Readonly<Record<string, string | undefined>>;

export function readConfig<S extends ConfigSpec>(spec: S, env: Environment = process.env): ConfigOf<S> {
  const config: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(spec)) {
    const raw = env[key];
    config[key] = setting.parse(raw === '' ? undefined : raw, key);
  }
  return Object.freeze(config) as ConfigOf<S>;
}

/**
 * A frozen copy of the environment, for a service whose configuration names further variables
 * (a marketplace entry naming where its secret is): they are read from this, not from `process.env`.
 */
export function environmentSnapshot(env: Environment = process.env): Environment {
  return Object.freeze({ ...env });
}

function required<T>(key: string, fallback: T | undefined): T {
  if (fallback === undefined) throw new ConfigError(key, 'is required');
  return fallback;
}

/** The settings a spec is written with. `default` is what an unset variable means. */
export const setting = {
  string(options: { default?: string } = {}): Setting<string> {
    return { parse: (raw, key) => raw ?? required(key, options.default) };
  },

  optionalString(): Setting<string | undefined> {
    return { parse: (raw) => raw };
  },

  int(options: { default?: number; min?: number; max?: number } = {}): Setting<number> {
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = options;
    return {
      parse(raw, key) {
        if (raw === undefined) return required(key, options.default);
        const value = Number(raw);
        if (!/^-?\d+$/.test(raw.trim()) || value < min || value > max) {
          throw new ConfigError(key, `must be an integer from ${min} to ${max} (got "${raw}")`);
        }
        return value;
      },
    };
  },

  port(options: { default?: number } = {}): Setting<number> {
    return setting.int({ ...options, min: 0, max: 65_535 });
  },

  boolean(options: { default?: boolean } = {}): Setting<boolean> {
    return {
      parse(raw, key) {
        if (raw === undefined) return required(key, options.default);
        const normalized = raw.trim().toLowerCase();
        if (['1', 'true', 'yes', 'on'].includes(normalized)) return true;
        if (['0', 'false', 'no', 'off'].includes(normalized)) return false;
        throw new ConfigError(key, `must be true or false (got "${raw}")`);
      },
    };
  },

  url(options: { default?: string } = {}): Setting<string> {
    return {
      parse(raw, key) {
        const value = raw ?? required(key, options.default);
        try {
          const url = new URL(value);
          if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
        } catch {
          throw new ConfigError(key, `must be an http(s) URL (got "${value}")`);
        }
        return value.replace(/\/$/, '');
      },
    };
  },

  oneOf<const T extends string>(values: readonly T[], options: { default?: T } = {}): Setting<T> {
    return {
      parse(raw, key) {
        const value = raw ?? required(key, options.default);
        if (!(values as readonly string[]).includes(value)) {
          throw new ConfigError(key, `must be one of ${values.join(', ')} (got "${value}")`);
        }
        return value as T;
      },
    };
  },

  /** A value with a parser of its own, e.g. a list of faults. */
  custom<T>(parse: (raw: string | undefined) => T): Setting<T> {
    return {
      parse(raw, key) {
        try {
          return parse(raw);
        } catch (error) {
          throw new ConfigError(key, error instanceof Error ? error.message : String(error));
        }
      },
    };
  },
};

/** Settings every service shares. */
export const commonSettings = {
  /** `production` masks errors and refuses development defaults. Default: development. */
  NODE_ENV: setting.oneOf(['development', 'production', 'test'], { default: 'development' }),
  /** Log threshold. Default: info. */
  LOG_LEVEL: setting.oneOf(['debug', 'info', 'warn', 'error', 'silent'], { default: 'info' }),
};

/** Settings every subgraph shares. */
export const subgraphSettings = {
  ...commonSettings,
  /**
   * `on`: a JSON POST of one operation whose text was seen before is served by the lean request path
   * (parsed and validated once, executed without Apollo Server's request pipeline, the same answers);
   * `off`: Apollo Server serves every request. Default: on.
   */
  SUBGRAPH_LEAN: setting.oneOf(['on', 'off'], { default: 'on' }),
};
