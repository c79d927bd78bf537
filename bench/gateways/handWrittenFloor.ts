/**
 * The floor: a hand-written client for the benchmark query alone, answering over HTTP like a
 * gateway. It knows the schema, not the data, and asks each subgraph once per step for
 * everything that step can give — six calls in four steps — then assembles the response by hand.
 * No planner, no generic merge, no projection: what is left is HTTP, JSON and the data itself.
 *
 *   node --import tsx bench/gateways/handWrittenFloor.ts --subgraphs '{"accounts":"http://…",…}' --port N
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';

const { values } = parseArgs({ options: { subgraphs: { type: 'string' }, port: { type: 'string', default: '0' } } });
const urls = JSON.parse(values.subgraphs ?? '{}') as Record<'accounts' | 'inventory' | 'products' | 'reviews', string>;

interface Review {
  id: string;
  body: string;
  product?: { upc: string; reviews?: Review[] };
  author?: { id: string; username: string; reviews: Review[] };
}
interface Product {
  upc: string;
  name: string;
  price: number;
  weight: number;
}

const subgraph = (url: string) => {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: 64, pipelining: 1, keepAliveTimeout: 30_000 });
  return async <T>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const response = await pool.request({
      path: target.pathname,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return ((await response.body.json()) as { data: T }).data;
  };
};
const accounts = subgraph(urls.accounts);
const products = subgraph(urls.products);
const reviews = subgraph(urls.reviews);
const inventory = subgraph(urls.inventory);
const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) {';
const AUTHOR_TREE = 'author { id username reviews { id body product { upc } } }';

async function answer(): Promise<string> {
  const [{ users }, { topProducts }] = await Promise.all([
    accounts<{ users: Array<{ id: string; username: string; name: string }> }>('{ users { id username name } }'),
    products<{ topProducts: Product[] }>('{ topProducts { upc name price weight } }'),
  ]);
  const { _entities: trees } = await reviews<{ _entities: Array<{ reviews: Review[] }> }>(
    `${ENTITIES} ... on User { reviews { id body product { upc reviews { id body ${AUTHOR_TREE} } } } } ... on Product { reviews { id body ${AUTHOR_TREE} } } } }`,
    {
      r: [
        ...users.map((user) => ({ __typename: 'User', id: user.id })),
        ...topProducts.map((product) => ({ __typename: 'Product', upc: product.upc })),
      ],
    },
  );
  const upcs = new Set<string>();
  const authorIds = new Set<string>();
  const visit = (list: Review[] | undefined) => {
    for (const review of list ?? []) {
      if (review.product) upcs.add(review.product.upc);
      if (review.author) authorIds.add(review.author.id);
      visit(review.product?.reviews);
      visit(review.author?.reviews);
    }
  };
  for (const tree of trees) visit(tree.reviews);
  const [{ _entities: productDetails }, { _entities: authors }] = await Promise.all([
    products<{ _entities: Product[] }>(`${ENTITIES} ... on Product { upc name price weight } } }`, {
      r: [...upcs].map((upc) => ({ __typename: 'Product', upc })),
    }),
    accounts<{ _entities: Array<{ id: string; name: string }> }>(`${ENTITIES} ... on User { id name } } }`, {
      r: [...authorIds].map((id) => ({ __typename: 'User', id })),
    }),
  ]);
  const productByUpc = new Map<string, Product>([...topProducts, ...productDetails].map((product) => [product.upc, product]));
  const { _entities: stock } = await inventory<{ _entities: Array<{ inStock: boolean | null; shippingEstimate: number | null }> }>(
    `${ENTITIES} ... on Product { inStock shippingEstimate } } }`,
    { r: [...productByUpc.values()].map(({ upc, price, weight }) => ({ __typename: 'Product', upc, price, weight })) },
  );
  const stockByUpc = new Map([...productByUpc.keys()].map((upc, index) => [upc, stock[index]!]));
  const nameById = new Map(authors.map((author) => [author.id, author.name]));

  const product = (upc: string) => {
    const { name, price, weight } = productByUpc.get(upc)!;
    const { inStock, shippingEstimate } = stockByUpc.get(upc)!;
    return { inStock, name, price, shippingEstimate, upc, weight };
  };
  const author = (review: Review) => ({
    id: review.author!.id,
    username: review.author!.username,
    name: nameById.get(review.author!.id) ?? null,
    reviews: review.author!.reviews.map((own) => ({ id: own.id, body: own.body, product: product(own.product!.upc) })),
  });
  const productReviews = (list: Review[]) => list.map((review) => ({ id: review.id, body: review.body, author: author(review) }));
  return JSON.stringify({
    data: {
      users: users.map((user, index) => ({
        ...user,
        reviews: trees[index]!.reviews.map((review) => ({
          id: review.id,
          body: review.body,
          product: { ...product(review.product!.upc), reviews: productReviews(review.product!.reviews!) },
        })),
      })),
      topProducts: topProducts.map((top, index) => ({
        ...product(top.upc),
        reviews: productReviews(trees[users.length + index]!.reviews),
      })),
    },
  });
}

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    answer().then(
      (body) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(body);
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ errors: [{ message: String(error) }] }));
      },
    );
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(values.port), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ listening: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` })}\n`);
});
