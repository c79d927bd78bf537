/**
 * `npm run subgraph -- <name>`: one subgraph of `subgraphs.ts` alone, on its own port, reading its
 * environment as in the full stack (its upstreams default to the sandboxes' ports).
 */
import { SUBGRAPHS } from '../subgraphs.js';

const name = process.argv[2];
const subgraph = SUBGRAPHS.find((candidate) => candidate.name === name);
if (!subgraph) {
  process.stderr.write(`Usage: npm run subgraph -- <name>, one of: ${SUBGRAPHS.map((s) => s.name).join(', ')}\n`);
  process.exit(2);
}
await import(new URL(`../${subgraph.main}`, import.meta.url).href);
