/** The API client the sandbox accepts; a real deployment gets its own from the vendor's developer portal. */
export const SANDBOX_CLIENT_ID = 'marktplatz-sandbox-client';
export const SANDBOX_CLIENT_SECRET = 'marktplatz-sandbox-secret';

/** HTTP Basic (RFC 7617): `Basic base64(client-id:client-secret)`, sent with every call. */
export function isAuthorized(authorization: string | undefined): boolean {
  const encoded = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '')?.[1];
  if (encoded === undefined) return false;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  return separator > 0 && decoded.slice(0, separator) === SANDBOX_CLIENT_ID && decoded.slice(separator + 1) === SANDBOX_CLIENT_SECRET;
}
