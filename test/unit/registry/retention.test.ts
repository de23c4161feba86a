import { describe, expect, it } from '@jest/globals';
import { type TagInfo } from '../../../src/registry/client.js';
import {
  groupImages,
  planRetention,
  type RetentionInput,
  runningDigests,
} from '../../../src/registry/retention.js';

const REGISTRY = 'alcalgoregistry.azurecr.io';
const REPO = 'alc-algo/agents';

function digest(n: number): string {
  return `sha256:${n.toString(16).padStart(64, '0')}`;
}

/** Release images 1.0.0 ... 1.<n-1>.0 pushed the way build-push pushes them (version + sha tag). */
function releases(n: number): TagInfo[] {
  const tags: TagInfo[] = [];
  for (let i = 0; i < n; i++) {
    tags.push(
      { tag: `1.${i}.0`, digest: digest(i + 1) },
      { tag: `sha-${(0xa000000 + i).toString(16)}`, digest: digest(i + 1) },
    );
  }
  const newest = digest(n);
  tags.push(
    { tag: '1', digest: newest },
    { tag: `1.${n - 1}`, digest: newest },
    { tag: 'latest', digest: newest },
  );
  return tags;
}

function plan(over: Partial<RetentionInput>) {
  return planRetention({
    tags: releases(14),
    keep: 10,
    registry: REGISTRY,
    repository: REPO,
    running: [],
    ...over,
  });
}

const versions = (images: Array<{ version?: string }>) => images.map((i) => i.version);

describe('planRetention', () => {
  it('keeps exactly the newest 10 releases and removes the rest, newest first', () => {
    const p = plan({});
    expect(versions(p.kept)).toEqual([
      '1.13.0',
      '1.12.0',
      '1.11.0',
      '1.10.0',
      '1.9.0',
      '1.8.0',
      '1.7.0',
      '1.6.0',
      '1.5.0',
      '1.4.0',
    ]);
    expect(versions(p.remove)).toEqual(['1.3.0', '1.2.0', '1.1.0', '1.0.0']);
    expect(p.spared).toEqual([]);
  });

  it.each([
    [1, 13],
    [5, 9],
    [14, 0],
    [20, 0],
  ])('keep %p of 14 removes %p', (keep, removed) => {
    const p = plan({ keep });
    expect(p.kept).toHaveLength(Math.min(keep, 14));
    expect(p.remove).toHaveLength(removed);
  });

  it('orders by semantic version, not by text or push time', () => {
    const tags: TagInfo[] = [
      { tag: '1.10.0', digest: digest(1), updatedAt: '2024-01-01T00:00:00Z' },
      { tag: '1.9.0', digest: digest(2), updatedAt: '2024-06-01T00:00:00Z' },
      { tag: '2.0.0', digest: digest(3), updatedAt: '2024-02-01T00:00:00Z' },
      { tag: '0.9.9', digest: digest(4), updatedAt: '2024-07-01T00:00:00Z' },
    ];
    const p = plan({ tags, keep: 2 });
    expect(versions(p.kept)).toEqual(['2.0.0', '1.10.0']);
    expect(versions(p.remove)).toEqual(['1.9.0', '0.9.9']);
  });

  it.each([
    ['by digest', (d: string) => `${REGISTRY}/${REPO}@${d}`],
    ['by tag', () => `${REGISTRY}/${REPO}:1.1.0`],
    ['with an upper-case registry', (d: string) => `ALCALGOREGISTRY.azurecr.io/${REPO}@${d}`],
  ])('spares an image an active revision runs (%s)', (_name, ref) => {
    const p = plan({ running: [{ revision: 'alc-algo-agents--v1-1-0', image: ref(digest(2)) }] });
    expect(versions(p.remove)).toEqual(['1.3.0', '1.2.0', '1.0.0']);
    expect(p.spared).toEqual([
      {
        image: expect.objectContaining({ version: '1.1.0' }),
        reason: 'run by active revision alc-algo-agents--v1-1-0',
      },
    ]);
    expect(p.kept).toHaveLength(10);
  });

  it('ignores running images of other repositories and registries', () => {
    const p = plan({
      running: [
        { revision: 'a--x', image: `other.azurecr.io/${REPO}@${digest(2)}` },
        { revision: 'a--y', image: `${REGISTRY}/other/repo@${digest(2)}` },
        { revision: 'a--z', image: `${REGISTRY}/${REPO}:9.9.9` },
      ],
    });
    expect(p.remove).toHaveLength(4);
  });

  it('spares a protected digest with its reason', () => {
    const p = plan({ protect: [{ digest: digest(1), reason: 'just pushed' }] });
    expect(p.spared).toEqual([
      { image: expect.objectContaining({ version: '1.0.0' }), reason: 'just pushed' },
    ]);
    expect(versions(p.remove)).toEqual(['1.3.0', '1.2.0', '1.1.0']);
  });

  it.each(['main', 'pr-12', 'buildcache', 'stable', '1.2.0-rc.1'])(
    'never removes an old release that also carries the non-release tag %p',
    (tag) => {
      const p = plan({ tags: [...releases(14), { tag, digest: digest(3) }] });
      expect(p.spared).toEqual([
        { image: expect.objectContaining({ version: '1.2.0' }), reason: `also tagged ${tag}` },
      ]);
      expect(versions(p.remove)).toEqual(['1.3.0', '1.1.0', '1.0.0']);
    },
  );

  it('removes floating tags and sha tags together with their old release', () => {
    const tags = [...releases(12), { tag: '0', digest: digest(1) }, { tag: '0.0', digest: digest(1) }];
    const p = plan({ tags, keep: 11 });
    expect(p.remove).toEqual([
      expect.objectContaining({ version: '1.0.0', tags: ['0', '0.0', '1.0.0', 'sha-a000000'] }),
    ]);
  });

  it('never touches images without a release tag, however many', () => {
    const tags: TagInfo[] = [
      ...releases(3),
      ...Array.from({ length: 30 }, (_, i) => ({ tag: `pr-${i}`, digest: digest(100 + i) })),
      { tag: 'buildcache', digest: digest(500) },
      { tag: '2.0.0-rc.1', digest: digest(501) },
      { tag: 'v9.9.9', digest: digest(502) },
    ];
    const p = plan({ tags, keep: 1 });
    const touched = [...p.kept, ...p.remove, ...p.spared.map((s) => s.image)].flatMap((i) => i.tags);
    expect(touched.filter((t) => !/^(\d|sha-|latest)/.test(t))).toEqual([]);
    expect(versions(p.remove)).toEqual(['1.1.0', '1.0.0']);
  });

  it('an empty repository plans nothing', () => {
    expect(plan({ tags: [] })).toEqual({ kept: [], remove: [], spared: [] });
  });

  it.each([0, -1, 1.5, NaN])('refuses keep %p', (keep) => {
    expect(() => plan({ keep })).toThrow(RangeError);
  });
});

describe('groupImages', () => {
  it('groups tags by digest, takes the highest release tag as the version, releases first', () => {
    const images = groupImages([
      { tag: 'main', digest: digest(9) },
      { tag: '1.0.0', digest: digest(1) },
      { tag: '1.0.1', digest: digest(1) },
      { tag: '2.0.0', digest: digest(2) },
    ]);
    expect(images).toEqual([
      { digest: digest(2), tags: ['2.0.0'], version: '2.0.0' },
      { digest: digest(1), tags: ['1.0.0', '1.0.1'], version: '1.0.1' },
      { digest: digest(9), tags: ['main'] },
    ]);
  });

  it('breaks a version tie by the newest update time', () => {
    const images = groupImages([
      { tag: '1.0.0', digest: digest(1), updatedAt: '2024-01-01T00:00:00Z' },
      { tag: '1.0.0', digest: digest(2), updatedAt: '2024-02-01T00:00:00Z' },
    ]);
    expect(images.map((i) => i.digest)).toEqual([digest(2), digest(1)]);
  });
});

describe('runningDigests', () => {
  it('lists the revisions per digest', () => {
    const found = runningDigests({
      tags: [{ tag: '1.0.0', digest: digest(1) }],
      registry: REGISTRY,
      repository: REPO,
      running: [
        { revision: 'app--blue', image: `${REGISTRY}/${REPO}@${digest(1)}` },
        { revision: 'app--green', image: `${REGISTRY}/${REPO}:1.0.0` },
        { revision: 'app--other', image: `${REGISTRY}/${REPO}:missing` },
      ],
    });
    expect([...found.entries()]).toEqual([[digest(1), ['app--blue', 'app--green']]]);
  });
});
