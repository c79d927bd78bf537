import type { GraphiQL } from 'graphiql';
import type { ComponentProps } from 'react';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/**
 * GraphiQL's fetcher: a POST of the operation to the gateway that served the page, with the
 * headers of the Headers pane. The answer is shown as it came, errors included.
 */
export function graphqlFetcher(url: string): Fetcher {
  return async (params, options) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options?.headers },
      body: JSON.stringify(params),
    });
    return (await response.json()) as Record<string, unknown>;
  };
}
