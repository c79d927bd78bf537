export {
  ConfigError,
  commonSettings,
  subgraphSettings,
  environmentSnapshot,
  readConfig,
  setting,
  type ConfigOf,
  type ConfigSpec,
  type Environment,
  type Setting,
} from './readConfig.js';
