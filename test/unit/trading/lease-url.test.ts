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
