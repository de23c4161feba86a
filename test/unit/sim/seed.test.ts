// The simulator's seed: files and flags parsed and checked (errors name the key, its value and what is allowed),
// the identities a seed sets, the env file of a local workflow run.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { envFileText } from '../../../sim/env-file.js';
import { seededIdentities } from '../../../sim/index.js';
import { type Seed, SeedError, parseSeed, parseSeedText, seedOf } from '../../../sim/seed.js';

const CLIENT = '11111111-2222-3333-4444-555555555555';
const REPO = 'acme/quotes-svc';

describe('parseSeed', () => {
  it.each<[string, unknown, Seed]>([
    ['nothing', {}, { resourceGroups: [], environments: [], applications: [] }],
    [
      "an environment creates its resource group, in the environment's location",
      { environments: [{ resourceGroup: 'quotes-rg', name: 'quotes-env', location: 'westeurope' }] },
      {
        resourceGroups: [{ name: 'quotes-rg', location: 'westeurope' }],
        environments: [{ resourceGroup: 'quotes-rg', name: 'quotes-env', location: 'westeurope' }],
        applications: [],
      },
    ],
    [
      "an environment without location takes its listed group's",
      {
        resourceGroups: [{ name: 'Quotes-RG', location: 'northeurope' }],
        environments: [{ resourceGroup: 'quotes-rg', name: 'quotes-env' }],
      },
      {
        resourceGroups: [{ name: 'Quotes-RG', location: 'northeurope' }],
        environments: [{ resourceGroup: 'quotes-rg', name: 'quotes-env', location: 'northeurope' }],
        applications: [],
      },
    ],
    [
      'locations default to eastus',
      { resourceGroups: [{ name: 'a' }], environments: [{ resourceGroup: 'b', name: 'env' }] },
      {
        resourceGroups: [
          { name: 'a', location: 'eastus' },
          { name: 'b', location: 'eastus' },
        ],
        environments: [{ resourceGroup: 'b', name: 'env', location: 'eastus' }],
        applications: [],
      },
    ],
    [
      'app registrations with exact and flexible credentials, a var, the default job',
      {
        applications: [
          { federatedCredentials: [{ subject: `repo:${REPO}:environment:production` }] },
          {
            clientId: CLIENT,
            var: 'AZURE_BUILD_CLIENT_ID',
            federatedCredentials: [
              {
                name: 'tags',
                claimsMatchingExpression: `claims['sub'] matches 'repo:${REPO}:ref:refs/tags/v*'`,
                issuer: 'https://token.actions.githubusercontent.com',
                audiences: ['api://AzureADTokenExchange'],
              },
            ],
          },
        ],
        githubJob: { repository: REPO, ref: 'refs/heads/main', runId: 7 },
      },
      {
        resourceGroups: [],
        environments: [],
        applications: [
          { federatedCredentials: [{ subject: `repo:${REPO}:environment:production` }] },
          {
            clientId: CLIENT,
            var: 'AZURE_BUILD_CLIENT_ID',
            federatedCredentials: [
              {
                name: 'tags',
                claimsMatchingExpression: `claims['sub'] matches 'repo:${REPO}:ref:refs/tags/v*'`,
                issuer: 'https://token.actions.githubusercontent.com',
                audiences: ['api://AzureADTokenExchange'],
              },
            ],
          },
        ],
        githubJob: { repository: REPO, ref: 'refs/heads/main', eventName: 'push', runId: '7' },
      },
    ],
  ])('%s', (_, raw, expected) => {
    expect(parseSeed(raw)).toEqual(expected);
  });

  it.each<[string, unknown, string]>([
    ['not a mapping', ['x'], `'seed' has the invalid value '["x"]': a mapping with the keys`],
    [
      'an unknown key',
      { groups: [] },
      "'seed.groups' has the invalid value '[]': an unknown key; allowed: resourceGroups",
    ],
    [
      'a list that is not',
      { environments: 'quotes-env' },
      "'environments' has the invalid value 'quotes-env': a list",
    ],
    [
      'a resource group name',
      { resourceGroups: [{ name: 'bad name' }] },
      "'resourceGroups[0].name' has the invalid value 'bad name': 1-90 letters",
    ],
    [
      'a resource group ending with a period',
      { resourceGroups: [{ name: 'rg.' }] },
      "'resourceGroups[0].name' has the invalid value 'rg.'",
    ],
    [
      'an environment without name',
      { environments: [{ resourceGroup: 'rg' }] },
      "'environments[0].name' has the invalid value '(missing)': 2-60 lower-case letters",
    ],
    [
      'an environment name in upper case',
      { environments: [{ resourceGroup: 'rg', name: 'Quotes-Env' }] },
      "'environments[0].name' has the invalid value 'Quotes-Env'",
    ],
    [
      'a location',
      { environments: [{ resourceGroup: 'rg', name: 'env', location: 'West Europe' }] },
      "'environments[0].location' has the invalid value 'West Europe': an Azure region name",
    ],
    [
      'a client id that is no GUID',
      { applications: [{ clientId: 'quotes', federatedCredentials: [] }] },
      "'applications[0].clientId' has the invalid value 'quotes': an application (client) id: a GUID",
    ],
    [
      'a credential with both subject and expression',
      {
        applications: [
          { federatedCredentials: [{ subject: 's', claimsMatchingExpression: "claims['sub'] eq 's'" }] },
        ],
      },
      "'applications[0].federatedCredentials[0]' has the invalid value",
    ],
    [
      'a credential with neither',
      { applications: [{ federatedCredentials: [{ name: 'x' }] }] },
      'exactly one of subject (exact match) and claimsMatchingExpression (flexible)',
    ],
    [
      'an expression Entra does not know',
      { applications: [{ federatedCredentials: [{ claimsMatchingExpression: "claims['ref'] == 'x'" }] }] },
      `'applications[0].federatedCredentials[0].claimsMatchingExpression' has the invalid value 'claims['ref'] == 'x'': claims['sub'] matches`,
    ],
    [
      'an issuer that is not https',
      { applications: [{ federatedCredentials: [{ subject: 's', issuer: 'http://x' }] }] },
      "'applications[0].federatedCredentials[0].issuer' has the invalid value 'http://x': an https URL",
    ],
    [
      'a var that is no variable name',
      { applications: [{ clientId: CLIENT, var: 'build id', federatedCredentials: [] }] },
      "'applications[0].var' has the invalid value 'build id'",
    ],
    [
      'two entries of the simulator app',
      { applications: [{ federatedCredentials: [] }, { federatedCredentials: [] }] },
      "'applications[1].clientId' has the invalid value '(missing)': one entry at most without clientId",
    ],
    [
      'a client id twice',
      {
        applications: [
          { clientId: CLIENT, federatedCredentials: [] },
          { clientId: CLIENT.toUpperCase(), federatedCredentials: [] },
        ],
      },
      `'applications[1].clientId' has the invalid value '${CLIENT.toUpperCase()}': a client id not listed before`,
    ],
    [
      'a job without repository',
      { githubJob: { ref: 'refs/heads/main' } },
      "'githubJob.repository' has the invalid value '(missing)': owner/name of a GitHub repository",
    ],
    [
      'a job whose ref is a branch name',
      { githubJob: { repository: REPO, ref: 'main' } },
      "'githubJob.ref' has the invalid value 'main': refs/heads/<branch>",
    ],
    [
      'a job with a short sha',
      { githubJob: { repository: REPO, ref: 'refs/heads/main', sha: 'abc123' } },
      "'githubJob.sha' has the invalid value 'abc123': a commit sha",
    ],
  ])('refuses %s, naming the key and value', (_, raw, message) => {
    expect(() => parseSeed(raw)).toThrow(SeedError);
    expect(() => parseSeed(raw)).toThrow(message);
  });
});

describe('seed files', () => {
  it('sim/seed.example.yaml is a valid seed', () => {
    const path = fileURLToPath(new URL('../../../sim/seed.example.yaml', import.meta.url));
    const seed = parseSeedText(readFileSync(path, 'utf8'), path);
    expect(seed.environments.length).toBeGreaterThan(0);
    expect(seed.applications.length).toBeGreaterThan(0);
    // A checked seed is a seed as written (startSimulator({ seed }) checks what it is given again).
    expect(parseSeed(seed)).toEqual(seed);
  });

  it.each<[string, string, string]>([
    ['YAML', 'environments:\n  - resourceGroup: rg\n    name: env\n', 'env'],
    ['JSON', '{"environments": [{"resourceGroup": "rg", "name": "env"}]}', 'env'],
  ])('reads %s', (_, text, name) => {
    expect(parseSeedText(text, 'f').environments[0].name).toBe(name);
  });

  it('an empty file is an empty seed; text that is no YAML names the file', () => {
    expect(parseSeedText('', 'f')).toEqual({ resourceGroups: [], environments: [], applications: [] });
    expect(() => parseSeedText('a: [1', 'seed.yaml')).toThrow("'seed.yaml' has the invalid value");
  });
});

describe('seedOf: flags, and a file with flags', () => {
  const seedOfFlags = (flags: Array<{ flag: string; value: string }>) => seedOf({ flags });
  it('builds the same seed as a file', () => {
    const seed = seedOfFlags([
      { flag: '--resource-group', value: 'quotes-rg@westeurope' },
      { flag: '--environment', value: 'quotes-rg/quotes-env' },
      { flag: '--environment', value: 'other-rg/other-env@northeurope' },
      { flag: '--federated-credential', value: `subject=repo:${REPO}:environment:production` },
      {
        flag: '--federated-credential',
        value: `client-id=${CLIENT},claims=claims['sub'] matches 'repo:${REPO}:pull_request',audience=api://x,name=pr`,
      },
      {
        flag: '--federated-credential',
        value: `client-id=${CLIENT},subject=repo:${REPO}:ref:refs/heads/main`,
      },
      { flag: '--github-job', value: `repository=${REPO},ref=refs/tags/v1.0.0,environment=production` },
    ]);
    expect(seed).toEqual({
      resourceGroups: [
        { name: 'quotes-rg', location: 'westeurope' },
        { name: 'other-rg', location: 'northeurope' },
      ],
      environments: [
        { resourceGroup: 'quotes-rg', name: 'quotes-env', location: 'westeurope' },
        { resourceGroup: 'other-rg', name: 'other-env', location: 'northeurope' },
      ],
      applications: [
        { federatedCredentials: [{ subject: `repo:${REPO}:environment:production` }] },
        {
          clientId: CLIENT,
          federatedCredentials: [
            {
              name: 'pr',
              claimsMatchingExpression: `claims['sub'] matches 'repo:${REPO}:pull_request'`,
              audiences: ['api://x'],
            },
            { subject: `repo:${REPO}:ref:refs/heads/main` },
          ],
        },
      ],
      githubJob: { repository: REPO, ref: 'refs/tags/v1.0.0', eventName: 'push', environment: 'production' },
    });
  });

  it.each<[string, string, string]>([
    [
      '--environment',
      'quotes-env',
      "'--environment' has the invalid value 'quotes-env': RESOURCE_GROUP/NAME[@LOCATION]",
    ],
    ['--environment', 'rg/Env', "'--environment (name)' has the invalid value 'Env'"],
    [
      '--resource-group',
      'rg@West Europe',
      "'--resource-group (location)' has the invalid value 'West Europe'",
    ],
    [
      '--federated-credential',
      'sub=x',
      "'--federated-credential' has the invalid value 'sub=x': comma-separated key=value pairs with the keys client-id, subject",
    ],
    [
      '--federated-credential',
      'client-id=x,subject=s',
      "'--federated-credential (clientId)' has the invalid value 'x'",
    ],
    [
      '--federated-credential',
      'name=n',
      "'--federated-credential (federatedCredentials[0])' has the invalid value",
    ],
    ['--github-job', 'repository=acme', "'--github-job (repository)' has the invalid value 'acme'"],
  ])('refuses %s %s, naming the flag', (flag, value, message) => {
    expect(() => seedOfFlags([{ flag, value }])).toThrow(message);
  });

  it('merges with a file: lists joined, one app registration per client id, the flags’ job last', () => {
    const text = [
      'environments: [{ resourceGroup: rg, name: env, location: westeurope }]',
      'applications: [{ federatedCredentials: [{ subject: a }] }]',
      `githubJob: { repository: ${REPO}, ref: refs/heads/main }`,
    ].join('\n');
    const seed = seedOf({
      file: { text, path: 'seed.yaml' },
      flags: [
        { flag: '--federated-credential', value: 'subject=b' },
        { flag: '--environment', value: 'rg/env2' },
        { flag: '--github-job', value: `repository=${REPO},ref=refs/heads/dev` },
      ],
    });
    expect(seed.applications).toEqual([{ federatedCredentials: [{ subject: 'a' }, { subject: 'b' }] }]);
    expect(seed.githubJob?.ref).toBe('refs/heads/dev');
    // The flag's environment in the resource group the file implies, in its location.
    expect(seed.environments).toEqual([
      { resourceGroup: 'rg', name: 'env', location: 'westeurope' },
      { resourceGroup: 'rg', name: 'env2', location: 'westeurope' },
    ]);
  });

  it("the file's errors name its keys, the flags' their flag", () => {
    const file = { text: 'environments: [{ resourceGroup: rg, name: Env }]', path: 'seed.yaml' };
    expect(() => seedOf({ file, flags: [{ flag: '--environment', value: 'rg/x' }] })).toThrow(
      "'environments[0].name' has the invalid value 'Env'",
    );
    expect(() =>
      seedOf({ file: { text: '', path: 'f' }, flags: [{ flag: '--seed-x', value: 'v' }] }),
    ).toThrow("'--seed-x' has the invalid value 'v': a seed flag");
  });
});

describe('seededIdentities', () => {
  it.each<[string, Seed, ReturnType<typeof seededIdentities>]>([
    [
      'no identity: the simulator app accepts no assertion, no default job',
      { resourceGroups: [], environments: [], applications: [] },
      { federatedCredentials: [], applications: [], githubJob: null },
    ],
    [
      "the simulator app's credentials and the other registrations",
      {
        resourceGroups: [],
        environments: [],
        applications: [
          { clientId: CLIENT, var: 'AZURE_BUILD_CLIENT_ID', federatedCredentials: [{ subject: 'b' }] },
          { federatedCredentials: [{ subject: 'a' }] },
        ],
        githubJob: { repository: REPO, ref: 'refs/heads/main', eventName: 'push' },
      },
      {
        federatedCredentials: [{ subject: 'a' }],
        applications: [
          { clientId: CLIENT, var: 'AZURE_BUILD_CLIENT_ID', federatedCredentials: [{ subject: 'b' }] },
        ],
        githubJob: { repository: REPO, ref: 'refs/heads/main', eventName: 'push' },
      },
    ],
  ])('%s', (_, seed, expected) => {
    expect(seededIdentities(seed)).toEqual(expected);
  });
});

describe('envFileText', () => {
  it('writes the repository variables, then the runner machine’s names, never the client secret', () => {
    const text = envFileText(
      { AZURE_CLIENT_ID: 'c', AZURE_CLOUD: 'Custom' },
      {
        AZURE_CLIENT_ID: 'c',
        AZURE_CLIENT_SECRET: 's',
        NODE_EXTRA_CA_CERTS: '/ca.crt',
        ACTIONS_ID_TOKEN_REQUEST_URL: 'https://localhost:1/github/oidc/token?api-version=2.0',
        ALC_SIM_ADMIN_URL: 'https://localhost:1/_sim',
      },
    );
    const lines = text.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual([
      'AZURE_CLIENT_ID=c',
      'AZURE_CLOUD=Custom',
      'NODE_EXTRA_CA_CERTS=/ca.crt',
      'ACTIONS_ID_TOKEN_REQUEST_URL=https://localhost:1/github/oidc/token?api-version=2.0',
      'ALC_SIM_ADMIN_URL=https://localhost:1/_sim',
    ]);
  });
});
