/**
 * The explorer: GraphiQL, bundled with React by `npm run build:web`, so it needs no network (no
 * CDN, no web fonts, no telemetry). It opens with the contract operations as tabs and, in
 * development, the development key in the headers, so booking works with no other step.
 */
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import { contractExamples } from './examples.js';
import { graphqlFetcher } from './graphqlFetcher.js';
import { pageMemory } from './pageMemory.js';
import './layout.css';

interface ExplorerSettings {
  readonly developmentKey?: string;
}

async function readSettings(): Promise<ExplorerSettings> {
  try {
    const response = await fetch('/explorer/settings.json', { cache: 'no-store' });
    return response.ok ? ((await response.json()) as ExplorerSettings) : {};
  } catch {
    return {};
  }
}

/** Reads the gateway's settings, then mounts GraphiQL (the bundle is one IIFE: no top-level await). */
async function start(): Promise<void> {
  const settings = await readSettings();
  const headers = settings.developmentKey === undefined ? '' : JSON.stringify({ 'x-api-key': settings.developmentKey }, null, 2);
  document.getElementById('keyStatus')!.textContent =
    settings.developmentKey === undefined
      ? 'Put your API key in the Headers pane: {"x-api-key": "tg_…"}'
      : 'Development key filled in (orders:write, insights:read, test mode)';

  const tabs = contractExamples(crypto.randomUUID()).map((example) => ({
    query: example.query,
    variables: JSON.stringify(example.variables, null, 2),
    headers,
  }));

  createRoot(document.getElementById('explorer')!).render(
    createElement(GraphiQL, {
      fetcher: graphqlFetcher('/graphql'),
      defaultTabs: tabs,
      // GraphiQL fills its editors from these, not from the first tab
      variables: tabs[0]!.variables,
      defaultHeaders: headers,
      // Tabs and the key belong to this page load, not to the browser's storage.
      storage: pageMemory(),
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'variables',
    }),
  );
}

void start();
