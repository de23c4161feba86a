// Bundles each action's entry into its committed dist/ with @vercel/ncc.
// `node scripts/bundle.mjs [name ...]` bundles the named actions, all of them by default.
// Each bundle is built aside and swapped in only when ncc succeeds, so a failed run never loses a dist/.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const all = readdirSync('actions').filter((name) => existsSync(join('actions', name, 'action.yml')));
const names = process.argv.length > 2 ? process.argv.slice(2) : all;
for (const name of names) {
  const entry = join('actions', name, 'src', 'main.ts');
  if (!existsSync(entry)) throw new Error(`actions/${name} has no src/main.ts`);
  const staging = mkdtempSync(join(tmpdir(), `alc-bundle-${name}-`));
  try {
    execFileSync(
      'npx',
      ['ncc', 'build', entry, '-o', staging, '--license', 'licenses.txt', '--quiet', '--target', 'es2022'],
      { stdio: 'inherit' },
    );
    const out = join('actions', name, 'dist');
    rmSync(out, { recursive: true, force: true });
    cpSync(staging, out, { recursive: true });
    console.log(`bundled ${out}/index.js`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
