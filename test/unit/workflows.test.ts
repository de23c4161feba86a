// The workflows, checked as GitHub would read them: its own parser, no script injection, every local action
// called with inputs it declares and outputs it has, pinned third-party actions, least permissions.
// Each check is also shown failing on a crafted workflow, so that a pass means something.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  consistencyFindings,
  contextReferences,
  githubActionErrors,
  githubParserErrors,
  injectionFindings,
  loadLocalActions,
  loadWorkflows,
  parseActionMeta,
  parseWorkflowText,
  permissionFindings,
  pinningFindings,
  repositoryVariables,
} from '../support/workflows.js';

const ROOT = process.cwd();
const workflows = loadWorkflows(ROOT);
const actions = loadLocalActions(ROOT);
const byFile = workflows.map((wf) => [wf.file, wf] as const);

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
  it('are the four the pipeline needs', () => {
    expect(workflows.map((wf) => wf.file)).toEqual(['ci.yml', 'preview.yml', 'release.yml', 'rollback.yml']);
  });

  it('use the four local actions, each of which has an action.yml', () => {
    const used = new Set(
      workflows.flatMap((wf) =>
        Object.values(wf.doc.jobs).flatMap((j) => (j.steps ?? []).map((s) => s.uses ?? '')),
      ),
    );
    for (const name of ['build-push', 'deploy-app', 'blue-green', 'smoke-test']) {
      expect(used).toContain(`./actions/${name}`);
      expect(actions.has(`./actions/${name}`)).toBe(true);
    }
  });
});

describe("GitHub's workflow parser", () => {
  it.each(byFile)('finds no error in %s', async (file, wf) => {
    expect(await githubParserErrors(file, wf.text)).toEqual([]);
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
    expect(consistencyFindings(wf, actions)).toEqual([]);
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
    expect(permissionFindings(wf, actions)).toEqual([]);
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

  it('holds no client secret: no workflow reads secrets', () => {
    for (const wf of workflows) expect(wf.text).not.toMatch(/\bsecrets\./);
  });

  it('runs one production deployment at a time, never cancelled in progress', () => {
    for (const file of ['release.yml', 'rollback.yml']) {
      const wf = workflows.find((w) => w.file === file)!;
      expect((wf.doc as { concurrency?: unknown }).concurrency).toEqual({
        group: 'alc-algo-production',
        'cancel-in-progress': false,
      });
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
