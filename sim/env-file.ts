// The file of variables a local workflow run needs from a running simulator (`npm run sim -- --sim-env PATH`,
// read by `runner/cli.ts workflow --sim-env PATH`): `NAME=value` lines, the repository variables first (the `vars`
// context), then the runner machine's environment (NODE_EXTRA_CA_CERTS, DOCKER_HOST, the OIDC request endpoint and
// every ALC_SIM_*). The client secret is not written: a run signs in with its job's OIDC token.

/** Names of the runner machine's environment besides every ALC_SIM_*. */
const RUNNER_NAMES = [
  'NODE_EXTRA_CA_CERTS',
  'DOCKER_HOST',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
];

/** Is `name` the runner machine's (ALC_SIM_* or RUNNER_NAMES), not a repository variable? What a reader splits by. */
export const isRunnerEnvName = (name: string) => name.startsWith('ALC_SIM_') || RUNNER_NAMES.includes(name);

/** The env file of a local workflow run: repository variables, then the runner machine's. Pure. */
export function envFileText(vars: Record<string, string>, env: Record<string, string>): string {
  const runner = Object.entries(env).filter(([k]) => isRunnerEnvName(k));
  const lines = (entries: Array<[string, string]>) => entries.map(([k, v]) => `${k}=${v}`);
  return [
    '# The simulator for a local workflow run (npm run sim -- --sim-env PATH). Repository variables:',
    ...lines(Object.entries(vars)),
    '# The runner machine:',
    ...lines(runner),
    '',
  ].join('\n');
}
