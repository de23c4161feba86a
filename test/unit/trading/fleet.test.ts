import { describe, expect, it } from '@jest/globals';
import type { RevisionInfo } from '../../../src/azure/aca.js';
import { fleetCheck, type FleetFacts } from '../../../src/trading/fleet.js';

const LEASE = 'https://acct.blob.core.windows.net/trading/app';
const DIGEST = 'reg.azurecr.io/app@sha256:' + 'a'.repeat(64);
const OTHER = 'reg.azurecr.io/app@sha256:' + 'b'.repeat(64);

const rev = (
  name: string,
  o: {
    active?: boolean;
    image?: string;
    env?: Record<string, string>;
    args?: string[];
    sidecar?: Record<string, string>;
  } = {},
): RevisionInfo => ({
  name,
  active: o.active ?? true,
  template: {
    containers: [
      {
        name: 'app',
        image: o.image ?? DIGEST,
        env: Object.entries(o.env ?? { IBKR_PORT: '7496', ALC_TRADING_LEASE: LEASE }).map(([n, value]) => ({
          name: n,
          value,
        })),
        ...(o.args ? { args: o.args } : {}),
      },
      ...(o.sidecar
        ? [
            {
              name: 'side',
              image: 'busybox',
              env: Object.entries(o.sidecar).map(([n, value]) => ({ name: n, value })),
            },
          ]
        : []),
    ],
  },
});

const base: FleetFacts = {
  revisions: [rev('app--a'), rev('app--b', { image: OTHER })],
  traffic: [
    { revisionName: 'app--a', weight: 100, label: 'blue' },
    { revisionName: 'app--b', weight: 0, label: 'green' },
  ],
  production: 'app--a',
  promotedImage: DIGEST,
  keptLabels: ['blue', 'green'],
  leaseUrl: LEASE,
};

describe('fleetCheck', () => {
  it.each<[string, Partial<FleetFacts>, string[]]>([
    ['production and a labelled previous revision, both fenced: fine', {}, []],
    [
      'the lease URL with a trailing slash in a container: fine',
      {
        revisions: [
          rev('app--a'),
          rev('app--b', { env: { IBKR_PORT: '7496', ALC_TRADING_LEASE: LEASE + '/' } }),
        ],
      },
      [],
    ],
    [
      'the promoted image as a tag@digest: fine',
      {
        revisions: [
          rev('app--a', { image: 'reg.azurecr.io/app:1.2@sha256:' + 'a'.repeat(64) }),
          rev('app--b'),
        ],
      },
      [],
    ],
    [
      'an inactive unlabelled revision: fine',
      {
        revisions: [
          rev('app--a'),
          rev('app--b'),
          rev('app--c', { active: false, env: { IBKR_PORT: '7496' } }),
        ],
      },
      [],
    ],
    [
      'a candidate with traffic, unlabelled: fine',
      {
        traffic: [
          { revisionName: 'app--a', weight: 80 },
          { revisionName: 'app--b', weight: 20 },
        ],
      },
      [],
    ],
    [
      'a revision on paper without the lease: fine',
      { revisions: [rev('app--a'), rev('app--b', { env: { IBKR_PORT: '7497' } })] },
      [],
    ],
    [
      'an active revision not accounted for',
      { revisions: [rev('app--a'), rev('app--b'), rev('app--c')] },
      [
        'active revision app--c is not accounted for (not production, without traffic, without a kept label (blue, green))',
      ],
    ],
    [
      'a label that is not kept does not account for it',
      {
        traffic: [
          { revisionName: 'app--a', weight: 100 },
          { revisionName: 'app--b', weight: 0, label: 'canary' },
        ],
      },
      [
        'active revision app--b is not accounted for (not production, without traffic, without a kept label (blue, green))',
      ],
    ],
    [
      'production runs another image',
      { revisions: [rev('app--a', { image: OTHER }), rev('app--b')] },
      [`production revision app--a runs ${OTHER}, not the promoted ${DIGEST}`],
    ],
    ['production missing', { production: 'app--z' }, ['production revision app--z was not found']],
    [
      'production inactive',
      { revisions: [rev('app--a', { active: false }), rev('app--b')] },
      ['production revision app--a is not active'],
    ],
    [
      'another revision live without the lease',
      { revisions: [rev('app--a'), rev('app--b', { env: { IBKR_PORT: '7496' } })] },
      [
        `active revision app--b carries the live trading port (app env IBKR_PORT) without ALC_TRADING_LEASE=${LEASE} in app`,
      ],
    ],
    [
      'another revision live with another lease URL',
      {
        revisions: [
          rev('app--a'),
          rev('app--b', { env: { IBKR_PORT: '7496', ALC_TRADING_LEASE: LEASE + '-old' } }),
        ],
      },
      [
        `active revision app--b carries the live trading port (app env IBKR_PORT) without ALC_TRADING_LEASE=${LEASE} in app`,
      ],
    ],
    [
      'the live port in args and a sidecar without the lease',
      {
        revisions: [
          rev('app--a'),
          rev('app--b', {
            env: { ALC_TRADING_LEASE: LEASE },
            args: ['--port', '07496'],
            sidecar: { GW: 'gw:7496' },
          }),
        ],
      },
      [
        `active revision app--b carries the live trading port (app args; side env GW) without ALC_TRADING_LEASE=${LEASE} in side`,
      ],
    ],
    [
      'unmanaged: any other live revision is a deviation',
      { leaseUrl: undefined },
      ['active revision app--b carries the live trading port (app env IBKR_PORT) beside production'],
    ],
  ])('%s', (_, o, want) => expect(fleetCheck({ ...base, ...o })).toEqual(want));
});
