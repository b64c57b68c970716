// Writing generated JSON: the folder is made, and the file ends with a newline (as editors save).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeJson(path: string, value: unknown, pretty: boolean): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`);
}
