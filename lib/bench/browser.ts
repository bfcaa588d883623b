/**
 * Browser figures in Chromium (Playwright, /usr/bin/chromium): navigation → first graph node
 * painted, the longest main-thread task (PerformanceObserver `longtask`) until the layout settles,
 * frames per second while panning and zooming, and the DOM size of the default view.
 */
import { chromium, type Browser } from '@playwright/test';
import type { BrowserFigures } from './report';
import { summarize } from './stats';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
const NODE = '.react-flow__node';

/** Installed before any page script: records long tasks and when the first graph node appears. */
const PROBE = `(() => {
  const w = window;
  w.__gwLongest = 0;
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__gwLongest = Math.max(w.__gwLongest, e.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  const mo = new MutationObserver(() => {
    if (w.__gwFirstNode === undefined && document.querySelector('${NODE}')) { w.__gwFirstNode = performance.now(); mo.disconnect(); }
  });
  document.addEventListener('DOMContentLoaded', () => mo.observe(document.body, { childList: true, subtree: true }));
})();`;

export interface BrowserOptions {
  runs: number;
  timeoutMs?: number;
  /** Query string of a view with about 1,000 nodes (namespace filter, full detail) for the frame-rate figure. */
  thousandView?: { query: string; modelNodes: number };
}

export async function measureBrowser(url: string, o: BrowserOptions): Promise<BrowserFigures> {
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
    const paints: number[] = [];
    let longest = 0;
    let domNodes = 0;
    let visible = 0;
    let fps = 0;
    let fpsNodes = 0;
    for (let i = 0; i < o.runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      const page = await context.newPage();
      await page.addInitScript(PROBE);
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      try {
        await page.waitForSelector(NODE, { timeout: o.timeoutMs ?? 60_000 });
      } catch {
        await context.close();
        throw new Error('the page drew no graph node (no `.react-flow__node`) within the timeout');
      }
      await settled(page, o.timeoutMs);
      // Page scripts are passed as strings: tsx compiles functions with name helpers the page does not have.
      const m = await page.evaluate<{ first: number; longest: number; dom: number; nodes: number }>(
        `({ first: window.__gwFirstNode ?? NaN, longest: window.__gwLongest, dom: document.getElementsByTagName('*').length, nodes: document.querySelectorAll('${NODE}').length })`,
      );
      paints.push(m.first);
      longest = Math.max(longest, m.longest);
      domNodes = m.dom;
      visible = m.nodes;
      if (i === o.runs - 1) {
        const f = await measurePanFps(page);
        fps = f.fps;
        fpsNodes = f.nodes;
      }
      await context.close();
    }
    let fpsView: BrowserFigures['fpsView'];
    if (o.thousandView) {
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      const page = await context.newPage();
      await page.goto(`${url}/?${o.thousandView.query}`, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector(NODE, { timeout: o.timeoutMs ?? 60_000 });
      await settled(page, o.timeoutMs);
      const f = await measurePanFps(page);
      const drawn = await page.evaluate<number>(`Number(document.querySelector('[data-node-count]')?.getAttribute('data-node-count') ?? -1)`);
      fpsView = { fps: f.fps, renderedNodes: f.nodes, viewNodes: drawn, modelNodes: o.thousandView.modelNodes };
      await context.close();
    }
    return { firstPaintMs: summarize(paints), longestTaskMs: longest, fps, fpsNodes, domNodes, visibleGraphNodes: visible, fpsView };
  } finally {
    await browser?.close();
  }
}

/** Waits until the layout has settled (ELK's answer drawn, progress bar gone), then a moment for the fit. */
async function settled(page: import('@playwright/test').Page, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(`!document.querySelector('[data-testid=progress]')`, null, { timeout: timeoutMs });
  await page.waitForTimeout(2000);
}

/** Drags the pane and zooms with the wheel for ~3 s while counting animation frames. */
async function measurePanFps(page: import('@playwright/test').Page): Promise<{ fps: number; nodes: number }> {
  const pane = await page.$('.react-flow__pane');
  const box = (await pane?.boundingBox()) ?? { x: 0, y: 0, width: 1200, height: 800 };
  await page.evaluate(`(() => {
    window.__gwFrames = 0;
    window.__gwCount = true;
    function tick() { if (!window.__gwCount) return; window.__gwFrames++; requestAnimationFrame(tick); }
    requestAnimationFrame(tick);
  })()`);
  const t0 = Date.now();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // Drags alternate in direction so the view stays on the same picture (one way only, it would leave the graph).
  let dir = 1;
  while (Date.now() - t0 < 3000) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let s = 0; s < 10; s++) await page.mouse.move(cx + dir * s * 20, cy + dir * s * 10);
    await page.mouse.up();
    dir = -dir;
    await page.mouse.wheel(0, Date.now() % 2 ? 120 : -120);
  }
  const r = await page.evaluate<{ frames: number; nodes: number }>(
    `(() => { window.__gwCount = false; return { frames: window.__gwFrames, nodes: document.querySelectorAll('${NODE}').length }; })()`,
  );
  return { fps: r.frames / ((Date.now() - t0) / 1000), nodes: r.nodes };
}
