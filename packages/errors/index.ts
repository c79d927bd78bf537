export { ErrorCode, httpStatusOf } from './ErrorCode.js';
export { GatewayErrorCode, gatewayHttpStatusOf } from './GatewayErrorCode.js';
export { UpstreamError, assertNever, type UpstreamFailure } from './UpstreamError.js';
export { userInputError } from './userInputError.js';
export { renamedCountryInput } from './renamedCountryInput.js';
export { formatError, httpStatusFor } from './formatError.js';
export { UpstreamRefusal, refusalOf, type RefusalInit, type VendorRefusal } from './UpstreamRefusal.js';
export {
  ERROR_CATALOG,
  ERROR_CATALOG_PATH,
  errorCatalogMarkdown,
  errorDocsLink,
  isCatalogCode,
  type CatalogCode,
  type ErrorCodeEntry,
} from './errorCatalog.js';
