import { describe, expect, it } from '@jest/globals';
import {
  parseBoolean,
  parseChoice,
  parseDuration,
  parseInteger,
  parseKeyValues,
  parseList,
  parseNumber,
  parseResolve,
  parseUrl,
  required,
} from '../../../src/core/inputs.js';
import { inputErrorOf } from '../../support/errors.js';

describe('parseDuration', () => {
  it.each([
    ['', 7000, 7000],
    ['90', 0, 90_000],
    ['90s', 0, 90_000],
    ['5m', 0, 300_000],
    ['1h', 0, 3_600_000],
    ['250ms', 0, 250],
    ['1.5s', 0, 1500],
    [' 2M ', 0, 120_000],
    ['0', 5, 0],
  ])('%p -> %p', (raw, fallback, ms) => {
    expect(parseDuration('wait-timeout', raw, fallback)).toBe(ms);
  });
  it.each(['-5', '5x', 'five', '5 minutes', '1m30s', 's'])('rejects %p naming the input and value', (raw) => {
    const e = inputErrorOf(() => parseDuration('wait-timeout', raw, 0));
    expect(e.message).toContain("'wait-timeout'");
    expect(e.message).toContain(`'${raw}'`);
    expect(e.message).toMatch(/90s, 5m/);
  });
  it('rejects zero when zero is not allowed', () => {
    expect(() => parseDuration('duration', '0s', 1, { allowZero: false })).toThrow(/greater than zero/);
  });
});

describe('parseBoolean / parseInteger / parseNumber / parseChoice / required', () => {
  it.each([
    ['', true, true],
    ['true', false, true],
    ['FALSE', true, false],
  ])('boolean %p (fallback %p) -> %p', (raw, fb, want) => expect(parseBoolean('push', raw, fb)).toBe(want));
  it('boolean rejects yes', () =>
    expect(() => parseBoolean('push', 'yes', true)).toThrow(/'push'.*'yes'.*true or false/));
  it.each([
    ['', 10, 10],
    ['0', 10, 0],
    ['25', 10, 25],
  ])('integer %p -> %p', (raw, fb, want) => expect(parseInteger('keep', raw, fb, { min: 0 })).toBe(want));
  it.each(['-1', '1.5', 'ten', '1e3'])('integer rejects %p', (raw) =>
    expect(() => parseInteger('keep', raw, 10, { min: 0, max: 1000 })).toThrow(/'keep'.*from 0 to 1000/),
  );
  it.each([
    ['0.05', 0.05],
    ['1', 1],
    ['.5', 0.5],
  ])('number %p', (raw, want) =>
    expect(parseNumber('max-error-rate', raw, 0, { min: 0, max: 1 })).toBe(want),
  );
  it.each(['-0.1', '2', 'abc', '1,5'])('number rejects %p', (raw) =>
    expect(() => parseNumber('max-error-rate', raw, 0, { min: 0, max: 1 })).toThrow(/'max-error-rate'/),
  );
  it('number with an exclusive minimum', () =>
    expect(() => parseNumber('rate', '0', 1, { min: 0, minExclusive: true })).toThrow(/greater than 0/));
  it.each([
    ['promote', 'promote'],
    ['ROLLBACK', 'rollback'],
    ['', 'status'],
  ])('choice %p -> %p', (raw, want) =>
    expect(parseChoice('command', raw, ['promote', 'rollback', 'status'] as const, 'status')).toBe(want),
  );
  it('choice lists what is allowed', () =>
    expect(() => parseChoice('command', 'deploy', ['promote', 'rollback'] as const)).toThrow(
      "Input 'command' has the invalid value 'deploy': allowed: promote, rollback",
    ));
  it('required rejects blanks', () => expect(() => required('app', '  ')).toThrow(/'app'/));
});

describe('lists', () => {
  it.each([
    ['a\nb\n\n c ', false, ['a', 'b', 'c']],
    ['a,b\nc', true, ['a', 'b', 'c']],
    ['a,b', false, ['a,b']],
    ['# comment\nx', false, ['x']],
    ['', true, []],
  ])('parseList(%p, commas=%p)', (raw, commas, want) => expect(parseList(raw, { commas })).toEqual(want));
  it('parses KEY=value lines, keeping = in values', () =>
    expect(parseKeyValues('env-vars', 'A=1\nB=x=y\nC=')).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: 'x=y' },
      { name: 'C', value: '' },
    ]));
  it.each(['novalue', '=1', '1A=b', 'A B=c'])('rejects env entry %p', (raw) =>
    expect(() => parseKeyValues('env-vars', raw)).toThrow(/'env-vars'/),
  );
});

describe('parseResolve', () => {
  it.each([
    [
      'app.example.com:443:127.0.0.1',
      { host: 'app.example.com', port: 443, address: '127.0.0.1', connectPort: 443 },
    ],
    [
      '*.Example.com:443:127.0.0.1:8443',
      { host: '*.example.com', port: 443, address: '127.0.0.1', connectPort: 8443 },
    ],
    ['localhost:443:[::1]', { host: 'localhost', port: 443, address: '::1', connectPort: 443 }],
    ['a.b:80:[::1]:8080', { host: 'a.b', port: 80, address: '::1', connectPort: 8080 }],
  ])('%p', (raw, want) => expect(parseResolve('resolve', raw)).toEqual([want]));
  it('takes commas and lines', () =>
    expect(parseResolve('resolve', 'a:1:1.1.1.1, b:2:2.2.2.2\nc:3:3.3.3.3')).toHaveLength(3));
  it.each([
    'app.example.com:127.0.0.1',
    'app.example.com::127.0.0.1',
    'app:99999:127.0.0.1',
    'a b:1:x',
    'h:1:2.2.2.2:x',
  ])('rejects %p', (raw) => {
    const e = inputErrorOf(() => parseResolve('resolve', raw));
    expect(e.input).toBe('resolve');
    expect(e.value).toBe(raw);
    expect(e.message).toMatch(/host:port:address/);
  });
});

describe('parseUrl', () => {
  it('accepts https URLs', () =>
    expect(parseUrl('url', 'https://a.example.com/x').host).toBe('a.example.com'));
  it.each(['a.example.com', '/health', 'ftp://a.example.com', 'https//x'])('rejects %p', (raw) =>
    expect(() => parseUrl('url', raw)).toThrow(/'url'.*absolute URL/),
  );
});
