import { createReadStream, createWriteStream, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { finished } from 'node:stream/promises';

/**
 * Packs a folder into one uncompressed POSIX (ustar) archive, so a Hive-partitioned tree downloads
 * from one URL and unpacks with any `tar`. Paths stay under 100 bytes (`period=…/reporter=…/data_0.parquet`).
 */
export async function writeTar(folder: string, file: string): Promise<void> {
  const out = createWriteStream(file);
  const write = (chunk: Buffer) => new Promise<void>((resolve, reject) => out.write(chunk, (error) => (error ? reject(error) : resolve())));
  for (const path of listFiles(folder)) {
    const size = statSync(path).size;
    await write(header(relative(folder, path), size));
    for await (const chunk of createReadStream(path)) await write(chunk as Buffer);
    const padding = (512 - (size % 512)) % 512;
    if (padding > 0) await write(Buffer.alloc(padding));
  }
  await write(Buffer.alloc(1024)); // two empty blocks end the archive
  out.end();
  await finished(out);
}

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(folder, entry.name)) : [join(folder, entry.name)]));
}

function header(name: string, size: number): Buffer {
  if (Buffer.byteLength(name) > 99) throw new Error(`tar: path too long: ${name}`);
  const block = Buffer.alloc(512);
  const field = (text: string, offset: number, length: number) => block.write(text, offset, length, 'ascii');
  field(name, 0, 100);
  field('0000644\0', 100, 8);
  field('0000000\0', 108, 8);
  field('0000000\0', 116, 8);
  field(`${size.toString(8).padStart(11, '0')}\0`, 124, 12);
  field(
    `${Math.floor(Date.now() / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
    12,
  );
  field('        ', 148, 8); // checksum counts as spaces while it is summed
  field('0', 156, 1);
  field('ustar\0', 257, 6);
  field('00', 263, 2);
  let sum = 0;
  for (const byte of block) sum += byte;
  field(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return block;
}
