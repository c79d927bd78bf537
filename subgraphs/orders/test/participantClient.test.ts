import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '#packages/log/index.js';
import { createParticipantClient, type ParticipantClient } from '../src/participants/createParticipantClient.js';
import { ParticipantError } from '../src/participants/ParticipantError.js';

/** A participant that answers what the test says, and remembers the headers it got. */
describe('a participant call', () => {
  let server: Server;
  let client: ParticipantClient;
  let answer: { status: number; body: string } = { status: 200, body: '{}' };
  let headers: IncomingHttpHeaders = {};

  beforeAll(async () => {
    server = createServer((request, response) => {
      headers = request.headers;
      request.resume();
      request.on('end', () => {
        response.statusCode = answer.status;
        response.setHeader('content-type', 'application/json');
        response.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    client = createParticipantClient({
      participant: 'logistics',
      url: `http://127.0.0.1:${port}/graphql`,
      serviceSecret: 'the-secret',
      timeoutMs: 2_000,
      logger: createLogger('orders', { level: 'silent' }),
    });
  });
  afterAll(async () => {
    await client.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const outcome = async (status: number, body: unknown) => {
    answer = { status, body: typeof body === 'string' ? body : JSON.stringify(body) };
    try {
      return await client.execute('mutation { x }', {}, (data) => data);
    } catch (error) {
      if (error instanceof ParticipantError) return { kind: error.kind, code: error.code };
      throw error;
    }
  };
  const failure = (code: string, extra: Record<string, unknown> = {}) => ({ errors: [{ message: 'no', extensions: { code, ...extra } }] });

  it('sends the service secret and reads the data', async () => {
    expect(await outcome(200, { data: { createShipment: { id: 's-1' } } })).toEqual({ createShipment: { id: 's-1' } });
    expect(headers['x-service-secret']).toBe('the-secret');
  });

  it('reads an expected failure as refused, keeping its code', async () => {
    expect(await outcome(200, failure('CARRIER_UNAVAILABLE', { retryable: false }))).toEqual({
      kind: 'refused',
      code: 'CARRIER_UNAVAILABLE',
    });
    expect(await outcome(200, failure('OUT_OF_STOCK'))).toEqual({ kind: 'refused', code: 'OUT_OF_STOCK' });
  });

  it('reads a failure the participant says may be retried as transient: the outcome is unknown', async () => {
    expect(await outcome(200, failure('CARRIER_UNAVAILABLE', { retryable: true }))).toEqual({
      kind: 'transient',
      code: 'CARRIER_UNAVAILABLE',
    });
  });

  it('reads a refused request (bad input, wrong secret, state conflict) as rejected', async () => {
    expect(await outcome(200, failure('BAD_USER_INPUT'))).toEqual({ kind: 'rejected', code: 'BAD_USER_INPUT' });
    expect(await outcome(200, failure('STATE_CONFLICT'))).toEqual({ kind: 'rejected', code: 'STATE_CONFLICT' });
    expect(await outcome(400, failure('GRAPHQL_VALIDATION_FAILED'))).toEqual({ kind: 'rejected', code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('reads 5xx, unknown codes and unreadable answers as transient', async () => {
    expect(await outcome(200, failure('INTERNAL_SERVER_ERROR'))).toEqual({ kind: 'transient', code: 'INTERNAL_SERVER_ERROR' });
    expect((await outcome(503, 'busy')) as { kind: string }).toMatchObject({ kind: 'transient' });
    expect(await outcome(200, '<html>')).toEqual({ kind: 'transient', code: 'UPSTREAM_BAD_RESPONSE' });
    expect(await outcome(200, { data: null })).toEqual({ kind: 'transient', code: 'UPSTREAM_BAD_RESPONSE' });
  });
});
