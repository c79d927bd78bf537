/**
 * `npm run build:web`: bundles every page under `web/<page>/` (its `main.ts`, with everything it
 * imports from npm) into `web/dist/<page>/`, beside its `index.html` and any `.css` file. The
 * bundles need no network at all: the gateway serves them (`/<page>`), and they talk only to its
 * `/graphql`. A new page is a new folder; nothing here changes.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const WEB = new URL('../web/', import.meta.url).pathname;
const DIST = join(WEB, 'dist');

const pages = readdirSync(WEB, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'dist' && existsSync(join(WEB, entry.name, 'main.ts')))
  .map((entry) => entry.name);

rmSync(DIST, { recursive: true, force: true });
for (const page of pages) {
  const out = join(DIST, page);
  mkdirSync(out, { recursive: true });
  const started = performance.now();
  await build({
    entryPoints: [join(WEB, page, 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    legalComments: 'linked',
    // React's production build, with no `process` left in the bundle.
    define: { 'process.env.NODE_ENV': '"production"' },
    // Contract operations as text; fonts and images as files beside the bundle (served from this origin).
    loader: { '.graphql': 'text', '.woff2': 'file', '.woff': 'file', '.ttf': 'file', '.svg': 'file', '.png': 'file' },
    assetNames: '[name]-[hash]',
    outfile: join(out, 'main.js'),
    logLevel: 'warning',
  });
  for (const file of readdirSync(join(WEB, page)))
    if (file === 'index.html' || file.endsWith('.css')) copyFileSync(join(WEB, page, file), join(out, file));
  process.stdout.write(`web/dist/${page}: built in ${Math.round(performance.now() - started)} ms\n`);
}
