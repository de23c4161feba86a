import { describe, expect, it } from '@jest/globals';
import {
  escapeHtml,
  FAILED,
  markdownHtml,
  reportHtml,
  sharePerSecond,
  trafficHtml,
  versionChart,
  xyChartHtml,
} from '../../../demo/report-html.js';
import { errorPicture } from '../../../demo/report.js';
import { trafficMermaid } from '../../../src/revisions/traffic-picture.js';
import { fixtureReport, FIXTURE_SERIES } from '../../support/report-page.js';

const T = 1_700_000_000_000;

describe('share per second by version', () => {
  it.each([
    ['no request', [], { seconds: 0, series: [] }],
    [
      'one version',
      [
        { at: T, version: '1.0.0' },
        { at: T + 999, version: '1.0.0' },
      ],
      { seconds: 1, series: [{ name: '1.0.0', requests: 2, share: [1] }] },
    ],
    [
      'a switch, a failure and an empty second; versions in version order, failed last',
      [
        { at: T, version: '1.10.0' },
        { at: T + 10, version: '1.9.0' },
        { at: T + 20 },
        { at: T + 30, version: '1.9.0' },
        { at: T + 2500, version: '1.10.0' },
      ],
      {
        seconds: 3,
        series: [
          { name: '1.9.0', requests: 2, share: [0.5, 0, 0] },
          { name: '1.10.0', requests: 2, share: [0.25, 0, 1] },
          { name: FAILED, requests: 1, share: [0.25, 0, 0] },
        ],
      },
    ],
  ])('%s', (_, samples, want) => {
    const got = sharePerSecond(samples);
    expect({ seconds: got.seconds, series: got.series }).toEqual(want);
  });

  it('takes a long demo: 200 000 requests over 20 minutes', () => {
    const samples = Array.from({ length: 200_000 }, (_, i) => ({
      at: T + i * 6,
      version: i < 100_000 ? '1.0.0' : '1.1.0',
    }));
    const got = sharePerSecond(samples);
    expect(got.seconds).toBe(1200);
    expect(got.series.map((s) => [s.name, s.requests])).toEqual([
      ['1.0.0', 100_000],
      ['1.1.0', 100_000],
    ]);
  });

  it('draws one closed area per series, with axis labels', () => {
    const svg = versionChart([
      { at: T, version: '1.0.0' },
      { at: T + 1500, version: '1.1.0' },
    ]);
    const paths = [...svg.matchAll(/<path class="series" data-series="([^"]+)"[^>]* d="([^"]+)"/g)];
    expect(paths.map((p) => p[1])).toEqual(['1.0.0', '1.1.0']);
    for (const [, , d] of paths) expect(d).toMatch(/^M[\d.,L]+Z$/);
    expect(svg).toContain('share of requests (%)');
    expect(svg).toMatch(/seconds since the load started/);
  });
});

describe('escaping', () => {
  it('escapes every text of the page', () => {
    const data = fixtureReport();
    data.scenarios[0].title = '<script>alert("x")</script>';
    data.scenarios[0].checks[0].detail = "<img src=x onerror='y'>";
    data.load.samples.push({ at: data.load.samples[0].at, version: '<b>v9</b>' });
    const html = reportHtml(data);
    expect(html).not.toMatch(/<script|<img|<b>v9/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;v9&lt;/b&gt;');
  });
  it('escapes the Markdown of summaries, keeping only its own markup', () => {
    const html = markdownHtml(
      '### a <i>\n\n| **k** | <script> |\n|---|---|\n| x\\|y | `a<b` |\n\n> **error** <x>',
    );
    expect(html).not.toMatch(/<i>|<script>|<x>/);
    expect(html).toContain('<h5>a &lt;i&gt;</h5>');
    expect(html).toContain('<td>x|y</td><td><code>a&lt;b</code></td>');
    expect(html).toContain('<blockquote><strong>error</strong> &lt;x&gt;</blockquote>');
  });
  it('references nothing outside the page', () => {
    const html = reportHtml(fixtureReport());
    expect(html).not.toMatch(/<script|<link|src=|url\(|@import/);
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('the summaries’ mermaid pictures', () => {
  it("draws the traffic before and after from its rows; the summary's flowchart text is not shown", () => {
    const before = [{ revisionName: 'app--1', label: 'blue', weight: 100 }];
    const after = [
      { revisionName: 'app--1', label: 'blue', weight: 90 },
      { revisionName: 'app--2', label: 'green', weight: 10 },
      { latestRevision: true, weight: 0 },
    ];
    const html = trafficHtml({ before, after });
    expect(html).toContain('class="traffic"');
    expect(html).toContain('style="width:10%"');
    expect([...html.matchAll(/<td class="rev">([^<]+)/g)].map((m) => m[1].trim())).toEqual([
      'app--1',
      'app--1',
      'app--2',
      'latest revision',
    ]);
    expect(markdownHtml(trafficMermaid(before, after))).not.toContain('flowchart');
  });
  it('draws the errors by revision as one line per revision', () => {
    const records = [0, 400, 1200, 1600].map((ms, i) => ({
      revision: i % 2 ? 'app--2' : 'app--1',
      status: i === 3 ? 500 : 200,
      at: T + ms,
    }));
    const svg = xyChartHtml(
      errorPicture(records, T, T + 2000)
        .split('\n')
        .slice(1, 7)
        .join('\n'),
    )!;
    expect(svg.match(/<polyline class="line"/g)).toHaveLength(2);
    expect(svg).toContain('5xx share per revision');
    const html = markdownHtml(errorPicture(records, T, T + 2000));
    expect(html).not.toContain('xychart-beta');
    expect(html).toContain('<td>app--2</td>');
  });
});

describe('the page of the fixture', () => {
  const html = reportHtml(fixtureReport());
  it('has a series per version, each scenario with its checks, and the analysis measurements', () => {
    expect([...html.matchAll(/data-series="([^"]+)"/g)].map((m) => m[1])).toEqual(FIXTURE_SERIES);
    for (const s of fixtureReport().scenarios) expect(html).toContain(`data-title="${escapeHtml(s.title)}"`);
    expect(html).toMatch(/<td>server-errors<\/td><td>7<\/td>/);
    expect(html).toContain('class="traffic"');
  });
  it('says failed when the demo failed, with why', () => {
    const data = { ...fixtureReport(), passed: false, stopped: 'release v1.1.0: it serves v1.1.0' };
    data.scenarios[1].checks[1].ok = false;
    const page = reportHtml(data);
    expect(page).toContain('<span class="verdict fail">failed</span>');
    expect(page).toContain('release v1.1.0: it serves v1.1.0');
    expect(page).toMatch(/<section class="scenario failed" id="scenario-2"/);
  });
});
