import { readFileSync } from 'node:fs';

/** A part of the gateway, recognised by the source files of its functions. */
export interface CostCategory {
  readonly name: string;
  /** Substrings of a function's script URL that put it in this part. */
  readonly files: readonly string[];
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface Attribution {
  /** Sampled time of the window, in µs, by category; `other` for what no category claims, `garbage collection` for V8's collector. */
  readonly microseconds: ReadonlyMap<string, number>;
  /** Sampled time of the window, idle excluded, in µs. */
  readonly busyMicroseconds: number;
}

/**
 * Reads a `node --cpu-prof` profile and charges each sample of its last `windowSeconds` to the
 * deepest function on the sample's stack that belongs to a category: a plugin's hook is charged
 * with the hashing, JSON and store work it calls, but not with the subgraph calls or the engine
 * work that it calls in turn when those are categories of their own. Async functions resume with
 * their own frame on the stack, so what they do after an `await` is charged to them too.
 */
export function attributeProfile(path: string, categories: readonly CostCategory[], windowSeconds: number): Attribution {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const categoryOf = new Map<number, string | undefined>();
  const classify = (node: ProfileNode): string | undefined =>
    categories.find((category) => category.files.some((file) => node.callFrame.url.includes(file)))?.name;
  // the category a sample of this node is charged to (memoised per node: a node is one stack)
  const chargedTo = (id: number): string => {
    for (let current: number | undefined = id; current !== undefined; current = parents.get(current)) {
      if (!categoryOf.has(current)) categoryOf.set(current, classify(nodes.get(current)!));
      const found = categoryOf.get(current);
      if (found !== undefined) return found;
    }
    return 'other';
  };
  const from = profile.endTime - windowSeconds * 1e6;
  const microseconds = new Map<string, number>();
  let busy = 0;
  let time = profile.startTime;
  for (let index = 0; index < profile.samples.length; index++) {
    time += profile.timeDeltas[index]!;
    const duration = profile.timeDeltas[index + 1] ?? 0;
    if (time < from) continue;
    const node = nodes.get(profile.samples[index]!)!;
    const name = node.callFrame.functionName;
    if (name === '(idle)') continue;
    const category = name === '(garbage collector)' ? 'garbage collection' : chargedTo(node.id);
    microseconds.set(category, (microseconds.get(category) ?? 0) + duration);
    busy += duration;
  }
  return { microseconds, busyMicroseconds: busy };
}
