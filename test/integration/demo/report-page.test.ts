// The demo's page (.demo/report.html) as a person sees it: built from a realistic report by the same pure function
// the demo uses, opened in Debian's headless Chromium (offline flags, a fresh profile, no browser download).
// Without a browser it skips, saying so, except under CI=true, where it must run (scripts/setup.sh installs
// chromium).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { reportHtml } from '../../../demo/report-html.js';
import { fixtureReport, FIXTURE_SERIES, FIXTURE_TRADERS } from '../../support/report-page.js';

// Debian's chromium; on GitHub's Ubuntu runners (no chromium package there) their preinstalled Google Chrome.
const BROWSERS = [process.env.ALC_CHROMIUM, '/usr/bin/chromium', '/usr/bin/google-chrome'];
const CHROMIUM = BROWSERS.find((b) => b && existsSync(b)) ?? '/usr/bin/chromium';
const OFFLINE_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** What the page's elements give (the project's types have no DOM library). */
interface Shown {
  innerText: string;
  offsetHeight: number;
  getBoundingClientRect(): { width: number };
}

const available = existsSync(CHROMIUM);
if (!available && process.env.CI !== 'true')
  console.warn(
    `report page: no browser at ${BROWSERS.filter(Boolean).join(', ')} (apt-get install chromium): the browser test is skipped`,
  );
const describeWithChromium = available || process.env.CI === 'true' ? describe : describe.skip;

describeWithChromium('the demo report page in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'alc-report-page-'));
  const data = fixtureReport();
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, reportHtml(data));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: OFFLINE_FLAGS,
      viewport: { width: 1100, height: 900 },
    });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders the chart of versions: one visible series per version, with its legend and axes', async () => {
    const chart = page.locator('svg#version-chart');
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(400);
    expect(box!.height).toBeGreaterThan(150);
    const series = await page.$$eval('svg#version-chart path.series', (paths) =>
      paths.map((p) => {
        const b = (p as unknown as { getBBox(): { width: number; height: number } }).getBBox();
        return { name: p.getAttribute('data-series'), width: b.width, height: b.height };
      }),
    );
    expect(series.map((s) => s.name)).toEqual(FIXTURE_SERIES);
    for (const s of series) expect(s.width * s.height).toBeGreaterThan(0);
    const legend = await page.locator('.chart:has(svg#version-chart) .legend li').allInnerTexts();
    expect(legend.map((l) => l.split(' ')[0])).toEqual(FIXTURE_SERIES);
    const axes = await page.locator('svg#version-chart text.axis').allTextContents();
    expect(axes.join(' | ')).toMatch(/seconds since the load started .* \| share of requests \(%\)/);
  });

  it('renders every scenario with its verdict and checks', async () => {
    const shown = await page.$$eval('section.scenario', (sections) =>
      sections.map((s) => ({
        title: s.getAttribute('data-title'),
        heading: (s.querySelector('h3') as unknown as Shown).innerText,
        checks: s.querySelectorAll('ul.checks li').length,
        visible: (s as unknown as Shown).offsetHeight > 0,
      })),
    );
    expect(shown).toEqual(
      data.scenarios.map((s, i) => ({
        title: s.title,
        heading: `${i + 1}. ${s.title} ✔`,
        checks: s.checks.length,
        visible: true,
      })),
    );
    await expect(page.locator('.verdict').innerText()).resolves.toBe('passed');
  });

  it('renders the traffic before and after, and the analysis measurements', async () => {
    const bars = await page.$$eval('.traffic .bar span', (spans) =>
      spans.map((s) => Math.round((s as unknown as Shown).getBoundingClientRect().width)),
    );
    expect(bars.length).toBeGreaterThan(0);
    expect(Math.max(...bars)).toBeGreaterThan(50);
    const measured = await page.locator('#scenario-9 table.md', { hasText: 'server-errors' }).innerText();
    expect(measured).toMatch(/step 10%\s+\S+\s+server-errors\s+7/);
    expect(await page.locator('#scenario-10 .xychart polyline').count()).toBeGreaterThan(0);
  });

  it('renders who traded on the live port: one visible series per revision, the overlap, every gap', async () => {
    const chart = page.locator('svg#trading-chart');
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(400);
    expect(box!.height).toBeGreaterThan(100);
    const series = await page.$$eval('svg#trading-chart g.trading', (groups) =>
      groups.map((g) => {
        const b = (g as unknown as { getBBox(): { width: number; height: number } }).getBBox();
        return { revision: g.getAttribute('data-revision'), width: b.width, height: b.height };
      }),
    );
    expect(series.map((s) => s.revision)).toEqual(FIXTURE_TRADERS);
    for (const s of series) expect(s.width * s.height).toBeGreaterThan(0);
    await expect(page.locator('#overlap').innerText()).resolves.toBe('overlap 0 ms');
    const gaps = await page.locator('table.gaps strong.gap').allInnerTexts();
    expect(gaps).toEqual(['1210 ms', '980 ms', '1020 ms', '1630 ms']);
    const rollback = await page.locator('table.gaps tr', { hasText: 'rollback to v1.0.0' }).innerText();
    expect(rollback).toMatch(/alc-algo-agents--v1-1-0 → alc-algo-agents--v1-0-0, epoch 3, gap 950 ms/);
  });

  it('loads nothing but itself and raises no error', () => {
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  });
});
