import type { GraphiQL } from 'graphiql';
import { Kind, parse } from 'graphql';
import type { ComponentProps } from 'react';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/**
 * GraphiQL's fetcher: a POST of the operation to the gateway that served the page, with the
 * headers of the Headers pane. The answer is shown as it came, errors included.
 */
export function graphqlFetcher(url: string): Fetcher {
  return async (params, options) => {
    const operationName = operationNameIn(params.query, params.operationName);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options?.headers },
      body: JSON.stringify({ ...params, operationName }),
    });
    return (await response.json()) as Record<string, unknown>;
  };
}

/**
 * The operation to run. GraphiQL keeps the name of the operation last run per tab, and right after
 * a tab switch it can still hold the other tab's name ("Search" sent with the PlaceOrder document,
 * which the gateway rightly refuses). A name the document has is kept; otherwise a document with one
 * operation runs that one, and anything else goes as it is, for the gateway to judge.
 */
export function operationNameIn(query: string, named: string | null | undefined): string | null | undefined {
  let names: Array<string | undefined>;
  try {
    names = parse(query).definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION ? [definition.name?.value] : [],
    );
  } catch {
    return named;
  }
  if (named != null && names.includes(named)) return named;
  return names.length === 1 ? (names[0] ?? null) : named;
}
