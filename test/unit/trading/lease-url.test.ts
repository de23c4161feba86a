import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../../src/core/inputs.js';
import { leaseBlobUrls, parseTradingLease } from '../../../src/trading/lease-url.js';

describe('parseTradingLease', () => {
  it.each([
    ['', { kind: 'none' }],
    ['   ', { kind: 'none' }],
    ['unmanaged', { kind: 'unmanaged' }],
    [' Unmanaged ', { kind: 'unmanaged' }],
  ])('%p -> %p', (raw, want) => expect(parseTradingLease(raw)).toEqual(want));

  it.each([
    [
      'https://acct.blob.core.windows.net/c0n/app',
      {
        url: 'https://acct.blob.core.windows.net/c0n/app',
        serviceUrl: 'https://acct.blob.core.windows.net',
        container: 'c0n',
        prefix: 'app',
      },
    ],
    [
      'https://acct.blob.core.windows.net/trading/alc-algo/',
      {
        url: 'https://acct.blob.core.windows.net/trading/alc-algo',
        serviceUrl: 'https://acct.blob.core.windows.net',
        container: 'trading',
        prefix: 'alc-algo',
      },
    ],
    [
      'https://acct.blob.core.windows.net/trading/team/alc-algo',
      {
        url: 'https://acct.blob.core.windows.net/trading/team/alc-algo',
        serviceUrl: 'https://acct.blob.core.windows.net',
        container: 'trading',
        prefix: 'team/alc-algo',
      },
    ],
    [
      'https://127.0.0.1:10000/devstoreaccount1/trading/app',
      {
        url: 'https://127.0.0.1:10000/devstoreaccount1/trading/app',
        serviceUrl: 'https://127.0.0.1:10000/devstoreaccount1',
        container: 'trading',
        prefix: 'app',
      },
    ],
    [
      'https://172.18.0.1:10000/devstoreaccount1/trading/app/',
      {
        url: 'https://172.18.0.1:10000/devstoreaccount1/trading/app',
        serviceUrl: 'https://172.18.0.1:10000/devstoreaccount1',
        container: 'trading',
        prefix: 'app',
      },
    ],
    [
      'https://localhost:10000/devstoreaccount1/trading/app',
      {
        url: 'https://localhost:10000/devstoreaccount1/trading/app',
        serviceUrl: 'https://localhost:10000/devstoreaccount1',
        container: 'trading',
        prefix: 'app',
      },
    ],
    [
      'https://10.0.0.4/devstoreaccount1/trading/app',
      {
        url: 'https://10.0.0.4/devstoreaccount1/trading/app',
        serviceUrl: 'https://10.0.0.4/devstoreaccount1',
        container: 'trading',
        prefix: 'app',
      },
    ],
    [
      'https://127.0.0.1:41234/devstoreaccount1/leases/prod/eu/alc-algo-agents',
      {
        url: 'https://127.0.0.1:41234/devstoreaccount1/leases/prod/eu/alc-algo-agents',
        serviceUrl: 'https://127.0.0.1:41234/devstoreaccount1',
        container: 'leases',
        prefix: 'prod/eu/alc-algo-agents',
      },
    ],
    [
      'https://localhost:10000/devstoreaccount1/trading/team%20a/app',
      {
        url: 'https://localhost:10000/devstoreaccount1/trading/team%20a/app',
        serviceUrl: 'https://localhost:10000/devstoreaccount1',
        container: 'trading',
        prefix: 'team a/app',
      },
    ],
    [
      // A stand-in on 443 of this machine: localhost is never an account's host name.
      'https://localhost/devstoreaccount1/trading/app',
      {
        url: 'https://localhost/devstoreaccount1/trading/app',
        serviceUrl: 'https://localhost/devstoreaccount1',
        container: 'trading',
        prefix: 'app',
      },
    ],
    [
      'https://[::1]:10000/devstoreaccount1/trading/app',
      {
        url: 'https://[::1]:10000/devstoreaccount1/trading/app',
        serviceUrl: 'https://[::1]:10000/devstoreaccount1',
        container: 'trading',
        prefix: 'app',
      },
    ],
    [
      'https://storage.sim.test:8443/acct/trading/app',
      {
        url: 'https://storage.sim.test:8443/acct/trading/app',
        serviceUrl: 'https://storage.sim.test:8443/acct',
        container: 'trading',
        prefix: 'app',
      },
    ],
    [
      'https://alcalgolease.blob.core.windows.net/trading/prod/alc-algo-agents',
      {
        url: 'https://alcalgolease.blob.core.windows.net/trading/prod/alc-algo-agents',
        serviceUrl: 'https://alcalgolease.blob.core.windows.net',
        container: 'trading',
        prefix: 'prod/alc-algo-agents',
      },
    ],
  ])('%p is managed', (raw, want) => expect(parseTradingLease(raw)).toEqual({ kind: 'managed', ...want }));

  it.each([
    ['http://acct.blob.core.windows.net/trading/app', /must use https/],
    ['https://acct.blob.core.windows.net/trading', /needs \/<container>\/<prefix>/],
    ['https://acct.blob.core.windows.net/', /needs \/<container>\/<prefix>/],
    ['https://acct.blob.core.windows.net', /needs \/<container>\/<prefix>/],
    ['https://127.0.0.1:10000/devstoreaccount1/trading', /path-style URL needs/],
    ['https://127.0.0.1:10000/devstoreaccount1/trading/', /path-style URL needs/],
    ['https://acct.blob.core.windows.net/trading/app?sv=2024-01-01&sig=abc', /query string/],
    ['https://acct.blob.core.windows.net/trading/app?', /query string/],
    ['https://acct.blob.core.windows.net/trading/app#x', /fragment/],
    ['https://acct.blob.core.windows.net/trading//app', /empty path segment/],
    ['https://acct.blob.core.windows.net/Trading/app', /not a container name/],
    ['https://acct.blob.core.windows.net/t/app', /not a container name/],
    ['https://u:p@acct.blob.core.windows.net/trading/app', /credentials/],
    ['acct.blob.core.windows.net/trading/app', /not a URL/],
    ['managed', /not a URL/],
  ])('%p is refused', (raw, why) => {
    const fn = () => parseTradingLease(raw);
    expect(fn).toThrow(InputError);
    expect(fn).toThrow(why);
    expect(fn).toThrow(`Input 'trading-lease' has the invalid value '${raw}'`);
    expect(fn).toThrow(
      /'unmanaged', or a prefix URL https:\/\/<account>\.blob\.core\.windows\.net\/<container>\/<app>/,
    );
  });

  it('names the input it is given', () =>
    expect(() => parseTradingLease('http://x/y/z', 'ALC_DEPLOY_TRADING_LEASE')).toThrow(
      "Input 'ALC_DEPLOY_TRADING_LEASE'",
    ));
});

describe('leaseBlobUrls', () => {
  it('names the two blobs under the prefix', () => {
    const s = parseTradingLease('https://127.0.0.1:10000/devstoreaccount1/trading/app/');
    if (s.kind !== 'managed') throw new Error('managed expected');
    expect(leaseBlobUrls(s)).toEqual({
      designation: 'https://127.0.0.1:10000/devstoreaccount1/trading/app/designation',
      lease: 'https://127.0.0.1:10000/devstoreaccount1/trading/app/lease',
    });
  });
});
