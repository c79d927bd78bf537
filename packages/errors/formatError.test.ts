import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { UpstreamError, formatError, userInputError } from './index.js';

const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['search'] });
const formattedOf = (error: GraphQLError) => ({ ...error.toJSON(), extensions: { ...error.extensions, stacktrace: ['at secret.ts:1'] } });

describe('formatError', () => {
  it('in production, hides unexpected errors entirely', () => {
    const error = wrap(new Error('connect ECONNREFUSED 10.0.0.7:5432 password=hunter2'));
    const shown = formatError(formattedOf(error), error, { production: true });
    expect(shown).toEqual({
      message: 'Internal server error',
      locations: undefined,
      path: ['search'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', docs: 'packages/errors/ERRORS.md#internal_server_error' },
    });
  });

  it('in production, shows upstream failures by code without the vendor body', () => {
    const error = wrap(
      new UpstreamError({ upstream: 'br-feira', failure: 'timeout', message: 'br-feira timed out', detail: '<html>secret</html>' }),
    );
    const shown = formatError(formattedOf(error), error, { production: true });
    expect(shown.message).toBe('br-feira timed out');
    expect(shown.extensions).toEqual({
      code: 'UPSTREAM_TIMEOUT',
      upstream: 'br-feira',
      retryable: true,
      docs: 'packages/errors/ERRORS.md#upstream_timeout',
    });
    expect(JSON.stringify(shown)).not.toContain('secret');
  });

  it('codes an uncoded error its thrower gave a 4xx as BAD_REQUEST, not an internal error (Apollo’s unsupported APQ version)', () => {
    const error = new GraphQLError('Unsupported persisted query version', { extensions: { http: { status: 400 } } });
    for (const production of [true, false]) {
      const shown = formatError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error, { production });
      expect(shown).toMatchObject({ message: 'Unsupported persisted query version', extensions: { code: 'BAD_REQUEST' } });
    }
    const internal = new GraphQLError('boom', { extensions: { http: { status: 500 } } });
    expect(
      formatError({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, internal, { production: true }).extensions?.code,
    ).toBe('INTERNAL_SERVER_ERROR');
  });

  it('keeps user input errors and the argument they name', () => {
    const error = userInputError('first: must be from 0 to 50', 'first');
    const shown = formatError(formattedOf(error), error, { production: true });
    expect(shown.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'first', docs: 'packages/errors/ERRORS.md#bad_user_input' });
  });

  it('outside production, keeps the stack for developers', () => {
    const error = wrap(new Error('boom'));
    expect(formatError(formattedOf(error), error, { production: false }).extensions?.stacktrace).toBeDefined();
  });
});
