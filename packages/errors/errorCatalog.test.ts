import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, ERROR_CATALOG_PATH } from './errorCatalog.js';
import { ErrorCode } from './ErrorCode.js';
import { GatewayErrorCode } from './GatewayErrorCode.js';
import { formatError } from './formatError.js';

describe('the error-code catalog', () => {
  const markdown = readFileSync(new URL(`../../${ERROR_CATALOG_PATH}`, import.meta.url), 'utf8');

  it('has one entry per code, with a meaning, an HTTP status and whether a retry can help', () => {
    expect(ERROR_CATALOG.map((entry) => entry.code)).toEqual([...Object.values(ErrorCode), ...Object.values(GatewayErrorCode)]);
    expect(ERROR_CATALOG.find((entry) => entry.code === 'RETRYABLE')).toMatchObject({ retryable: true });
    expect(ERROR_CATALOG.find((entry) => entry.code === 'MAX_QUERY_LENGTH_LIMIT')).toMatchObject({ httpStatus: 400, retryable: false });
    expect(ERROR_CATALOG.find((entry) => entry.code === 'UPSTREAM_TIMEOUT')).toMatchObject({ httpStatus: 504, retryable: true });
    for (const entry of ERROR_CATALOG) expect(markdown).toContain(`## ${entry.code}\n\n${entry.meaning}`);
  });

  it('is linked from each error’s extensions.docs, to an anchor that exists, in production too', () => {
    const error = new GraphQLError('filter.marketplaces: unknown', {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'filter.marketplaces' },
    });
    const formatted = formatError({ message: error.message, extensions: error.extensions }, error, { production: true });
    expect(formatted.extensions?.docs).toBe(`${ERROR_CATALOG_PATH}#bad_user_input`);
    const anchor = String(formatted.extensions?.docs).split('#')[1]!;
    expect(markdown).toContain(`](#${anchor})`);
    const hidden = formatError({ message: 'boom', extensions: {} }, new Error('boom'), { production: true });
    expect(hidden.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', docs: `${ERROR_CATALOG_PATH}#internal_server_error` });
  });
});
