export {
  ConfigError,
  commonSettings,
  readConfig,
  setting,
  type ConfigOf,
  type ConfigSpec,
  type Environment,
  type Setting,
} from './readConfig.js';
