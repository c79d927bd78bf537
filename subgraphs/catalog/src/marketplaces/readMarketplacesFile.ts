import { readFileSync } from 'node:fs';
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import type { Environment } from '#packages/config/index.js';
import type { ConnectorCredentials, ConnectorMarketplace } from '../adapters/connector/ConnectorMarketplace.js';
import { MarketplacesFile, type MarketplaceEntry } from './MarketplacesFile.js';

/** A `MARKETPLACES_FILE` that cannot be used, naming the file, the entry's line and the field. */
export class MarketplacesFileError extends Error {
  override name = 'MarketplacesFileError';
}

export interface MarketplacesFileOptions {
  readonly path: string;
  /** Where the entries' credential variables (and `<ID>_URL` overrides) are read. */
  readonly env: Environment;
  /** In production every credential must be set and every base URL off this machine must be https. */
  readonly production: boolean;
  /** Ids of the built-in adapters, which an entry may not take. */
  readonly reservedIds: ReadonlySet<string>;
}

export interface MarketplacesFileContents {
  readonly marketplaces: readonly ConnectorMarketplace[];
  /** What start-up should say out loud but may run with (development only: credentials not set yet). */
  readonly warnings: readonly string[];
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Reads and checks `MARKETPLACES_FILE` (YAML, or JSON, which YAML reads too): the shape by its zod
 * schema, then what a schema cannot know (ids the built-ins use, variables set, https). Any
 * problem throws a `MarketplacesFileError` naming the line of the entry's field, so an operator
 * finds it at once; nothing of a bad file is used.
 */
export function readMarketplacesFile(options: MarketplacesFileOptions): MarketplacesFileContents {
  let text: string;
  try {
    text = readFileSync(options.path, 'utf8');
  } catch (error) {
    throw new MarketplacesFileError(
      `MARKETPLACES_FILE ${options.path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : 'unreadable')})`,
    );
  }
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax)
    throw new MarketplacesFileError(`MARKETPLACES_FILE ${options.path} line ${lines.linePos(syntax.pos[0]).line}: ${syntax.message}`);

  const fail = (path: ReadonlyArray<string | number>, problem: string): never => {
    const line = lineOf(document, lines, path);
    throw new MarketplacesFileError(
      `MARKETPLACES_FILE ${options.path}${line === undefined ? '' : ` line ${line}`}: ${fieldName(document, path)} ${problem}`,
    );
  };
  const parsed = MarketplacesFile.safeParse(document.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = issue.path.filter((part) => typeof part !== 'symbol');
    if (keys.length > 0) fail([...path, keys[0]!], 'is not a field this file knows');
    const hint = issue.message.startsWith('Invalid input') ? '' : ` (it ${issue.message})`;
    fail(path, document.hasIn(path) ? issue.message : `is missing${hint}`);
  }

  const warnings: string[] = [];
  const marketplaces = parsed.data!.marketplaces.map((entry, index): ConnectorMarketplace => {
    const at = (...path: Array<string | number>) => ['marketplaces', index, ...path];
    if (options.reservedIds.has(entry.id)) fail(at('id'), `"${entry.id}" is a built-in marketplace's id`);
    const overrideVariable = urlVariableOf(entry.id);
    const baseUrl = options.env[overrideVariable] || entry.baseUrl;
    if (!URL.canParse(baseUrl) || !/^https?:$/.test(new URL(baseUrl).protocol))
      fail(at('baseUrl'), `is overridden by ${overrideVariable}, which is not an http(s) URL`);
    if (options.production && new URL(baseUrl).protocol === 'http:' && !LOOPBACK.has(new URL(baseUrl).hostname)) {
      fail(at('baseUrl'), 'must be https in production: requests carry credentials and orders');
    }
    const credentials = credentialsOf(entry, options.env);
    if (credentials.scheme === 'missing') {
      const field = entry.auth.scheme === 'hmac' ? 'secretEnv' : 'clientSecretEnv';
      if (options.production) fail(at('auth', field), `names ${credentials.variables.join(', ')}, which is not set`);
      warnings.push(`${entry.id}: ${credentials.variables.join(', ')} not set; its calls are refused until it is`);
    }
    return {
      marketplace: {
        id: entry.id,
        name: entry.name,
        country: entry.country,
        currency: entry.currency,
        continent: entry.continent,
      },
      baseUrl: baseUrl.replace(/\/$/, ''),
      credentials,
    };
  });
  return { marketplaces, warnings };
}

/** `ke-soko` → `KE_SOKO_URL`: how every marketplace's base URL is overridden, built-in or configured (the stack sets these). */
const urlVariableOf = (id: string) => `${id.toUpperCase().replaceAll('-', '_')}_URL`;

function credentialsOf(entry: MarketplaceEntry, env: Environment): ConnectorCredentials {
  const auth = entry.auth;
  const names = auth.scheme === 'hmac' ? [auth.keyIdEnv, auth.secretEnv] : [auth.clientIdEnv, auth.clientSecretEnv];
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0) return { scheme: 'missing', variables: missing };
  return auth.scheme === 'hmac'
    ? { scheme: 'hmac', keyId: env[auth.keyIdEnv]!, secret: env[auth.secretEnv]! }
    : {
        scheme: 'oauth2',
        tokenUrl: auth.tokenUrl,
        clientId: env[auth.clientIdEnv]!,
        clientSecret: env[auth.clientSecretEnv]!,
        scope: auth.scope,
      };
}

/** The line of the deepest node on `path` that the file has (a missing field: its entry's line). */
function lineOf(document: Document, lines: LineCounter, path: ReadonlyArray<string | number>): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/** `marketplaces[0] ("ke-soko") auth.secretEnv`: where in the file, in words an operator searches for. */
function fieldName(document: Document, path: ReadonlyArray<string | number>): string {
  if (path[0] !== 'marketplaces' || typeof path[1] !== 'number') return path.length === 0 ? 'the file' : path.join('.');
  const id = document.getIn(['marketplaces', path[1], 'id']);
  const entry = `marketplaces[${path[1]}]${typeof id === 'string' ? ` ("${id}")` : ''}`;
  return path.length > 2 ? `${entry} ${path.slice(2).join('.')}` : entry;
}
