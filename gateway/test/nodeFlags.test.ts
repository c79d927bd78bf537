import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUBGRAPH_NODE_FLAGS } from '../../subgraphs.js';
import { GATEWAY_NODE_FLAGS } from '../nodeFlags.js';

describe('the gateway and subgraph process settings', () => {
  it('are the same in `npm run gateway` and `npm run subgraph` as where the stacks and the benchmarks start them', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts.gateway).toBe(`node ${GATEWAY_NODE_FLAGS.join(' ')} --import tsx gateway/src/main.ts`);
    expect(manifest.scripts.subgraph).toBe(`node ${SUBGRAPH_NODE_FLAGS.join(' ')} --import tsx scripts/startSubgraph.ts`);
  });

  it('are options this Node accepts', () => {
    const options = new Set(process.allowedNodeEnvironmentFlags);
    // V8 options are not all allowed in NODE_OPTIONS, so they are checked against node's own list
    const v8Options = readV8Options();
    for (const flag of [...GATEWAY_NODE_FLAGS, ...SUBGRAPH_NODE_FLAGS]) {
      const name = flag.split('=')[0]!;
      expect(options.has(name) || v8Options.has(name), name).toBe(true);
    }
  });
});

function readV8Options(): Set<string> {
  const text = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
  return new Set([...text.matchAll(/^\s+(--[a-z0-9-]+)/gm)].map((match) => match[1]!));
}
