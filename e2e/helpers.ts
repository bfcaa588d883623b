/** Shared steps for the dashboard specs: open the page, find graph parts, reach the demo cluster with kubectl. */
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kubectl } from '../test/helpers/kubectl';
import type { Topology } from '../lib/wire/types';

export const SCREENSHOTS = join(process.cwd(), 'artifacts', 'screenshots');

/** Opens the dashboard (with an optional query) and waits for the graph to draw the topology. */
export async function openDashboard(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query ? `?${query}` : ''}`);
  await expect(page.getByTestId('live-indicator')).toHaveText('● live');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

export const node = (page: Page, id: string): Locator => page.getByTestId(`node-${id}`);
export const edgeLabel = (page: Page, id: string): Locator => page.getByTestId(`edge-label-${id}`);

export async function topology(page: Page): Promise<Topology> {
  const r = await page.request.get('/api/topology');
  expect(r.ok()).toBe(true);
  return (await r.json()) as Topology;
}

/** kubectl on the demo cluster the dashboard watches (the emulator writes its kubeconfig per port). */
export async function demoKubectl(page: Page): Promise<Kubectl> {
  const info = (await (await page.request.get('/api/cluster')).json()) as { cluster?: { server?: string; mode?: string } };
  const server = info.cluster?.server;
  if (!server || info.cluster?.mode !== 'demo') throw new Error(`not on the demo cluster: ${JSON.stringify(info.cluster)}`);
  return new Kubectl(join(tmpdir(), `gatewatch-demo-${new URL(server).port}.kubeconfig`));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `shell-${name}.png`) });
}
