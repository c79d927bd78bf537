import type { RouteHandler } from '#packages/server/index.js';
import { WEB_PAGES } from './webPageRoutes.js';

/** What the explorer page asks the gateway at start (`/explorer/settings.json`). */
export interface ExplorerSettings {
  /** The key filled into the explorer's headers: the development key, outside production only. */
  readonly developmentKey?: string;
}

/**
 * The explorer at `/` and, for a browser, at `GET /graphql` (returned as `browserPage`), beside
 * its files under `/explorer/` (from `webPageRoutes`), and the settings it reads when it opens.
 */
export function explorerRoutes(
  pages: ReadonlyMap<string, RouteHandler>,
  settings: ExplorerSettings,
): { routes: Map<string, RouteHandler>; browserPage: RouteHandler } {
  const page = pages.get(WEB_PAGES.explorer!);
  if (page === undefined) throw new Error('the explorer page is not among the web pages served');
  const body = JSON.stringify(settings);
  const routes = new Map<string, RouteHandler>([
    ['/', page],
    [
      `${WEB_PAGES.explorer!}/settings.json`,
      (_request, response) => {
        response.statusCode = 200;
        response.setHeader('content-type', 'application/json; charset=utf-8');
        // the development key must not outlive the stack that made it in some cache
        response.setHeader('cache-control', 'no-store');
        response.end(body);
      },
    ],
  ]);
  return { routes, browserPage: page };
}
