/** Asks the gateway this page was served by, with the analyst's key; GraphQL errors become one message. */
export async function graphql<T>(query: string, variables: Record<string, unknown>, apiKey: string): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(apiKey && { 'x-api-key': apiKey }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  if (!body.data) throw new Error(`the API answered ${response.status} without data`);
  return body.data;
}
