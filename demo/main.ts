// `npm run demo -- [--src] [--out DIR] [--verbose]`: the pipeline end to end against the simulator (demo/run.ts).
// --src, or ALC_DEMO_SOURCE=src: the actions from src/ through tsx instead of their bundles.
import { runDemo } from './run.js';

async function main(argv: string[]): Promise<number> {
  const result = await runDemo({
    source: argv.includes('--src') ? 'src' : undefined,
    out: argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : undefined,
    verbose: argv.includes('--verbose'),
  });
  return result.passed ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`demo: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
