/**
 * `npm run errors:catalog`: writes the error-code catalog (`packages/errors/ERRORS.md`) from
 * `packages/errors/errorCatalog.ts`. `--check` fails when it is stale (run by `npm run check:generated`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { ERROR_CATALOG_PATH, errorCatalogMarkdown } from '#packages/errors/errorCatalog.js';

const file = new URL(`../${ERROR_CATALOG_PATH}`, import.meta.url);
const text = errorCatalogMarkdown();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing: stale
  }
  if (current !== text) {
    process.stderr.write(`${ERROR_CATALOG_PATH} is stale; run \`npm run errors:catalog\` and commit.\n`);
    process.exit(1);
  }
  process.stdout.write('The error-code catalog is up to date.\n');
} else {
  writeFileSync(file, text);
  process.stdout.write(`wrote ${file.pathname}\n`);
}
