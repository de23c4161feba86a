import { describe, expect, it } from '@jest/globals';
import {
  aadstsCodes,
  describeJob,
  federatedCredentialsDocs,
  githubSubject,
  jobOfToken,
  jwtClaims,
  oidcDoctorMessage,
  shellQuote,
  unreviewedSubject,
} from '../../../src/azure/oidc.js';
import { HOSTILE, runSuggested, suggestedCommand } from '../../support/shell.js';

const REPO = 'o/r';

describe('githubSubject (GitHub default subject template)', () => {
  it.each([
    [{ eventName: 'push', ref: 'refs/tags/v1.2.3' }, 'repo:o/r:ref:refs/tags/v1.2.3'],
    [{ eventName: 'push', ref: 'refs/heads/main' }, 'repo:o/r:ref:refs/heads/main'],
    [{ eventName: 'workflow_dispatch', ref: 'refs/tags/v1.2.3' }, 'repo:o/r:ref:refs/tags/v1.2.3'],
    [{ eventName: 'pull_request', ref: 'refs/pull/3/merge' }, 'repo:o/r:pull_request'],
    [{ eventName: 'pull_request_target', ref: 'refs/heads/main' }, 'repo:o/r:pull_request'],
    [
      { eventName: 'pull_request', ref: 'refs/pull/3/merge', environment: 'preview' },
      'repo:o/r:environment:preview',
    ],
    [
      { eventName: 'push', ref: 'refs/tags/v1', environment: 'production' },
      'repo:o/r:environment:production',
    ],
  ])('%j -> %s', (job, sub) => {
    expect(githubSubject({ repository: REPO, ...job })).toBe(sub);
  });
});

describe('the doctor', () => {
  const jwt = (claims: object) =>
    `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

  it('decodes claims without verifying; not a JWT -> {}', () => {
    expect(jwtClaims(jwt({ sub: 'x' }))).toEqual({ sub: 'x' });
    expect(jwtClaims('nope')).toEqual({});
    expect(jwtClaims('a.!!!.c')).toEqual({});
  });

  it('reads AADSTS codes from an error message', () => {
    expect(aadstsCodes('invalid_client: AADSTS700213: No matching ... AADSTS50000')).toEqual([700213, 50000]);
  });

  it('fills what the claims lack from the runner variables', () => {
    expect(
      jobOfToken(
        { sub: 'x' },
        { GITHUB_REPOSITORY: REPO, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v2' },
      ),
    ).toMatchObject({
      repository: REPO,
      eventName: 'push',
      ref: 'refs/tags/v2',
    });
  });

  it.each([
    [
      { repository: REPO, eventName: 'push', ref: 'refs/tags/v1' },
      'a push of the tag v1 outside any environment',
    ],
    [
      { repository: REPO, eventName: 'push', ref: 'refs/heads/main' },
      'a push of refs/heads/main outside any environment',
    ],
    [
      { repository: REPO, eventName: 'push', ref: 'refs/tags/v1', environment: 'production' },
      "a job in the environment 'production'",
    ],
  ])('describes %j', (job, words) => {
    expect(describeJob(job)).toBe(words);
  });

  it('links the docs in the action repository at its ref when the runner names them', () => {
    expect(
      federatedCredentialsDocs({ GITHUB_ACTION_REPOSITORY: 'alc-algo/alc-deploy', GITHUB_ACTION_REF: 'v1' }),
    ).toBe('https://github.com/alc-algo/alc-deploy/blob/v1/docs/pipeline.md#federated-credentials');
    expect(federatedCredentialsDocs({})).toBe('alc-deploy docs/pipeline.md#federated-credentials');
  });

  it('a customised subject template: the credential names the token subject, and the message says why', () => {
    const message = oidcDoctorMessage({
      code: 700213,
      entraMessage:
        "AADSTS700213: No matching federated identity record found for presented assertion subject 'x'. Please check.",
      claims: {
        iss: 'https://token.actions.githubusercontent.com',
        aud: 'api://AzureADTokenExchange',
        sub: 'repo:o/r:environment:production:job_workflow_ref:o/r/.github/workflows/x.yml@refs/tags/v1',
        repository: REPO,
        event_name: 'push',
        ref: 'refs/tags/v1',
        environment: 'production',
      },
      clientId: 'c',
    });
    expect(message).toContain("This job produces the subject 'repo:o/r:environment:production'");
    expect(message).toContain('customises its subject template');
    expect(message).toContain(
      "subject 'repo:o/r:environment:production:job_workflow_ref:o/r/.github/workflows/x.yml@refs/tags/v1'",
    );
    expect(message).toContain(
      "Entra said: AADSTS700213: No matching federated identity record found for presented assertion subject 'x'.",
    );
    expect(message).not.toContain('Please check');
  });
});

const refused = (claims: Record<string, string>, clientId = 'c') =>
  oidcDoctorMessage({
    code: 700213,
    entraMessage: 'AADSTS700213: No matching federated identity record found.',
    claims: {
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'api://AzureADTokenExchange',
      repository: REPO,
      ...claims,
    },
    clientId,
  });

describe('the suggested command is safe to paste into a shell', () => {
  const cases = HOSTILE.map((v) => [JSON.stringify(v), v]);

  it.each(cases)('shellQuote(%s) is one word, read back as it was', (_name, value) => {
    const { args, pwned } = runSuggested(`az ${shellQuote(value)}`);
    expect(args).toEqual([value]);
    expect(pwned).toBe(false);
  });

  it.each(cases)(
    'a push of the branch %s: nothing else runs, each value is one argument',
    (_name, branch) => {
      const sub = `repo:o/r:ref:refs/heads/${branch}`;
      const clientId = "c'$(touch pwned)";
      const message = refused({ sub, event_name: 'push', ref: `refs/heads/${branch}` }, clientId);
      const { args, pwned } = runSuggested(suggestedCommand(message));
      expect(pwned).toBe(false);
      expect(args).toHaveLength(8);
      expect(args.slice(0, 7)).toEqual([
        'ad',
        'app',
        'federated-credential',
        'create',
        '--id',
        clientId,
        '--parameters',
      ]);
      expect(JSON.parse(args[7])).toMatchObject({
        issuer: 'https://token.actions.githubusercontent.com',
        subject: sub,
        audiences: ['api://AzureADTokenExchange'],
      });
    },
  );
});

describe('the doctor warns before a subject of unreviewed code is federated', () => {
  const job = (o: { eventName: string; ref: string; environment?: string }) => ({ repository: REPO, ...o });
  it.each([
    [job({ eventName: 'pull_request', ref: 'refs/pull/3/merge' }), /every pull request/],
    [job({ eventName: 'pull_request_target', ref: 'refs/heads/main' }), /every pull request/],
    [
      job({ eventName: 'push', ref: 'refs/heads/main' }),
      /the branch "main": whatever anyone with push access puts on it/,
    ],
    [job({ eventName: 'workflow_dispatch', ref: 'refs/heads/feature' }), /the branch "feature"/],
    [job({ eventName: 'push', ref: 'refs/tags/v1.2.3' }), /a pushed tag/],
    [job({ eventName: 'push', ref: 'refs/tags/v1', environment: 'production' }), undefined],
    [job({ eventName: 'pull_request', ref: 'refs/pull/3/merge', environment: 'preview' }), undefined],
  ])('%j', (j, want) => {
    const why = unreviewedSubject(j);
    if (want) expect(why).toMatch(want);
    else expect(why).toBeUndefined();
  });

  it.each([
    [
      'a pull request',
      { sub: 'repo:o/r:pull_request', event_name: 'pull_request', ref: 'refs/pull/3/merge' },
    ],
    ['a branch', { sub: 'repo:o/r:ref:refs/heads/dev', event_name: 'push', ref: 'refs/heads/dev' }],
    ['a tag', { sub: 'repo:o/r:ref:refs/tags/v2.0.0', event_name: 'push', ref: 'refs/tags/v2.0.0' }],
  ])('%s: production rights for unreviewed code, and the preview identity named', (_name, claims) => {
    expect(refused(claims)).toMatch(
      /\nWarning: this subject is .*, outside any protected environment\. Federating it to the production identity gives code nobody has reviewed production rights: federate it only to the preview identity \(AZURE_PREVIEW_CLIENT_ID/,
    );
  });

  it('an environment job: no warning', () => {
    const claims = {
      sub: 'repo:o/r:environment:production',
      event_name: 'push',
      ref: 'refs/tags/v1',
      environment: 'production',
    };
    expect(refused(claims)).not.toContain('Warning');
  });
});
