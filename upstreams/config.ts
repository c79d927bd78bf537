import { commonSettings, readConfig, setting, type Environment } from '#packages/config/index.js';
import { parseFaultList } from '#packages/sandbox/index.js';

export const sandboxSettings = {
  ...commonSettings,
  /** Interface the sandboxes listen on. Default: 127.0.0.1. */
  HOST: setting.string({ default: '127.0.0.1' }),
  /** Faults to start with, `<upstream-id>=<fault>,…` (down, slow:<ms>, error:<status>, ratelimit, garbage). Default: none. */
  SANDBOX_FAULTS: setting.custom((raw) => parseFaultList(raw)),
  /** Listen on free ports instead of each upstream's default port, and print the map. Default: false. */
  SANDBOX_RANDOM_PORTS: setting.boolean({ default: false }),
};

export const readSandboxConfig = (env?: Environment) => readConfig(sandboxSettings, env);
