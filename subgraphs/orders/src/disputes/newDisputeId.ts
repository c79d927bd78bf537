import { randomBytes } from 'node:crypto';

/** `dsp_` and 128 random bits in base64url, like order ids: not guessable, says nothing of volume. */
export function newDisputeId(): string {
  return `dsp_${randomBytes(16).toString('base64url')}`;
}
