// Persistence of the simulator's state: one JSON file in the state directory, written atomically
// (temporary file + rename) after every change so that it survives a restart or a crash.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export class JsonStore<T> {
  readonly path: string;
  data: T;

  constructor(dir: string, name: string, initial: () => T) {
    this.path = join(dir, name);
    this.data = existsSync(this.path) ? (JSON.parse(readFileSync(this.path, 'utf8')) as T) : initial();
  }

  save(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data, null, 1));
    renameSync(tmp, this.path);
  }
}
