import type { SandboxUpstream } from '#packages/sandbox/index.js';
import { expressAsiaSandbox } from '#upstreams/express-asia/createExpressAsiaSandbox.js';
import { expressGlobalSandbox } from '#upstreams/express-global/createExpressGlobalSandbox.js';
import { lastMileLocalSandbox } from '#upstreams/lastmile-local/createLastMileLocalSandbox.js';
import { lineAsiaEuSandbox } from '#upstreams/line-asiaeu/createLineAsiaEuSandbox.js';
import { postIntlSandbox } from '#upstreams/post-intl/createPostIntlSandbox.js';

/**
 * The carrier sandboxes logistics talks to. Tests start exactly these (not every upstream of
 * `upstreams/registry.ts`): marketplaces play no part in quoting shipping.
 */
export const CARRIER_SANDBOXES: readonly SandboxUpstream[] = [
  postIntlSandbox,
  expressGlobalSandbox,
  expressAsiaSandbox,
  lineAsiaEuSandbox,
  lastMileLocalSandbox,
];
