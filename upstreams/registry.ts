import type { SandboxUpstream } from '#packages/sandbox/index.js';
import { feiraSandbox } from './br-feira/createFeiraSandbox.js';
import { cardnetSandbox } from './cardnet/createCardnetSandbox.js';
import { jadeMarketSandbox } from './cn-jademarket/createJadeMarketSandbox.js';
import { expressAsiaSandbox } from './express-asia/createExpressAsiaSandbox.js';
import { expressGlobalSandbox } from './express-global/createExpressGlobalSandbox.js';
import { fpxSandbox } from './fpx-my/createFpxSandbox.js';
import { fxRefRatesSandbox } from './fx-refrates/createFxRefRatesSandbox.js';
import { globalWalletSandbox } from './globalwallet/createGlobalWalletSandbox.js';
import { marktplatzSandbox } from './de-marktplatz/createMarktplatzSandbox.js';
import { ichibaSandbox } from './jp-ichiba/createIchibaSandbox.js';
import { lastMileLocalSandbox } from './lastmile-local/createLastMileLocalSandbox.js';
import { lineAsiaEuSandbox } from './line-asiaeu/createLineAsiaEuSandbox.js';
import { pasarMallSandbox } from './my-pasarmall/createPasarMallSandbox.js';
import { pixSandbox } from './pix-br/createPixSandbox.js';
import { postIntlSandbox } from './post-intl/createPostIntlSandbox.js';
import { mainStreetSandbox } from './us-mainstreet/createMainStreetSandbox.js';
import { sokoSandbox } from './ke-soko/createSokoSandbox.js';

/** Every sandbox upstream. Adding a vendor: one folder in `upstreams/` and one line here. */
export const SANDBOX_UPSTREAMS: readonly SandboxUpstream[] = [
  jadeMarketSandbox,
  feiraSandbox,
  pasarMallSandbox,
  ichibaSandbox,
  marktplatzSandbox,
  mainStreetSandbox,
  sokoSandbox,
  fxRefRatesSandbox,
  postIntlSandbox,
  expressGlobalSandbox,
  expressAsiaSandbox,
  lineAsiaEuSandbox,
  lastMileLocalSandbox,
  cardnetSandbox,
  globalWalletSandbox,
  pixSandbox,
  fpxSandbox,
];
