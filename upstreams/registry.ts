import type { SandboxUpstream } from '../packages/sandbox/index.js';
import { feiraSandbox } from './br-feira/createFeiraSandbox.js';
import { jadeMarketSandbox } from './cn-jademarket/createJadeMarketSandbox.js';
import { fxRefRatesSandbox } from './fx-refrates/createFxRefRatesSandbox.js';
import { marktplatzSandbox } from './de-marktplatz/createMarktplatzSandbox.js';
import { ichibaSandbox } from './jp-ichiba/createIchibaSandbox.js';
import { pasarMallSandbox } from './my-pasarmall/createPasarMallSandbox.js';
import { mainStreetSandbox } from './us-mainstreet/createMainStreetSandbox.js';

/** Every sandbox upstream. Adding a vendor: one folder in `upstreams/` and one line here. */
export const SANDBOX_UPSTREAMS: readonly SandboxUpstream[] = [
  jadeMarketSandbox,
  feiraSandbox,
  pasarMallSandbox,
  ichibaSandbox,
  marktplatzSandbox,
  mainStreetSandbox,
  fxRefRatesSandbox,
];
