/**
 * Fails when generated files are stale: the composed schema in `schema/` (against the subgraph
 * SDL files), the persisted operation manifest (against `operations/`), the customs rule-file and restriction-file JSON
 * Schemas and rule lists (against the zod schemas and data files), the order events' JSON Schema, the error-code catalog and
 * the codegen output in
 * `__generated__/` folders (against schemas and operations).
 * Codegen is run into place and compared with git, so run this on a clean work tree.
 */
import { execFileSync } from 'node:child_process';

const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: 'inherit' });

run('npx', ['tsx', 'scripts/compose.ts', '--check']);
run('npx', ['tsx', 'scripts/persistedOperations.ts', '--check']);
run('npx', ['tsx', 'scripts/writeRuleSchemas.ts', '--check']);
run('npx', ['tsx', 'scripts/writeRulesReadme.ts', '--check']);
run('npx', ['tsx', 'scripts/writeRestrictionsReadme.ts', '--check']);
run('npx', ['tsx', 'scripts/writeEventSchema.ts', '--check']);
run('npx', ['tsx', 'scripts/writeErrorCatalog.ts', '--check']);
run('npx', ['graphql-codegen', '--config', 'codegen.ts', '--silent']);
const changed = execFileSync('git', ['status', '--porcelain', '--', ':(glob)**/__generated__/**'], { encoding: 'utf8' }).trim();
if (changed !== '') {
  process.stderr.write(`Generated code is stale; run \`npm run codegen\` and commit:\n${changed}\n`);
  process.exit(1);
}
process.stdout.write('__generated__/ folders are up to date.\n');
