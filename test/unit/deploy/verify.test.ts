// What deploy-app expects of the image, decided before any call (src/deploy/verify.ts): the registry and repository
// from the inputs or the spec, the version from the input or the release tag of the run, and the image's place.
import { describe, expect, it } from '@jest/globals';
import { readExpectedImage } from '../../../src/deploy/verify.js';
import { InputError } from '../../../src/core/inputs.js';
import { parseImageRef } from '../../../src/registry/reference.js';
import type { GitContext } from '../../../src/core/versions.js';
import { PREVIEW, PROD, preview, prod } from '../../support/deploy-inputs.js';
import { errorOf } from '../../support/errors.js';

const TAG: GitContext = { eventName: 'push', ref: 'refs/tags/v1.2.3', sha: 'f'.repeat(40) };
const PRE: GitContext = { eventName: 'push', ref: 'refs/tags/v2.0.0-rc.1', sha: 'f'.repeat(40) };
const MAIN: GitContext = { eventName: 'push', ref: 'refs/heads/main', sha: 'f'.repeat(40) };
const D = `sha256:${'d'.repeat(64)}`;
const noRegistries = { ...prod, configuration: { ...prod.configuration, registries: [] } };

const read = (
  inputs: Record<string, string>,
  mode: 'production' | 'preview',
  git?: GitContext,
  image?: string,
  spec = mode === 'preview' ? preview : prod,
) =>
  readExpectedImage(
    (n) => inputs[n] ?? '',
    spec,
    mode === 'preview' ? PREVIEW : PROD,
    mode,
    git,
    image ? { image, ref: parseImageRef(image) } : undefined,
  );

describe('readExpectedImage', () => {
  it.each<[string, Record<string, string>, 'production' | 'preview', GitContext | undefined, object]>([
    [
      'production on a release tag: the spec and the tag',
      {},
      'production',
      TAG,
      { registry: 'alcalgoregistry.azurecr.io', repository: 'alc-algo-agents', version: '1.2.3' },
    ],
    [
      'a pre-release tag',
      {},
      'production',
      PRE,
      { registry: 'alcalgoregistry.azurecr.io', repository: 'alc-algo-agents', version: '2.0.0-rc.1' },
    ],
    [
      'inputs over the spec and the tag',
      { registry: '127.0.0.1:5000', repository: 'alc/agents', version: 'v3.1.4' },
      'production',
      TAG,
      { registry: '127.0.0.1:5000', repository: 'alc/agents', version: '3.1.4' },
    ],
    ['a version given off a tag', { version: '1.0.0' }, 'production', MAIN, { version: '1.0.0' }],
    [
      'preview: the preview spec, no version',
      {},
      'preview',
      undefined,
      { registry: 'alcalgopreview.azurecr.io', repository: 'alc-algo-agents-preview' },
    ],
  ])('%s', (_what, inputs, mode, git, expected) => {
    const got = read(inputs, mode, git);
    expect(got).toMatchObject(expected);
    if (mode === 'preview') expect(got.version).toBeUndefined();
  });

  it.each<[string, Record<string, string>, 'production' | 'preview', GitContext | undefined, string, RegExp]>(
    [
      [
        'production off a release tag, no version',
        {},
        'production',
        MAIN,
        'version',
        /required in mode production/,
      ],
      [
        'production with no git context',
        {},
        'production',
        undefined,
        'version',
        /refs\/tags\/v1\.2\.3 gives 1\.2\.3/,
      ],
      ['a version that is not one', { version: 'latest' }, 'production', TAG, 'version', /release version/],
      ['a registry with a scheme', { registry: 'https://r.io' }, 'production', TAG, 'registry', /no scheme/],
      ['a repository with a tag', { repository: 'alc:1' }, 'production', TAG, 'repository', /no tag/],
    ],
  )('refuses %s, naming the input', (_what, inputs, mode, git, input, message) => {
    const run = () => read(inputs, mode, git);
    expect(run).toThrow(InputError);
    expect(run).toThrow(message);
    expect(errorOf(InputError, run).input).toBe(input);
  });

  it('wants a registry when the spec names none', () => {
    expect(() => read({}, 'production', TAG, undefined, noRegistries)).toThrow(
      /Input 'registry' .* required: deploy\/containerapp\.yaml names no registry/,
    );
  });

  it.each([
    [
      'a lying build output on another registry',
      `docker.io/evil/backdoor@${D}`,
      /it is docker\.io\/evil\/backdoor/,
    ],
    [
      'the production repository in a preview',
      `alcalgoregistry.azurecr.io/alc-algo-agents@${D}`,
      /alcalgopreview/,
    ],
    [
      'another repository of the right registry',
      `alcalgoregistry.azurecr.io/other@${D}`,
      /it is alcalgoregistry\.azurecr\.io\/other/,
    ],
  ])('refuses %s (the image input), before asking for a version', (what, image, message) => {
    const mode = what.includes('preview') ? 'preview' : 'production';
    // Off a tag with no version: the place is refused first, with the image named.
    const run = () => read({}, mode, MAIN, image);
    expect(run).toThrow(message);
    expect(run).toThrow(/^Input 'image'/);
  });

  it('lets the configured image through', () => {
    expect(read({}, 'production', TAG, `alcalgoregistry.azurecr.io/alc-algo-agents@${D}`).version).toBe(
      '1.2.3',
    );
  });
});
