import { createHmac } from 'node:crypto';

/**
 * GlobalWallet's request signature headers: hex HMAC-SHA256 over
 * `<unix seconds>.<METHOD>.<path>.<body>`. The wallet refuses a timestamp more than 5 minutes
 * off its clock, so a captured request cannot be replayed later.
 */
export function signRequest(request: { clientId: string; secret: string; method: string; path: string; body: string }, now = Date.now()) {
  const timestamp = String(Math.floor(now / 1000));
  const signature = createHmac('sha256', request.secret)
    .update(`${timestamp}.${request.method}.${request.path}.${request.body}`, 'utf8')
    .digest('hex');
  return { 'x-gw-client-id': request.clientId, 'x-gw-timestamp': timestamp, 'x-gw-signature': signature };
}
