// Runs one action by hand, as a runner runs it (runner/action.ts), and prints its log, then its exit code,
// outputs and errors as JSON. The OIDC token endpoint is this shell's ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN, if set.
//
//   npx tsx runner/cli.ts <action dir> [--src] [--event push|pull_request] [--ref refs/tags/v1.0.0]
//     [--pr 12 --head-sha <sha>] [name=value ...]
import { runAction } from './action.js';
import { pullRequestEvent, pushEvent } from './events.js';

const USAGE =
  'usage: npx tsx runner/cli.ts <action dir> [--src] [--event push|pull_request] [--ref R] [--pr N] [--head-sha S] [name=value ...]';

async function main(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  if (!action) {
    console.error(USAGE);
    return 2;
  }
  const inputs: Record<string, string> = {};
  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--src') flags.src = 'true';
    else if (a.startsWith('--')) flags[a.slice(2)] = rest[++i] ?? '';
    else {
      const eq = a.indexOf('=');
      if (eq <= 0) throw new Error(`not an input: ${a} (name=value)`);
      inputs[a.slice(0, eq)] = a.slice(eq + 1);
    }
  }
  const event =
    flags.event === 'pull_request'
      ? pullRequestEvent({ number: Number(flags.pr ?? 1), headSha: flags['head-sha'] })
      : pushEvent(flags.ref ?? 'refs/heads/main');
  const oidc = process.env.ACTIONS_ID_TOKEN_REQUEST_URL
    ? {
        url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL,
        token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '',
      }
    : undefined;
  const result = await runAction({
    action,
    inputs,
    event,
    oidc,
    source: flags.src ? 'src' : 'dist',
    onLine: (line) => console.log(line),
  });
  console.log(
    JSON.stringify({ exitCode: result.exitCode, outputs: result.outputs, errors: result.errors }, null, 2),
  );
  return result.exitCode;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`::error::${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
