// The workflows, checked as GitHub would read them: its own parser (reusable-workflow calls included), no script
// injection, every local action and reusable workflow called with inputs it declares and outputs it has, pinned
// third-party actions, least permissions, two identities (pull-request and unreviewed tag code never name
// production), dispatch inputs checked before anything prints them, and a concurrency design in which a pending
// rollback is never cancelled. Each check is also shown failing on a crafted workflow, so that a pass means something.
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AZURE_INPUT_FALLBACKS } from '../../../src/core/inputs.js';
import {
  connectionFindings,
  consistencyFindings,
  contextReferences,
  declaredInputs,
  dispatchInputFindings,
  identityFindings,
  identityTableFindings,
  IDENTITIES,
  jobIdentities,
  githubActionErrors,
  githubParserErrors,
  injectionFindings,
  loadLocalActions,
  loadWorkflows,
  parseActionMeta,
  parseWorkflowText,
  permissionFindings,
  localAction,
  pinningFindings,
  productionReferences,
  repositoryVariables,
  resolvedJobs,
} from '../../support/workflows.js';

const ROOT = process.cwd();
const workflows = loadWorkflows(ROOT);
const actions = loadLocalActions(ROOT);
const byFile = workflows.map((wf) => [wf.file, wf] as const);
const byName = new Map(workflows.map((wf) => [wf.file, wf]));

const CHECKOUT = 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0';

/** A one-job workflow around the given steps (YAML, indented for `steps:`). */
function crafted(steps: string, job = ''): string {
  return `on: push
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    permissions: { contents: read }
${job}    steps:
${steps}`;
}

describe('the workflows', () => {
  it('are the pipeline, its reusable workflows and the release of alc-deploy itself', () => {
    expect(workflows.map((wf) => wf.file)).toEqual([
      'ci.yml',
      'preview.yml',
      'publish.yml',
      'release.yml',
      'reusable-preview.yml',
      'reusable-release.yml',
      'reusable-rollback.yml',
      'rollback.yml',
    ]);
  });

  it("use the four local actions (checked out at the reusable workflow's commit), each with an action.yml", () => {
    const used = new Set(
      workflows.flatMap((wf) =>
        Object.values(wf.doc.jobs).flatMap((j) => (j.steps ?? []).map((s) => s.uses ?? '')),
      ),
    );
    for (const name of ['build-push', 'deploy-app', 'blue-green', 'smoke-test']) {
      expect(used).toContain(`./.alc-deploy/actions/${name}`);
      expect(actions.has(`./actions/${name}`)).toBe(true);
    }
  });

  it.each([
    ['release.yml', 'reusable-release.yml'],
    ['rollback.yml', 'reusable-rollback.yml'],
    ['preview.yml', 'reusable-preview.yml'],
  ])('%s is a thin caller of %s', (caller, called) => {
    const jobs = Object.values(byName.get(caller)!.doc.jobs);
    expect(jobs.map((j) => j.uses)).toEqual([`./.github/workflows/${called}`]);
    expect(Object.keys(byName.get(called)!.doc.on as object)).toEqual(['workflow_call']);
  });
});

describe("GitHub's workflow parser", () => {
  it.each(byFile)('finds no error in %s (called workflows loaded)', async (file, wf) => {
    expect(await githubParserErrors(file, wf.text, ROOT)).toEqual([]);
  });

  it.each([
    [
      'an input the called workflow does not declare',
      'bogus: 1',
      /bogus is not defined in the referenced workflow/,
    ],
    ['a required input left out', '', /Input reason is required/],
  ])('reports a call with %s', async (_what, extra, message) => {
    const text = readFileSync(join(ROOT, '.github/workflows/rollback.yml'), 'utf8').replace(
      '      reason: ${{ inputs.reason }}\n',
      extra ? `      reason: x\n      ${extra}\n` : '',
    );
    expect((await githubParserErrors('bad.yml', text, ROOT)).join('\n')).toMatch(message);
  });

  it.each([
    ['an unknown job key', crafted('      - run: echo hi\n', '    bogus: 1\n'), /Unexpected value 'bogus'/],
    ['a broken expression', crafted('      - run: echo ${{ github.sha( }}\n'), /Unexpected symbol/],
    ['a job graph without a root', crafted('      - run: echo hi\n', '    needs: [a]\n'), /no dependencies/],
  ])('reports %s', async (_what, text, message) => {
    const errors = await githubParserErrors('bad.yml', text);
    expect(errors.join('\n')).toMatch(message);
  });
});

describe("GitHub's action parser", () => {
  it.each([...actions.keys()])('finds no error in %s/action.yml', (path) => {
    const file = join(ROOT, path, 'action.yml');
    expect(githubActionErrors(file, readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('reports a runtime GitHub does not have', () => {
    const text = 'name: x\ndescription: y\nruns:\n  using: node99\n  main: index.js\n';
    expect(githubActionErrors('bad.yml', text).join('\n')).toMatch(/Unexpected value 'node99'/);
  });
});

describe('script-injection lint', () => {
  it.each(byFile)('finds nothing in %s', (_file, wf) => {
    expect(injectionFindings(wf)).toEqual([]);
  });

  it.each([
    [
      'a pull request title',
      'echo "${{ github.event.pull_request.title }}"',
      'github.event.pull_request.title',
    ],
    ['a pull request body', 'echo ${{ github.event.pull_request.body }}', 'github.event.pull_request.body'],
    ['the head branch', 'git log ${{ github.head_ref }}', 'github.head_ref'],
    [
      'the head ref of a PR',
      'echo ${{ github.event.pull_request.head.ref }}',
      'github.event.pull_request.head.ref',
    ],
    ['a comment body', 'echo ${{ github.event.comment.body }}', 'github.event.comment.body'],
    ['a dispatch input', 'echo "${{ inputs.reason }}"', 'inputs.reason'],
    ['a dispatch input (old form)', 'echo ${{ github.event.inputs.reason }}', 'github.event.inputs.reason'],
    ['a step output', 'echo ${{ steps.x.outputs.title }}', 'steps.x.outputs.title'],
    ['an input in a function call', "echo ${{ format('{0}', inputs.to) }}", 'inputs.to'],
    [
      'bracket access',
      "echo ${{ github.event['pull_request']['title'] }}",
      'github.event.pull_request.title',
    ],
  ])('flags %s in a run: script', (_what, run, reference) => {
    const wf = parseWorkflowText('bad.yml', crafted(`      - run: ${JSON.stringify(run)}\n`));
    const findings = injectionFindings(wf);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toContain(`reads ${reference}`);
  });

  it('flags untrusted text in a github-script script', () => {
    const wf = parseWorkflowText(
      'bad.yml',
      crafted(
        '      - uses: actions/github-script@ed597411d8f924073f98dfc5c65a23a2325f34cd # v8.0.0\n' +
          '        with:\n          script: |\n            core.info("${{ github.event.issue.title }}")\n',
      ),
    );
    expect(injectionFindings(wf)).toEqual([expect.stringContaining('github-script')]);
  });

  it.each([
    [
      'the same title through env',
      '      - env:\n          TITLE: ${{ github.event.pull_request.title }}\n        run: echo "$TITLE"\n',
    ],
    [
      'trusted contexts',
      '      - run: echo ${{ github.sha }} ${{ vars.APP_URL }} ${{ github.event.pull_request.number }}\n',
    ],
    ['a literal that looks like a context', "      - run: echo ${{ format('{0}', 'inputs.reason') }}\n"],
    ['a step outcome', '      - id: x\n        run: "true"\n      - run: echo ${{ steps.x.outcome }}\n'],
  ])('lets %s pass', (_what, steps) => {
    expect(injectionFindings(parseWorkflowText('good.yml', crafted(steps)))).toEqual([]);
  });

  it.each([
    ["a == 'inputs.x' || steps.s.outputs.y", ['steps.s.outputs.y']],
    ["needs['build'].outputs['image']", ['needs.build.outputs.image']],
    [
      '!cancelled() && github.event.pull_request.head.repo.full_name != github.repository',
      ['github.event.pull_request.head.repo.full_name', 'github.repository'],
    ],
  ])('reads the contexts of %s', (expression, references) => {
    expect(contextReferences(expression)).toEqual(references);
  });
});

describe('consistency with the actions', () => {
  it.each(byFile)('finds nothing in %s', (_file, wf) => {
    expect(consistencyFindings(wf, actions, byName)).toEqual([]);
  });

  const action = parseActionMeta(`
inputs:
  url: { required: true }
  mode: { required: true, default: fast }
  extra: { required: false }
outputs:
  passed: { description: x }
`);
  const local = new Map([['./actions/probe', action]]);
  const checkout = `      - uses: ${CHECKOUT}\n`;

  it.each([
    [
      'an input the action does not declare',
      `${checkout}      - uses: ./actions/probe\n        with: { url: u, bogus: 1 }\n`,
      "has no input 'bogus'",
    ],
    [
      'a required input left out',
      `${checkout}      - uses: ./actions/probe\n        with: { extra: e }\n`,
      "requires input 'url'",
    ],
    [
      'an output the action does not have',
      `${checkout}      - id: p\n        uses: ./actions/probe\n        with: { url: u }\n      - run: echo "$X"\n        env: { X: '\${{ steps.p.outputs.failed }}' }\n`,
      "step 'p' has no output 'failed'",
    ],
    [
      'a step id that is not there',
      `${checkout}      - run: echo "$X"\n        env: { X: '\${{ steps.nope.outputs.passed }}' }\n`,
      "no earlier step has id 'nope'",
    ],
    [
      'a step read before it runs',
      `${checkout}      - if: steps.p.outcome == 'success'\n        run: echo\n      - id: p\n        uses: ./actions/probe\n        with: { url: u }\n`,
      "no earlier step has id 'p'",
    ],
    [
      'a local action before checkout',
      `      - uses: ./actions/probe\n        with: { url: u }\n`,
      'before actions/checkout',
    ],
    ['an action without action.yml', `${checkout}      - uses: ./actions/missing\n`, 'has no action.yml'],
    [
      'a run step output it never writes',
      `${checkout}      - id: r\n        run: echo "a=1" >> "$GITHUB_OUTPUT"\n      - run: echo "$X"\n        env: { X: '\${{ steps.r.outputs.b }}' }\n`,
      "step 'r' has no output 'b'",
    ],
  ])('flags %s', (_what, steps, message) => {
    const findings = consistencyFindings(parseWorkflowText('bad.yml', crafted(steps)), local);
    expect(findings).toEqual([expect.stringContaining(message)]);
  });

  it('lets a correct call pass', () => {
    const steps = `${checkout}      - id: p\n        uses: ./actions/probe\n        with: { url: u }\n      - if: steps.p.outputs.passed == 'true'\n        run: echo ok\n`;
    expect(consistencyFindings(parseWorkflowText('good.yml', crafted(steps)), local)).toEqual([]);
  });

  const twoJobs = (needs: string, outputRef: string) => `on: push
jobs:
  one:
    runs-on: ubuntu-latest
    outputs:
      image: \${{ steps.s.outputs.image }}
    steps:
      - id: s
        run: echo "image=x" >> "$GITHUB_OUTPUT"
  two:
    runs-on: ubuntu-latest
${needs}    steps:
      - run: echo "$I"
        env:
          I: \${{ ${outputRef} }}
`;

  it.each([
    [
      'an output the job does not declare',
      '    needs: one\n',
      'needs.one.outputs.digest',
      "job 'one' declares no output 'digest'",
    ],
    ['a job that is not needed', '', 'needs.one.outputs.image', "job 'one' is not in this job's needs"],
    [
      'a needed job that does not exist',
      '    needs: [one, three]\n',
      'needs.one.outputs.image',
      "needs unknown job 'three'",
    ],
  ])('flags %s', (_what, needs, ref, message) => {
    expect(consistencyFindings(parseWorkflowText('bad.yml', twoJobs(needs, ref)), new Map())).toEqual([
      expect.stringContaining(message),
    ]);
  });

  it('lets a declared job output pass', () => {
    const text = twoJobs('    needs: [one]\n', 'needs.one.outputs.image');
    expect(consistencyFindings(parseWorkflowText('good.yml', text), new Map())).toEqual([]);
  });
});

describe('pinned third-party actions', () => {
  it.each(byFile)('finds nothing in %s', (_file, wf) => {
    expect(pinningFindings(wf)).toEqual([]);
  });

  it.each([
    ['a tag', '      - uses: actions/checkout@v5\n', 'not pinned to a full 40-hex commit SHA'],
    ['a short SHA', '      - uses: actions/checkout@08c6903\n', 'not pinned'],
    ['a branch', '      - uses: "docker/setup-buildx-action@master"\n', 'not pinned'],
    [
      'a SHA without its version',
      '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8\n',
      "no '# vX.Y.Z' comment",
    ],
    ['a docker image by tag', '      - uses: docker://alpine:3\n', 'not pinned by digest'],
  ])('flags %s', (_what, steps, message) => {
    expect(pinningFindings(parseWorkflowText('bad.yml', crafted(steps)))).toEqual([
      expect.stringContaining(message),
    ]);
  });
});

describe('permissions', () => {
  it.each(byFile)('are least privilege in %s', (_file, wf) => {
    expect(permissionFindings(wf, actions, byName)).toEqual([]);
  });

  const azure = new Map([['./actions/az', parseActionMeta('inputs:\n  client-id: {}\n')]]);
  const job = (permissions: string, uses: string) => `on: push
${permissions}jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: ${CHECKOUT}
      - uses: ${uses}
`;

  it.each([
    [
      'an Azure call without id-token: write',
      'permissions: { contents: read }\n',
      './actions/az',
      'without id-token: write',
    ],
    [
      'id-token: write without an Azure call',
      'permissions: { contents: read, id-token: write }\n',
      './actions/other',
      'no Azure call',
    ],
    ['no permissions at all', '', './actions/az', 'no permissions'],
    ['write-all', 'permissions: write-all\n', './actions/az', 'write-all'],
  ])('flags %s', (_what, permissions, uses, message) => {
    const findings = permissionFindings(parseWorkflowText('bad.yml', job(permissions, uses)), azure);
    expect(findings.join('\n')).toContain(message);
  });

  it('holds no client secret: the one secret read is the notify webhook, by production jobs from their environment', () => {
    for (const wf of workflows) {
      expect(wf.text.replace(/\$\{\{ secrets\.ALC_NOTIFY \}\}/g, '')).not.toMatch(/\bsecrets\./);
      for (const [jobId, job] of Object.entries(wf.doc.jobs)) {
        const reads = JSON.stringify(job).includes('secrets.ALC_NOTIFY');
        const environment = typeof job.environment === 'string' ? job.environment : job.environment?.name;
        // An environment secret is read only by a job in that environment; none is passed across a call.
        if (reads)
          expect(`${wf.file} jobs.${jobId}: ${environment ?? 'no environment'}`).toBe(
            `${wf.file} jobs.${jobId}: production`,
          );
      }
    }
    const readers = workflows.filter((wf) => wf.text.includes('secrets.ALC_NOTIFY')).map((wf) => wf.file);
    expect(readers.sort()).toEqual(['reusable-release.yml', 'reusable-rollback.yml']);
  });

  it.each([
    ['secrets: inherit', 'secrets: inherit'],
    ['a secrets mapping', 'secrets: { token: x }'],
  ])('flags a reusable-workflow call passing %s', (_what, secrets) => {
    const text = `on: push\npermissions: {}\njobs:\n  a:\n    uses: ./.github/workflows/reusable-rollback.yml\n    permissions: { contents: read, id-token: write }\n    ${secrets}\n`;
    expect(permissionFindings(parseWorkflowText('bad.yml', text), actions, byName).join('\n')).toContain(
      'passes secrets',
    );
  });

  it('wants id-token: write on a job whose called workflow calls Azure', () => {
    const text = `on: push\npermissions: {}\njobs:\n  a:\n    uses: ./.github/workflows/reusable-rollback.yml\n    permissions: { contents: read }\n`;
    expect(permissionFindings(parseWorkflowText('bad.yml', text), actions, byName)).toEqual([
      expect.stringContaining('calls Azure without id-token: write'),
    ]);
  });
});

describe('reusable workflows: calls, inputs and outputs', () => {
  const reusable = `on:
  workflow_call:
    inputs:
      name: { type: string, required: true }
      fast: { type: boolean, default: false }
      count: { type: number, required: false }
    outputs:
      word:
        value: \${{ jobs.one.outputs.word }}
permissions: {}
jobs:
  one:
    runs-on: ubuntu-latest
    permissions: { contents: read }
    outputs:
      word: \${{ steps.w.outputs.word }}
    steps:
      - id: w
        env: { NAME: '\${{ inputs.name }}' }
        run: echo "word=$NAME" >> "$GITHUB_OUTPUT"
`;
  const called = new Map([['called.yml', parseWorkflowText('called.yml', reusable)]]);
  const caller = (call: string, after = '') => `on: push
permissions: {}
jobs:
  c:
    uses: ./.github/workflows/called.yml
    permissions: { contents: read }
${call}${after}`;
  const reader = (ref: string) => `  d:
    needs: c
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - env: { W: '\${{ ${ref} }}' }
        run: echo "$W"
`;

  it.each([
    [
      'an input the called workflow does not declare',
      '    with: { name: n, bogus: 1 }\n',
      '',
      "has no input 'bogus'",
    ],
    ['a required input left out', '    with: { fast: true }\n', '', "requires input 'name'"],
    [
      'a string for a boolean',
      "    with: { name: n, fast: 'yes' }\n",
      '',
      "input 'fast' of called.yml is a boolean",
    ],
    [
      'a string for a number',
      "    with: { name: n, count: 'many' }\n",
      '',
      "input 'count' of called.yml is a number",
    ],
    [
      'an output the called workflow does not have',
      '    with: { name: n }\n',
      reader('needs.c.outputs.nope'),
      "job 'c' declares no output 'nope'",
    ],
  ])('flags %s', (_what, call, after, message) => {
    expect(consistencyFindings(parseWorkflowText('bad.yml', caller(call, after)), new Map(), called)).toEqual(
      [expect.stringContaining(message)],
    );
  });

  it('flags a call of a workflow that does not exist or cannot be called', () => {
    const missing = caller('').replace('called.yml', 'missing.yml');
    expect(consistencyFindings(parseWorkflowText('bad.yml', missing), new Map(), called)).toEqual([
      expect.stringContaining('does not exist'),
    ]);
    const push = new Map([
      [
        'called.yml',
        parseWorkflowText('called.yml', reusable.replace(/^on:\n {2}workflow_call:/, 'on:\n  push:')),
      ],
    ]);
    expect(
      consistencyFindings(parseWorkflowText('bad.yml', caller('')), new Map(), push).join('\n'),
    ).toContain('has no on: workflow_call');
  });

  it('lets a correct call pass, its output read by a later job', () => {
    const text = caller('    with: { name: n, fast: true, count: 3 }\n', reader('needs.c.outputs.word'));
    expect(consistencyFindings(parseWorkflowText('good.yml', text), new Map(), called)).toEqual([]);
  });

  it.each([
    [
      'an input no trigger declares',
      reusable.replace("'${{ inputs.name }}'", "'${{ inputs.nmae }}'"),
      'reads inputs.nmae, which no trigger declares',
    ],
    [
      'an output mapped from a job output that is not there',
      reusable.replace('jobs.one.outputs.word', 'jobs.one.outputs.words'),
      "job 'one' declares no output 'words'",
    ],
    [
      'an output mapped from a job that is not there',
      reusable.replace('jobs.one.outputs.word', 'jobs.two.outputs.word'),
      "there is no job 'two'",
    ],
  ])('flags, in the called workflow, %s', (_what, text, message) => {
    expect(consistencyFindings(parseWorkflowText('called.yml', text), new Map())).toEqual([
      expect.stringContaining(message),
    ]);
  });
});

describe('two identities', () => {
  it.each(byFile)('%s: no job running unreviewed code names production', (_file, wf) => {
    expect(identityFindings(wf, byName)).toEqual([]);
  });

  const azureStep = (clientId: string, rg = "${{ vars.PREVIEW_RESOURCE_GROUP || 'alc-algo-preview' }}") =>
    `      - uses: ${CHECKOUT}\n      - uses: ./actions/deploy-app\n        with:\n          image: x\n          client-id: \${{ vars.${clientId} }}\n          resource-group: ${rg}\n`;
  const wfText = (on: string, job: string, steps: string, top = '') => `on: ${on}
permissions: {}
${top}jobs:
  a:
    runs-on: ubuntu-latest
    permissions: { contents: read, id-token: write }
${job}    steps:
${steps}`;
  const jobEnv = (clientId: string) => `    env:\n      AZURE_CLIENT_ID: \${{ vars.${clientId} }}\n`;
  const calling = (
    on: string,
    clientId: string,
    buildClientId = 'AZURE_PREVIEW_BUILD_CLIENT_ID',
  ) => `on: ${on}
permissions: {}
jobs:
  p:
    uses: ./.github/workflows/reusable-preview.yml
    permissions: { contents: read, id-token: write, pull-requests: write, deployments: write }
    with:
      build-client-id: \${{ vars.${buildClientId} }}
      client-id: \${{ vars.${clientId} }}
      tenant-id: t
      subscription-id: s
      resource-group: rg-preview
      registry: preview.azurecr.io
      repository: preview
`;

  it.each([
    [
      'a pull-request job with the production client id (the old preview.yml)',
      wfText('pull_request', '', azureStep('AZURE_CLIENT_ID')),
      /runs pull-request code .* names production: vars.AZURE_CLIENT_ID/,
    ],
    [
      'a pull-request job whose preview default is the production resource group',
      wfText(
        'pull_request',
        '',
        azureStep('AZURE_PREVIEW_CLIENT_ID', "${{ vars.PREVIEW_RESOURCE_GROUP || 'alc-algo-production' }}"),
      ),
      /names production: alc-algo-production/,
    ],
    [
      'a pull-request job whose workflow env falls back on the production registry',
      wfText(
        'pull_request',
        '',
        azureStep('AZURE_PREVIEW_CLIENT_ID'),
        "env:\n  REGISTRY: ${{ vars.ACR_REGISTRY || 'alcalgoregistry.azurecr.io' }}\n",
      ),
      /names production: alcalgoregistry.azurecr.io, vars.ACR_REGISTRY/,
    ],
    [
      'a pull-request job pushing to the production repository by name',
      wfText('pull_request', '', azureStep('AZURE_PREVIEW_CLIENT_ID') + '          app: alc-algo-agents\n'),
      /names production: alc-algo-agents$/,
    ],
    [
      'a pull-request job in the protected environment',
      wfText('pull_request', '    environment: production\n', azureStep('AZURE_CLIENT_ID')),
      /names the protected environment production/,
    ],
    [
      'a tag-push job with the production identity and no environment (the old release build)',
      wfText("{ push: { tags: ['v*'] } }", '', azureStep('AZURE_CLIENT_ID', 'alc-algo-production')),
      /id-token: write with the production identity outside a protected environment/,
    ],
    [
      'a tag-push job in an unprotected environment',
      wfText(
        "{ push: { tags: ['v*'] } }",
        '    environment: staging\n',
        azureStep('AZURE_CLIENT_ID', 'alc-algo-production'),
      ),
      /outside a protected environment \(staging/,
    ],
    [
      'a pull-request caller passing the production client id into the reusable preview',
      calling('pull_request', 'AZURE_CLIENT_ID'),
      /jobs.p → reusable-preview.yml jobs.deploy: runs pull-request code .*vars.AZURE_CLIENT_ID/,
    ],
    [
      "a pull-request caller passing the release build's client id (it pushes to the production repository)",
      calling('pull_request', 'AZURE_PREVIEW_CLIENT_ID', 'AZURE_BUILD_CLIENT_ID'),
      /jobs.p → reusable-preview.yml jobs.build: runs pull-request code .*vars.AZURE_BUILD_CLIENT_ID/,
    ],
    [
      'a pull-request job whose job env: holds the production client id (the step passes none)',
      wfText(
        'pull_request',
        jobEnv('AZURE_CLIENT_ID'),
        azureStep('AZURE_PREVIEW_CLIENT_ID').replace(/ {10}client-id.*\n/, ''),
      ),
      /runs pull-request code .* names production: vars.AZURE_CLIENT_ID/,
    ],
    [
      'a pull-request workflow whose workflow env: holds the production client id',
      wfText(
        'pull_request',
        '',
        azureStep('AZURE_PREVIEW_CLIENT_ID'),
        jobEnv('AZURE_CLIENT_ID').replace(/^ {4}/gm, ''),
      ),
      /runs pull-request code .* names production: vars.AZURE_CLIENT_ID/,
    ],
  ])('flags %s', (_what, text, message) => {
    const findings = identityFindings(parseWorkflowText('bad.yml', text), byName);
    expect(findings.join('\n')).toMatch(message);
  });

  it.each([
    [
      'the production identity in the protected environment on a tag',
      wfText(
        "{ push: { tags: ['v*'] } }",
        '    environment: production\n',
        azureStep('AZURE_CLIENT_ID', 'alc-algo-production'),
      ),
    ],
    [
      'a pull-request job with the preview identity and preview resources',
      wfText('pull_request', '', azureStep('AZURE_PREVIEW_CLIENT_ID')),
    ],
    [
      'a pull-request caller of the reusable preview with the preview identity',
      calling('pull_request', 'AZURE_PREVIEW_CLIENT_ID'),
    ],
    [
      'a pull-request job with the preview identity in its job env:',
      wfText('pull_request', jobEnv('AZURE_PREVIEW_CLIENT_ID'), azureStep('AZURE_PREVIEW_CLIENT_ID')),
    ],
  ])('lets %s pass', (_what, text) => {
    expect(identityFindings(parseWorkflowText('good.yml', text), byName)).toEqual([]);
  });

  it('gives the reusable preview no default that names production', () => {
    const defaults = Object.values(declaredInputs(byName.get('reusable-preview.yml')!)).map((i) => i.default);
    expect(productionReferences(JSON.stringify(defaults))).toEqual([]);
    expect(
      productionReferences(JSON.stringify({ rg: 'alc-algo-production', repo: 'alc-algo-agents' })),
    ).toEqual(['alc-algo-agents', 'alc-algo-production']);
  });

  it('holds the release build in a protected environment, on release tags of the default branch only', () => {
    const build = byName.get('reusable-release.yml')!.doc.jobs.build;
    expect(build.environment).toBe('production-build');
    expect(build.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(build.needs).toBe('on-default-branch');
  });
});

// Which identity each job runs with, where, and what it does with it: a table of the workflows as their callers run
// them. The build jobs run the tag's or the pull request's code (prepare, Dockerfile), so their identities can push
// images and change no container app; the production identity is usable in the environment production only.
describe('identities: job -> environment -> client id -> what it may do', () => {
  const R = 'jobs.release → reusable-release.yml';
  const P = 'jobs.preview → reusable-preview.yml';
  it.each([
    ['release.yml', `${R} jobs.not-a-release-tag`, 'none', 'none', []],
    ['release.yml', `${R} jobs.on-default-branch`, 'none', 'none', []],
    ['release.yml', `${R} jobs.build`, 'production-build', 'AZURE_BUILD_CLIENT_ID', ['build-push']],
    [
      'release.yml',
      `${R} jobs.release`,
      'production',
      'AZURE_CLIENT_ID',
      ['deploy-app', 'smoke-test', 'blue-green', 'smoke-test', 'blue-green', 'blue-green'],
    ],
    [
      'rollback.yml',
      'jobs.rollback → reusable-rollback.yml jobs.rollback',
      'production',
      'AZURE_CLIENT_ID',
      ['blue-green', 'smoke-test'],
    ],
    ['preview.yml', `${P} jobs.fork`, 'none', 'none', []],
    ['preview.yml', `${P} jobs.build`, 'preview-build', 'AZURE_PREVIEW_BUILD_CLIENT_ID', ['build-push']],
    ['preview.yml', `${P} jobs.deploy`, 'none', 'AZURE_PREVIEW_CLIENT_ID', ['deploy-app', 'smoke-test']],
    ['preview.yml', `${P} jobs.teardown`, 'none', 'AZURE_PREVIEW_CLIENT_ID', ['blue-green']],
  ])('%s %s: environment %s, identity %s, runs %j', (caller, where, environment, clientId, actionsRun) => {
    const job = jobIdentities(byName.get(caller)!, byName).find((j) => j.where === `${caller} ${where}`);
    expect(job).toEqual({ where: `${caller} ${where}`, environment, clientId, actions: actionsRun });
    if (clientId === 'none') return;
    // What that identity may do: only its actions, only in the environment its subject names.
    const identity = IDENTITIES[clientId];
    expect(identity.environment ?? 'none').toBe(environment);
    expect(actionsRun.every((a) => identity.actions.includes(a))).toBe(true);
  });

  it.each(byFile)('%s: every job with an identity is where that identity is federated', (_file, wf) => {
    expect(identityTableFindings(wf, byName)).toEqual([]);
  });

  it('no identity builds and deploys: the build identities run build-push only, the others never run it', () => {
    for (const [name, identity] of Object.entries(IDENTITIES))
      expect([name, identity.actions.includes('build-push')]).toEqual([name, identity.actions.length === 1]);
  });

  it.each(Object.entries(IDENTITIES))(
    'docs/pipeline.md states %s: its subject, its environment',
    (variable, identity) => {
      const doc = readFileSync('docs/pipeline.md', 'utf8');
      expect(doc).toContain(
        `| ${identity.name} | \`${variable}\` | \`repo:<owner>/<repo>:${identity.subject}\` |`,
      );
    },
  );

  const release = (buildClient: string) =>
    readFileSync('.github/workflows/release.yml', 'utf8').replace(
      /build-client-id: .*/,
      `build-client-id: \${{ vars.${buildClient} }}`,
    );
  it.each([
    [
      'the release build with the production client id (the old release build)',
      'AZURE_CLIENT_ID',
      /jobs\.build: the production identity \(vars\.AZURE_CLIENT_ID, federated to environment:production only\) in environment production-build/,
    ],
    [
      'the release build with the preview identity',
      'AZURE_PREVIEW_CLIENT_ID',
      /jobs\.build: the preview identity .* in environment production-build.*\n.*runs build-push/,
    ],
    ['an unknown client id', 'SOME_CLIENT_ID', /vars\.SOME_CLIENT_ID, which is no identity/],
  ])('flags %s', (_what, client, message) => {
    const findings = identityTableFindings(parseWorkflowText('release.yml', release(client)), byName);
    expect(findings.join('\n')).toMatch(message);
  });

  it('flags a production job given the build identity', () => {
    const text = readFileSync('.github/workflows/rollback.yml', 'utf8').replace(
      'vars.AZURE_CLIENT_ID',
      'vars.AZURE_BUILD_CLIENT_ID',
    );
    expect(identityTableFindings(parseWorkflowText('rollback.yml', text), byName).join('\n')).toMatch(
      /the build identity .* in environment production\n.*runs blue-green, smoke-test/,
    );
  });
});

describe('the Azure connection, stated once in env:', () => {
  it.each(byFile)(
    '%s: no step repeats it, no job spells it out twice, every variable is read',
    (_file, wf) => {
      expect(connectionFindings(wf, actions)).toEqual([]);
    },
  );

  it('reaches no Azure step of the workflows through with: (the jobs state it in env:)', () => {
    const passed = workflows.flatMap((wf) =>
      Object.entries(wf.doc.jobs).flatMap(([jobId, job]) =>
        (job.steps ?? []).flatMap((step) =>
          Object.keys(step.with ?? {})
            .filter((k) => k in AZURE_INPUT_FALLBACKS && step.uses && localAction(step.uses))
            .map((k) => `${wf.file} jobs.${jobId} ${step.id ?? step.uses}: ${k}`),
        ),
      ),
    );
    expect(passed).toEqual([]);
  });

  // Each job that talks to Azure, as its caller runs it: the whole connection in env:, the caller's identity.
  const CONNECTION = (clientId: string, resourceGroup: string) => ({
    AZURE_CLIENT_ID: `\${{ vars.${clientId} }}`,
    AZURE_TENANT_ID: '${{ vars.AZURE_TENANT_ID }}',
    ALC_DEPLOY_CLOUD: "${{ vars.AZURE_CLOUD || 'AzureCloud' }}",
    ALC_DEPLOY_ARM_ENDPOINT: '${{ vars.AZURE_ARM_ENDPOINT }}',
    ALC_DEPLOY_AUTHORITY_HOST: '${{ vars.AZURE_AUTHORITY_HOST }}',
    ALC_DEPLOY_RESOURCE_GROUP: resourceGroup,
  });
  const PRODUCTION_CONNECTION = {
    ...CONNECTION('AZURE_CLIENT_ID', "${{ vars.AZURE_RESOURCE_GROUP || 'alc-algo-production' }}"),
    AZURE_SUBSCRIPTION_ID: '${{ vars.AZURE_SUBSCRIPTION_ID }}',
  };
  // The production jobs also state the app's trading lease once (deploy-app and blue-green read it); the build
  // job, which runs the tag's code and deploys nothing, does not.
  const PRODUCTION_TRADING = {
    ...PRODUCTION_CONNECTION,
    ALC_DEPLOY_TRADING_LEASE: '${{ vars.ALC_TRADING_LEASE }}',
    // Stop the line: one repository variable, passed to every production job (promote refuses, rollback runs).
    ALC_DEPLOY_STOP_THE_LINE: '${{ vars.ALC_STOP_THE_LINE }}',
    // Change control (docs/audit.md): the audit trail, the notify format, and the webhook, production's secret.
    ALC_DEPLOY_AUDIT: '${{ vars.ALC_AUDIT }}',
    ALC_DEPLOY_NOTIFY_FORMAT: '${{ vars.ALC_NOTIFY_FORMAT }}',
    ALC_DEPLOY_NOTIFY: '${{ secrets.ALC_NOTIFY }}',
  };
  const BUILD_CONNECTION = {
    ...PRODUCTION_CONNECTION,
    AZURE_CLIENT_ID: '${{ vars.AZURE_BUILD_CLIENT_ID }}',
  };
  const PREVIEW_CONNECTION = {
    ...CONNECTION('AZURE_PREVIEW_CLIENT_ID', "${{ vars.PREVIEW_RESOURCE_GROUP || 'alc-algo-preview' }}"),
    AZURE_SUBSCRIPTION_ID: '${{ vars.AZURE_PREVIEW_SUBSCRIPTION_ID || vars.AZURE_SUBSCRIPTION_ID }}',
    // The pull request comment says when the line is stopped.
    ALC_DEPLOY_STOP_THE_LINE: '${{ vars.ALC_STOP_THE_LINE }}',
  };
  // The preview build reads no container app: no resource group.
  const {
    ALC_DEPLOY_RESOURCE_GROUP: _rg,
    ALC_DEPLOY_STOP_THE_LINE: _stop,
    ...PREVIEW_BUILD_CONNECTION
  } = {
    ...PREVIEW_CONNECTION,
    AZURE_CLIENT_ID: '${{ vars.AZURE_PREVIEW_BUILD_CLIENT_ID }}',
  };
  void _rg;
  void _stop;
  it.each([
    ['release.yml', 'jobs.release → reusable-release.yml jobs.build', 'production-build', BUILD_CONNECTION],
    ['release.yml', 'jobs.release → reusable-release.yml jobs.release', 'production', PRODUCTION_TRADING],
    ['rollback.yml', 'jobs.rollback → reusable-rollback.yml jobs.rollback', 'production', PRODUCTION_TRADING],
    [
      'preview.yml',
      'jobs.preview → reusable-preview.yml jobs.build',
      'preview-build',
      PREVIEW_BUILD_CONNECTION,
    ],
    ['preview.yml', 'jobs.preview → reusable-preview.yml jobs.deploy', 'none', PREVIEW_CONNECTION],
    ['preview.yml', 'jobs.preview → reusable-preview.yml jobs.teardown', 'none', PREVIEW_CONNECTION],
  ])('%s %s (environment %s) gets its identity in env:', (caller, where, environment, env) => {
    const job = resolvedJobs(byName.get(caller)!, byName).find((j) => j.where === `${caller} ${where}`)!;
    const name = typeof job.job.environment === 'string' ? job.job.environment : job.job.environment?.name;
    expect(name ?? 'none').toBe(environment);
    expect(job.env).toEqual(env);
  });

  it('gives the pull-request jobs (the build runs pull-request code) no production id in env:', () => {
    const jobs = resolvedJobs(byName.get('preview.yml')!, byName);
    expect(jobs.map((j) => j.where.split(' ').pop())).toEqual([
      'jobs.fork',
      'jobs.build',
      'jobs.deploy',
      'jobs.teardown',
    ]);
    for (const job of jobs)
      expect({ [job.where]: productionReferences(JSON.stringify(job.env)) }).toEqual({ [job.where]: [] });
  });

  const az = new Map([
    ['./actions/az', parseActionMeta('inputs:\n  client-id: {}\n  resource-group: {}\n  app: {}\n')],
  ]);
  const step = (inputs: string, env = '') =>
    `      - uses: ./actions/az\n${env}${inputs ? `        with: { ${inputs} }\n` : ''}`;
  const job = (id: string, steps: string, env = '') =>
    `  ${id}:\n    runs-on: ubuntu-latest\n${env}    steps:\n      - uses: ${CHECKOUT}\n${steps}`;
  const wf = (jobs: string, top = '') => `on: push\npermissions: {}\n${top}jobs:\n${jobs}`;
  const clientEnv = (indent: string, anchor = '', value = '${{ vars.AZURE_CLIENT_ID }}') =>
    `${indent}env:${anchor}\n${indent}  AZURE_CLIENT_ID: ${value}\n`;

  it.each([
    [
      'a step passing what the job env: provides',
      wf(job('a', step('client-id: x'), clientEnv('    '))),
      'jobs.a.steps[1]: passes client-id, which env: provides as AZURE_CLIENT_ID; drop it from with:',
    ],
    [
      'a step passing what the workflow env: provides',
      wf(job('a', step('client-id: x')), clientEnv('')),
      'passes client-id, which env: provides as AZURE_CLIENT_ID',
    ],
    [
      'a step passing what its own env: provides',
      wf(job('a', step('client-id: x', clientEnv('        ')))),
      'passes client-id, which env: provides as AZURE_CLIENT_ID',
    ],
    [
      'two steps of a job each passing the client id (the old reusable-release.yml)',
      wf(job('a', step('client-id: x') + step('client-id: x, app: b'))),
      "jobs.a: steps[1], steps[2] each pass client-id; state it once in the job's env: as AZURE_CLIENT_ID",
    ],
    [
      'two jobs spelling out the same connection',
      wf(job('a', step(''), clientEnv('    ')) + job('b', step(''), clientEnv('    '))),
      'jobs.b env: AZURE_CLIENT_ID: ${{ vars.AZURE_CLIENT_ID }} is spelled out again (first in bad.yml jobs.a)',
    ],
    [
      'an old variable name the actions do not read',
      wf(job('a', step('')), 'env:\n  ALC_RESOURCE_GROUP: rg\n'),
      'bad.yml env: no action reads ALC_RESOURCE_GROUP; an empty resource-group falls back to ALC_DEPLOY_RESOURCE_GROUP',
    ],
    [
      "the repository variable's name as the job's variable",
      wf(job('a', step(''), '    env:\n      AZURE_CLOUD: Custom\n')),
      'jobs.a env: no action reads AZURE_CLOUD; an empty cloud falls back to ALC_DEPLOY_CLOUD',
    ],
  ])('flags %s', (_what, text, message) => {
    expect(connectionFindings(parseWorkflowText('bad.yml', text), az)).toEqual([
      expect.stringContaining(message),
    ]);
  });

  it.each([
    ['one Azure step passing the connection itself', wf(job('a', step('client-id: x, resource-group: rg')))],
    [
      'the job env: for the connection, the step naming its own app and resource group',
      wf(job('a', step('resource-group: rg, app: b'), clientEnv('    '))),
    ],
    [
      "one job's env: aliased by the next (a YAML anchor)",
      wf(job('a', step(''), clientEnv('    ', ' &c')) + job('b', step(''), '    env: *c\n')),
    ],
    [
      'two jobs with two identities',
      wf(
        job('a', step(''), clientEnv('    ')) +
          job('b', step(''), clientEnv('    ', '', '${{ vars.AZURE_PREVIEW_CLIENT_ID }}')),
      ),
    ],
    [
      'a variable of another tool in a run step',
      wf(job('a', "      - run: 'true'\n        env: { AZURE_CLOUD: x }\n")),
    ],
  ])('lets %s pass', (_what, text) => {
    expect(connectionFindings(parseWorkflowText('good.yml', text), az)).toEqual([]);
  });
});

describe('dispatch inputs', () => {
  it.each(byFile)('%s checks every dispatch input before anything prints it', (_file, wf) => {
    expect(dispatchInputFindings(wf, byName)).toEqual([]);
  });

  const dispatch = (steps: string) => `on:
  workflow_dispatch:
    inputs:
      to: { type: string }
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    permissions: { contents: read }
    steps:
${steps}`;
  const validate =
    '      - id: validate\n        env: { TO: \'${{ inputs.to }}\' }\n        run: scripts/check-input.sh to target "$TO"\n';
  const summary =
    '      - env: { TO: \'${{ inputs.to }}\' }\n        run: echo "to $TO" >> "$GITHUB_STEP_SUMMARY"\n';

  it.each([
    [
      'a summary before any check (the old rollback.yml: `to` unchecked)',
      summary,
      "reads the dispatch input 'to' before a 'validate' step checked it",
    ],
    ['a summary before the check', summary + validate, "before a 'validate' step checked it"],
    [
      'a check that does not read the input',
      "      - id: validate\n        run: 'true'\n" + summary,
      "before a 'validate' step checked it",
    ],
    [
      'a failure step that prints it even when the check failed',
      validate + summary.replace('      - env', '      - if: failure()\n        env'),
      "runs after a failure and reads to without requiring steps.validate.outcome == 'success'",
    ],
    [
      'an input read in the check script itself',
      "      - id: validate\n        run: scripts/check-input.sh to target '${{ inputs.to }}'\n",
      'reads an input in its script',
    ],
  ])('flags %s', (_what, steps, message) => {
    expect(dispatchInputFindings(parseWorkflowText('bad.yml', dispatch(steps)), byName).join('\n')).toContain(
      message,
    );
  });

  it('follows a dispatch input into the reusable workflow it is passed to', () => {
    const called = `on:
  workflow_call:
    inputs:
      target: { type: string }
permissions: {}
jobs:
  j:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
${summary.replace('inputs.to', 'inputs.target')}`;
    const caller = `on:\n  workflow_dispatch:\n    inputs:\n      to: { type: string }\npermissions: {}\njobs:\n  c:\n    uses: ./.github/workflows/called.yml\n    permissions: {}\n    with:\n      target: \${{ inputs.to }}\n`;
    const map = new Map([['called.yml', parseWorkflowText('called.yml', called)]]);
    expect(dispatchInputFindings(parseWorkflowText('caller.yml', caller), map)).toEqual([
      expect.stringContaining("called.yml jobs.j.steps[0]: reads the dispatch input 'target'"),
    ]);
  });

  it('lets a checked input pass, and a failure step that requires the check', () => {
    const steps =
      validate +
      summary.replace(
        '      - env',
        "      - if: failure() && steps.validate.outcome == 'success'\n        env",
      );
    expect(dispatchInputFindings(parseWorkflowText('good.yml', dispatch(steps)), byName)).toEqual([]);
  });

  // The check itself (scripts/check-input.sh, run by reusable-rollback.yml and reusable-release.yml), for real.
  const check = (name: string, kind: string, value: string, required = false) => {
    try {
      const out = execFileSync(
        'bash',
        ['scripts/check-input.sh', name, kind, value, ...(required ? ['required'] : [])],
        {
          encoding: 'utf8',
        },
      );
      return { code: 0, out };
    } catch (e) {
      const err = e as { status: number; stdout: string };
      return { code: err.status, out: err.stdout };
    }
  };

  it.each([['previous'], ['v1.4.0'], ['v1.4.0-rc.1'], ['alc-algo-agents--v1-4-0'], ['']])(
    'takes the rollback target %j',
    (value) => {
      expect(check('to', 'target', value)).toEqual({ code: 0, out: '' });
    },
  );

  it.each([
    ['a second line forging a workflow command', 'v1.4.0\n::warning::all good'],
    ['a second line forging summary rows', 'v1.4.0\n| by | @someone-else |'],
    ['a carriage return', 'v1.4.0\r::warning::x'],
    ['a pipe', 'v1|x'],
    ['a backtick', 'v1.4.0`x`'],
    ['an upper-case revision', 'ALC--V1'],
    ['a command on the same line', '::stop-commands::x'],
  ])('refuses as a rollback target %s', (_what, value) => {
    const { code, out } = check('to', 'target', value);
    expect(code).toBe(1);
    expect(out.split('\n').filter(Boolean)).toHaveLength(1);
    expect(out).toMatch(/^::error title=to is not allowed::to '[^']*' is not allowed: previous, a version/);
    expect(out).not.toContain('::warning');
    expect(out).not.toContain('|');
  });

  it.each([
    ['demo: v1.1.0 misprices options', 0],
    ["Fed rate decision at 14:00 (don't swap)", 0],
    ['two\nlines', 1],
    ['<img src=x onerror=alert(1)>', 1],
    ['a | table | row', 1],
    ['[a link](https://evil.example)', 1],
    ['x'.repeat(201), 1],
  ])('reason %j -> exit %d', (value, code) => {
    expect(check('reason', 'text', value, true).code).toBe(code);
  });

  it.each([
    ['a line break', '\n', 'to', 'target', false],
    ['blank lines', ' \n \n', 'to', 'target', false],
    ['CR LF', '\r\n', 'to', 'target', false],
    ['a tab', '\t', 'to', 'target', false],
    ['a line break, required', '\n', 'reason', 'text', true],
    ['blank lines and a tab', '\n\t\n', 'reason', 'text', false],
  ] as const)('refuses white space that is not spaces only: %s', (_what, value, name, kind, required) => {
    const { code, out } = check(name, kind, value, required);
    expect(code).toBe(1);
    expect(out.split('\n').filter(Boolean)).toHaveLength(1);
    expect(out).toMatch(
      new RegExp(`^::error title=${name} is not allowed::${name} '[ ?]+' is not allowed: \\S`),
    );
  });

  it('wants a reason', () => {
    expect(check('reason', 'text', '  ', true)).toEqual({
      code: 1,
      out: "::error title=reason is not allowed::reason '  ' is not allowed: it is required (say why, in one line)\n",
    });
  });
});

describe('concurrency', () => {
  const production = (file: string, job: string) =>
    (byName.get(file)!.doc.jobs[job] as { concurrency?: unknown }).concurrency;

  it('runs one production deployment at a time, never cancelled in progress, and never drops a pending run', () => {
    // GitHub: "at most one running and one pending job in a concurrency group ... Any existing pending job or
    // workflow in the same concurrency group ... will be canceled" unless queue: max (docs.github.com, "Control the
    // concurrency of workflows and jobs"). Both production jobs share one group with queue: max.
    const want = { group: 'alc-deploy-production', 'cancel-in-progress': false, queue: 'max' };
    expect(production('reusable-release.yml', 'release')).toEqual(want);
    expect(production('reusable-rollback.yml', 'rollback')).toEqual(want);
  });

  it('has no workflow-level group over the production jobs (a caller and its called job in one group deadlock)', () => {
    for (const file of ['release.yml', 'rollback.yml', 'reusable-release.yml', 'reusable-rollback.yml']) {
      expect((byName.get(file)!.doc as { concurrency?: unknown }).concurrency).toBeUndefined();
    }
  });
});
describe('repository variables', () => {
  const doc = readFileSync('docs/pipeline.md', 'utf8');
  it.each(workflows.flatMap((wf) => repositoryVariables(wf).map((name) => [name, wf.file] as const)))(
    '%s (read by %s) is documented in docs/pipeline.md',
    (name) => {
      expect(doc).toContain(`\`${name}\``);
    },
  );
});
