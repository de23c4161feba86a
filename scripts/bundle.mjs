// Bundles each action's entry into its committed dist/ with @vercel/ncc.
// `node scripts/bundle.mjs [name ...]` bundles the named actions, all of them by default.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const all = readdirSync('actions').filter((name) => existsSync(join('actions', name, 'action.yml')));
const names = process.argv.length > 2 ? process.argv.slice(2) : all;
for (const name of names) {
  const entry = join('actions', name, 'src', 'main.ts');
  if (!existsSync(entry)) throw new Error(`actions/${name} has no src/main.ts`);
  const out = join('actions', name, 'dist');
  rmSync(out, { recursive: true, force: true });
  execFileSync(
    'npx',
    ['ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet', '--target', 'es2022'],
    {
      stdio: 'inherit',
    },
  );
  console.log(`bundled ${out}/index.js`);
}
