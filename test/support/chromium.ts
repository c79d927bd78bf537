import { existsSync } from 'node:fs';

/** Debian's Chromium, which `.ci/run` installs; `CHROMIUM_PATH` points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether there is no Chromium to drive (browser tests skip with a notice, except under `CI=true`). */
export const chromiumMissing = !existsSync(CHROMIUM);

/** The flags this workplace's machines need (no sandbox as root; no background calls to Google). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
