import { createHmac } from 'node:crypto';

export interface SignedCall {
  readonly partner_id: string;
  readonly timestamp: string;
  readonly sign: string;
}

/**
 * Signs a public PasarMall call: hex HMAC-SHA256, keyed with the partner key, over
 * partner_id + api_path + timestamp. The path is part of the signature, so a sign is only good
 * for the one endpoint; the platform refuses timestamps more than five minutes off its clock.
 */
export function signCall(apiPath: string, credentials: { partnerId: string; partnerKey: string }, now = Date.now()): SignedCall {
  const timestamp = String(Math.floor(now / 1000));
  const sign = createHmac('sha256', credentials.partnerKey).update(`${credentials.partnerId}${apiPath}${timestamp}`, 'utf8').digest('hex');
  return { partner_id: credentials.partnerId, timestamp, sign };
}
