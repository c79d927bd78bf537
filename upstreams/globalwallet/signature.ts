import { createHmac } from 'node:crypto';

/**
 * GlobalWallet's request signature: hex HMAC-SHA256 over `<timestamp>.<METHOD>.<path>.<body>`
 * with the merchant's signing secret; the timestamp (Unix seconds) must be within 5 minutes.
 * Answers are not signed in the sandbox.
 */
export function walletSignature(secret: string, timestamp: string, method: string, path: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${method}.${path}.${body}`, 'utf8').digest('hex');
}
