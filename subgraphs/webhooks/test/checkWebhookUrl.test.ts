import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPrivateAddress } from '#subgraphs/webhooks/src/delivery/checkWebhookUrl.js';

describe('which URLs may be webhook endpoints', () => {
  it('only http and https, without credentials', async () => {
    expect(await checkWebhookUrl('ftp://example.com/x', { allowPrivate: true })).toMatch(/only http and https/);
    expect(await checkWebhookUrl('file:///etc/passwd', { allowPrivate: true })).toMatch(/only http and https/);
    expect(await checkWebhookUrl('not a url', { allowPrivate: true })).toBe('not a URL');
    expect(await checkWebhookUrl('https://user:pw@example.com/', { allowPrivate: true })).toMatch(/credentials/);
    expect(await checkWebhookUrl('http://127.0.0.1:9000/hook', { allowPrivate: true })).toBeUndefined();
  });

  it('refuses loopback, private, link-local and mapped addresses where private ones are not allowed', async () => {
    for (const url of [
      'http://127.0.0.1/hook',
      'http://10.1.2.3/hook',
      'http://172.20.0.1/hook',
      'http://192.168.1.1/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/hook',
      'http://[fd00::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://0.0.0.0/hook',
      'http://localhost/hook',
    ]) {
      expect(await checkWebhookUrl(url, { allowPrivate: false }), url).toMatch(/not a public address|does not resolve/);
    }
  });

  it('tells public addresses from private ones', () => {
    expect(isPrivateAddress('93.184.216.34')).toBe(false);
    expect(isPrivateAddress('2606:2800:220:1:248:1893:25c8:1946')).toBe(false);
    expect(isPrivateAddress('100.64.0.1')).toBe(true);
    expect(isPrivateAddress('::ffff:10.0.0.1')).toBe(true);
    expect(isPrivateAddress('not-an-ip')).toBe(true);
  });

  it('accepts a public literal address in production', async () => {
    expect(await checkWebhookUrl('https://93.184.216.34/hook', { allowPrivate: false })).toBeUndefined();
  });
});
