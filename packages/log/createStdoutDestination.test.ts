import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createStdoutDestination } from './createStdoutDestination.js';

describe('log lines written without blocking', () => {
  it('writes every line, whole and in order, soon after the code that logged them ran', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tradegraph-log-')), 'out.log');
    const fd = openSync(path, 'w');
    const destination = createStdoutDestination(fd);
    const lines = Array.from({ length: 5_000 }, (_, index) => JSON.stringify({ msg: 'request', index, pad: 'x'.repeat(index % 300) }));
    for (const line of lines.slice(0, 10)) destination.write(line);
    expect(readFileSync(path, 'utf8')).toBe(''); // nothing written while the logging code runs
    await sleep(0);
    for (const line of lines.slice(10, 2_500)) destination.write(line);
    await sleep(0);
    for (const line of lines.slice(2_500)) destination.write(line);
    for (let waited = 0; readFileSync(path, 'utf8').length < lines.join('\n').length + 1 && waited < 100; waited++) await sleep(50);
    closeSync(fd);
    expect(readFileSync(path, 'utf8')).toBe(`${lines.join('\n')}\n`);
  });

  it('loses no line when the process exits right after logging it', () => {
    const script = join(mkdtempSync(join(tmpdir(), 'tradegraph-log-')), 'exits.ts');
    const logger = fileURLToPath(new URL('./createLogger.ts', import.meta.url));
    writeFileSync(
      script,
      `import { createLogger } from ${JSON.stringify(logger)};\n` +
        `const logger = createLogger('test');\n` +
        `for (let index = 0; index < 3; index++) logger.info('line', { index });\n` +
        `process.exit(3);\n`,
    );
    let output = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', script], {
        encoding: 'utf8',
        cwd: fileURLToPath(new URL('../../', import.meta.url)),
      });
    } catch (error) {
      output = (error as { stdout: string }).stdout;
    }
    expect(
      output
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { index: number }).index),
    ).toEqual([0, 1, 2]);
  });
});
