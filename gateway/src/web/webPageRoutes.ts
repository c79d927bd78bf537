import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { RouteHandler } from '#packages/server/index.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/**
 * The built pages the gateway serves, by the path each answers at (e.g. `insights` at `/insights`).
 * The explorer also answers at `/` and at a browser's `GET /graphql` (explorerRoutes).
 */
export const WEB_PAGES: Readonly<Record<string, string>> = { insights: '/insights', explorer: '/explorer' };

/** The content security policy of every page: nothing but this origin (fonts and images too), so pages work offline. */
export const PAGE_SECURITY_POLICY =
  "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:";

/**
 * Routes for the web pages of `npm run build:web`: `/insights` gives the page, `/insights/<file>`
 * its files, read once at start. Pages run offline: a strict content security policy lets them
 * reach only this origin. A page that was not built answers 503 saying how to build it.
 */
export function webPageRoutes(distDir: string, pages: readonly string[] = Object.keys(WEB_PAGES)): Map<string, RouteHandler> {
  const routes = new Map<string, RouteHandler>();
  for (const page of pages) {
    const path = WEB_PAGES[page];
    if (path === undefined) throw new Error(`no web page "${page}" (pages: ${Object.keys(WEB_PAGES).join(', ')})`);
    const folder = join(distDir, page);
    if (!existsSync(join(folder, 'index.html'))) {
      routes.set(path, (_request, response) => {
        response.statusCode = 503;
        response.setHeader('content-type', 'text/plain; charset=utf-8');
        response.end(`The ${page} page is not built: run \`npm run build:web\` (npm start does it).`);
      });
      continue;
    }
    for (const file of readdirSync(folder)) {
      const body = readFileSync(join(folder, file));
      const handler: RouteHandler = (_request, response) => {
        response.statusCode = 200;
        response.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
        response.setHeader('content-security-policy', PAGE_SECURITY_POLICY);
        response.setHeader('cache-control', 'no-cache');
        response.end(body);
      };
      routes.set(`${path}/${file}`, handler);
      if (file === 'index.html') routes.set(path, handler);
    }
  }
  return routes;
}
