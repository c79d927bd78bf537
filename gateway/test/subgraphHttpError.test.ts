import { describe, expect, it } from 'vitest';
import { subgraphHttpError } from '../src/subgraph/subgraphHttpError.js';

const refusal = (message: string, extensions: Record<string, unknown> = {}) => ({ errors: [{ message, extensions }] });

describe('subgraphHttpError', () => {
  it('turns a subgraph’s 400 into BAD_USER_INPUT with its message and argument', () => {
    const error = subgraphHttpError(400, 'Bad Request', refusal('filter.shipTo: "ZZ" is no country', { argumentName: 'filter.shipTo' }));
    expect(error.message).toBe('filter.shipTo: "ZZ" is no country');
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName: 'filter.shipTo' });
  });

  it('turns a subgraph’s 401 and 403 into UNAUTHENTICATED and FORBIDDEN with its message, and no URL (a keyless `orders` showed the subgraph’s)', () => {
    const unauthenticated = subgraphHttpError(401, 'Unauthorized', refusal('orders needs an API key'));
    expect(unauthenticated.message).toBe('orders needs an API key');
    expect(unauthenticated.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(subgraphHttpError(403, 'Forbidden', 'not json').extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('keeps any other status in @apollo/gateway’s shape, without the subgraph’s URL', () => {
    const error = subgraphHttpError(502, 'Bad Gateway', 'upstream gone');
    expect(error.message).toBe('502: Bad Gateway');
    expect(error.extensions).toEqual({ response: { status: 502, statusText: 'Bad Gateway', body: 'upstream gone' } });
    expect(JSON.stringify(error.extensions)).not.toMatch(/http:\/\//);
  });
});
