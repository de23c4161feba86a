import { describe, expect, it } from '@jest/globals';
import {
  type BuildPlan,
  buildxArgs,
  canExportCache,
  classicArgs,
  isTransientFailure,
  ociLabels,
} from '../../../src/build/plan.js';

const plan: BuildPlan = {
  registry: 'r.azurecr.io',
  repository: 'alc/agents',
  context: '/w/app',
  dockerfile: '/w/app/Dockerfile',
  tags: ['1.2.3', 'latest'],
  buildArgs: [{ name: 'VERSION', value: '1.2.3' }],
  labels: { 'org.opencontainers.image.version': '1.2.3' },
  platforms: [],
  push: true,
  cache: 'registry',
};
const common = [
  '--file',
  '/w/app/Dockerfile',
  '--tag',
  'r.azurecr.io/alc/agents:1.2.3',
  '--tag',
  'r.azurecr.io/alc/agents:latest',
  '--label',
  'org.opencontainers.image.version=1.2.3',
  '--build-arg',
  'VERSION=1.2.3',
];
const CACHE = 'r.azurecr.io/alc/agents:buildcache';

describe('buildxArgs', () => {
  it.each<[string, Partial<BuildPlan>, string | undefined, string[]]>([
    [
      'push with a container builder exports the cache',
      {},
      'docker-container',
      [
        '--cache-from',
        `type=registry,ref=${CACHE}`,
        '--cache-to',
        `type=registry,ref=${CACHE},mode=max`,
        '--push',
      ],
    ],
    [
      'the docker driver only imports the cache',
      {},
      'docker',
      ['--cache-from', `type=registry,ref=${CACHE}`, '--push'],
    ],
    [
      'no push loads the image',
      { push: false },
      'docker-container',
      ['--cache-from', `type=registry,ref=${CACHE}`, '--load'],
    ],
    ['no cache', { cache: 'none' }, 'docker-container', ['--push']],
    [
      'platforms',
      { platforms: ['linux/amd64', 'linux/arm64'], cache: 'none' },
      'docker-container',
      ['--platform', 'linux/amd64,linux/arm64', '--push'],
    ],
    [
      'several platforms without push stay in the builder',
      { platforms: ['linux/amd64', 'linux/arm64'], cache: 'none', push: false },
      'docker-container',
      ['--platform', 'linux/amd64,linux/arm64'],
    ],
    [
      'metadata file',
      { cache: 'none', metadataFile: '/tmp/m.json' },
      'docker',
      ['--push', '--metadata-file', '/tmp/m.json'],
    ],
  ])('%s', (_name, over, driver, tail) => {
    expect(buildxArgs({ ...plan, ...over }, { buildx: true, driver })).toEqual([
      'buildx',
      'build',
      ...common,
      ...tail,
      '/w/app',
    ]);
  });
});

describe('classicArgs', () => {
  it('uses the buildcache image as --cache-from', () => {
    expect(classicArgs(plan)).toEqual(['build', ...common, '--cache-from', CACHE, '/w/app']);
  });
  it('without cache', () => {
    expect(classicArgs({ ...plan, cache: 'none' })).toEqual(['build', ...common, '/w/app']);
  });
});

describe('canExportCache', () => {
  it.each([
    [{ buildx: false }, false],
    [{ buildx: true, driver: 'docker' }, false],
    [{ buildx: true }, false],
    [{ buildx: true, driver: 'docker-container' }, true],
    [{ buildx: true, driver: 'kubernetes' }, true],
  ])('%j -> %p', (builder, can) => {
    expect(canExportCache(builder)).toBe(can);
  });
});

describe('ociLabels', () => {
  it('carries source, revision, version and created', () => {
    expect(
      ociLabels({
        source: 'https://github.com/o/r',
        revision: 'abc',
        version: '1.2.3',
        created: new Date('2024-05-06T07:08:09.000Z'),
      }),
    ).toEqual({
      'org.opencontainers.image.source': 'https://github.com/o/r',
      'org.opencontainers.image.revision': 'abc',
      'org.opencontainers.image.version': '1.2.3',
      'org.opencontainers.image.created': '2024-05-06T07:08:09.000Z',
    });
  });
  it('leaves the source out when unknown', () => {
    expect(Object.keys(ociLabels({ revision: 'a', version: 'v', created: new Date(0) }))).not.toContain(
      'org.opencontainers.image.source',
    );
  });
});

describe('isTransientFailure', () => {
  it.each([
    ['received unexpected HTTP status: 503 Service Unavailable', true],
    ['read tcp 127.0.0.1:1->127.0.0.1:2: read: connection reset by peer', true],
    ['net/http: TLS handshake timeout', true],
    ['dial tcp: i/o timeout', true],
    ['toomanyrequests: retry later', true],
    ['Put "https://r/v2/x/blobs/uploads/": EOF', true],
    ['unexpected EOF', true],
    ['502 Bad Gateway', true],
    ['denied: requested access to the resource is denied', false],
    ['unauthorized: authentication required', false],
    ['name unknown: repository name not known to registry', false],
    ['manifest invalid', false],
    ['Dockerfile parse error line 3: unknown instruction: FORM', false],
    ['', false],
  ])('%p -> %p', (text, transient) => {
    expect(isTransientFailure(text)).toBe(transient);
  });
});
