export { hasScope, type CallerPrincipal } from './CallerPrincipal.js';
export { createPrincipalSigner, type PrincipalSigner } from './createPrincipalSigner.js';
export { readCallerPrincipal } from './readCallerPrincipal.js';
export {
  PRINCIPAL_HEADER,
  PRINCIPAL_MAX_AGE_SECONDS,
  principalKeyFrom,
  signPrincipal,
  verifyPrincipal,
  type PrincipalVerification,
} from './signPrincipal.js';
export { isTier, SCOPE_PATTERN, TIERS, type Tier } from './tiers.js';
