import { describe, expect, it } from '@jest/globals';
import {
  aadstsCodes,
  describeJob,
  federatedCredentialsDocs,
  githubSubject,
  jobOfToken,
  jwtClaims,
  oidcDoctorMessage,
} from '../../src/azure/oidc.js';

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
