import { oddString } from './corruptOperation.js';
import type { Random } from './Random.js';

/** An HTTP request written byte for byte, so that it can be as wrong as a hostile client makes it. */
export interface RawRequest {
  readonly label: string;
  readonly bytes: Buffer;
  /** Stop writing after this many bytes and half-close (a body cut short). */
  readonly cutAt?: number;
}

/** An HTTP/1.1 request to `path` on `host`, `Connection: close`, with a correct Content-Length unless headers say otherwise. */
export function rawRequest(
  label: string,
  host: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer | string = '',
  cutAt?: number,
): RawRequest {
  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const all: Record<string, string> = { host, connection: 'close', ...headers };
  if (!Object.keys(all).some((name) => name.toLowerCase() === 'content-length' || name.toLowerCase() === 'transfer-encoding')) {
    if (payload.length > 0 || method === 'POST') all['content-length'] = String(payload.length);
  }
  const head = `${method} ${path} HTTP/1.1\r\n${Object.entries(all)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
  const headBytes = Buffer.from(head, 'latin1');
  return { label, bytes: Buffer.concat([headBytes, payload]), ...(cutAt !== undefined && { cutAt: headBytes.length + cutAt }) };
}

/**
 * A request that is wrong at the HTTP or JSON level: content types the API does not take, bodies
 * cut short or lying about their length, methods and paths it does not serve, headers past every
 * limit, batches abused, bytes that are not UTF-8. The answer must be a 4xx (or the connection
 * closed), never a 5xx.
 */
export function malformedRequest(host: string, path: string, apiKey: string, random: Random): RawRequest {
  const json = { 'content-type': 'application/json', 'x-api-key': apiKey };
  const simple = JSON.stringify({ query: '{ marketplaces { id name } }' });
  const post = (label: string, body: Buffer | string, headers: Record<string, string> = json, cutAt?: number) =>
    rawRequest(label, host, 'POST', path, headers, body, cutAt);
  const cases: ReadonlyArray<readonly [number, () => RawRequest]> = [
    [2, () => post('truncated JSON', simple.slice(0, random.int(1, simple.length - 1)))],
    [1, () => post('JSON with trailing garbage', `${simple}}}]]`)],
    [1, () => post('empty body', '')],
    [1, () => post('JSON that is not an object', random.pick(['null', '42', '"x"', 'true', '[]', '[[]]', '{}']))],
    [1, () => post('bytes that are not UTF-8', Buffer.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]))],
    [
      1,
      () =>
        post(
          'Content-Length longer than the body (half-closed)',
          simple,
          { ...json, 'content-length': String(simple.length + random.int(1, 5_000)) },
          simple.length,
        ),
    ],
    [1, () => post('body cut mid-send', simple, json, random.int(1, simple.length - 1))],
    [
      1,
      () => post('Content-Length shorter than the body', simple, { ...json, 'content-length': String(random.int(1, simple.length - 1)) }),
    ],
    [
      1,
      () =>
        post('Content-Length not a number', simple, {
          ...json,
          'content-length': random.pick(['abc', '-1', '1e3', '99999999999999999999']),
        }),
    ],
    [1, () => post('chunked with broken chunks', `zz\r\n${simple}\r\n0\r\n\r\n`, { ...json, 'transfer-encoding': 'chunked' })],
    [1, () => post('body over the size limit', `{"query":"{ __typename }","variables":{"x":"${'a'.repeat(1_100_000)}"}}`)],
    [1, () => post('gzip claimed, not gzip', simple, { ...json, 'content-encoding': random.pick(['gzip', 'br', 'deflate', 'x-unknown']) })],
    [
      2,
      () =>
        post('content type not JSON', simple, {
          'x-api-key': apiKey,
          'content-type': random.pick([
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
            'application/graphql',
            'application/json; charset=latin1',
            'application/xml',
            '',
          ]),
        }),
    ],
    [1, () => post('no content type', simple, { 'x-api-key': apiKey })],
    [1, () => rawRequest('method not served', host, random.pick(['PUT', 'DELETE', 'PATCH', 'TRACE', 'PROPFIND']), path, json, simple)],
    [
      1,
      () =>
        rawRequest('OPTIONS preflight', host, 'OPTIONS', path, { origin: 'http://evil.example', 'access-control-request-method': 'POST' }),
    ],
    [1, () => rawRequest('HEAD', host, 'HEAD', path, { 'x-api-key': apiKey })],
    [1, () => rawRequest('GET without a query', host, 'GET', path, { 'x-api-key': apiKey })],
    [
      1,
      () =>
        rawRequest(
          'GET with a mutation',
          host,
          'GET',
          `${path}?query=${encodeURIComponent('mutation { placeOrder(input: {}) { order { id } } }')}`,
          {
            'x-api-key': apiKey,
          },
        ),
    ],
    [
      1,
      () =>
        rawRequest(
          'GET with bad variables',
          host,
          'GET',
          `${path}?query=%7B__typename%7D&variables=%7B${'x'.repeat(random.int(1, 2_000))}`,
          { 'x-api-key': apiKey },
        ),
    ],
    [
      1,
      () => rawRequest('very long URL', host, 'GET', `${path}?query=${'%7B'.repeat(random.int(3_000, 20_000))}`, { 'x-api-key': apiKey }),
    ],
    [
      1,
      () =>
        rawRequest(
          'unknown path',
          host,
          random.pick(['GET', 'POST']),
          random.pick([
            '/graphql/../../etc/passwd',
            '/%00',
            '/ready/../graphql',
            '//graphql',
            `/${'a'.repeat(5_000)}`,
            '/metrics?x=1',
            '/__sandbox/faults',
          ]),
          json,
          simple,
        ),
    ],
    [1, () => post('one huge header', simple, { ...json, 'x-filler': 'a'.repeat(random.int(17_000, 90_000)) })],
    [
      1,
      () =>
        post('many headers', simple, {
          ...json,
          ...Object.fromEntries(Array.from({ length: random.int(200, 3_000) }, (_, i) => [`x-h${i}`, 'v'])),
        }),
    ],
    [
      1,
      () =>
        post('API key that is odd', simple, {
          'content-type': 'application/json',
          'x-api-key':
            oddString(random)
              .slice(0, 8_000)
              .replace(/[\r\n]/g, '')
              .replaceAll('\0', '') || 'x',
        }),
    ],
    [
      1,
      () =>
        post('authorization header junk', simple, {
          ...json,
          authorization: random.pick(['Bearer', 'Basic !!!', `Bearer ${'a'.repeat(4_000)}`]),
        }),
    ],
    [
      1,
      () =>
        post('batch of many operations', JSON.stringify(Array.from({ length: random.int(2, 2_000) }, () => ({ query: '{ __typename }' })))),
    ],
    [
      1,
      () =>
        post('batch of junk', JSON.stringify(random.pick([[1, 2, 3], [null], [[{ query: '{ __typename }' }]], [{}], ['{ __typename }']]))),
    ],
    [1, () => post('deeply nested JSON', `${'['.repeat(random.int(1_000, 50_000))}${']'.repeat(random.int(0, 10))}`)],
    [
      1,
      () =>
        post(
          'duplicate keys and a __proto__',
          '{"query":"{ __typename }","query":"{ x }","__proto__":{"polluted":true},"variables":{"__proto__":{"a":1}}}',
        ),
    ],
  ];
  return random.weighted(cases)();
}
