/** The names of the supergraph handed over last, interned as one-byte strings, held here. */
const kept: { names?: Readonly<Record<string, true>> } = {};

/**
 * Makes V8 intern every GraphQL name of a supergraph as a one-byte string before anything
 * parses the supergraph, and returns the text unchanged. Call it on the text the gateway reads,
 * before `@apollo/gateway`, the engine or a plugin sees it.
 *
 * Why: `@apollo/federation-internals` prints its schema and parses that text again
 * (`Schema.toAST`), and on the public benchmark's supergraph, all ASCII, the printed text is a
 * two-byte string; every name sliced from it is two-byte too. The first copy of a name that
 * becomes a property key is the one V8 interns, and every later `JSON.parse` of a subgraph answer,
 * every object literal and every key of the response tree then uses that copy. One two-byte key
 * makes `JSON.stringify` of the whole response, and of each representation list, a two-byte
 * string: twice the bytes, a widening copy of every value, the public benchmark's 87 KB response
 * put in V8's large-object space (over 128 KiB), a slower UTF-8 encoding on the way out. Interned
 * first from one-byte copies, the names are found as those by every later lookup.
 */
export function keepNamesOneByte(supergraphSdl: string): string {
  // a Set compares texts without interning them; a name of a two-byte text must not become a key first
  const found = new Set<string>();
  for (const [name] of supergraphSdl.matchAll(/[_A-Za-z][_0-9A-Za-z]*/g)) found.add(name);
  const names = Object.create(null) as Record<string, true>;
  // a one-byte copy of each (a match of a two-byte text is two-byte), interned by becoming a key
  for (const name of found) names[Buffer.from(name, 'latin1').toString('latin1')] = true;
  // kept until the next supergraph is handed over, so that the string table does not drop them
  // while the schemas built from this one still take their keys from it
  kept.names = names;
  return supergraphSdl;
}
