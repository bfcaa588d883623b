/**
 * Diagnosing: the Problems view lists the reference environment's mistakes with their suggestions,
 * and each link selects the object in the graph.
 */
import { expect, test } from '@playwright/test';
import { node, openDashboard, screenshot } from './helpers';

test('lists app1-typo BackendNotFound and the Gateway with a missing class, with suggestions', async ({ page }) => {
  await openDashboard(page);
  const bar = page.getByTestId('problems-bar');
  await expect(bar).toContainText(/● [1-9]\d* errors?/);
  await bar.click();
  const list = page.getByTestId('problems-list');
  const typo = list.getByTestId('problem-row').filter({ hasText: 'HTTPRoute app1/app1-typo' }).filter({ hasText: 'BackendNotFound' });
  await expect(typo).toContainText('did you mean httpbin?');
  const gw = list.getByTestId('problem-row').filter({ hasText: 'Gateway gateways/envoy-tcp-mongodb-typo' }).filter({ hasText: 'GatewayClassNotFound' });
  await expect(gw).toContainText('did you mean envoy-gateway-class');
  await screenshot(page, 'problems');

  await gw.getByTestId('problem-link').click();
  await expect(page.getByTestId('panel-title')).toHaveText('Gateway gateways/envoy-tcp-mongodb-typo');
  await expect(node(page, 'Gateway:gateways/envoy-tcp-mongodb-typo')).toHaveAttribute('data-selected', 'true');
  // Centred: the card ends up in the middle half of the canvas (it starts at its left edge).
  await expect
    .poll(async () => {
      const pane = await page.getByTestId('topology-graph').boundingBox();
      const card = await node(page, 'Gateway:gateways/envoy-tcp-mongodb-typo').boundingBox();
      if (!pane || !card) return false;
      const x = (card.x + card.width / 2 - pane.x) / pane.width;
      return x > 0.25 && x < 0.75;
    })
    .toBe(true);
  await typo.getByTestId('problem-link').click();
  await expect(page.getByTestId('panel-title')).toHaveText('HTTPRoute app1/app1-typo');
  await expect(node(page, 'HTTPRoute:app1/app1-typo')).toHaveAttribute('data-selected', 'true');
  await expect(page).toHaveURL(/select=HTTPRoute%3Aapp1%2Fapp1-typo/);
});

test('"Problems only" keeps the objects the analyzer flags', async ({ page }) => {
  await openDashboard(page);
  await expect(node(page, 'HTTPRoute:app2/app2')).toBeVisible();
  await page.getByTestId('problems-only').click();
  await expect(page).toHaveURL(/problemsOnly=1/);
  await expect(node(page, 'HTTPRoute:app1/app1-typo')).toBeVisible();
  await expect(node(page, 'Gateway:gateways/envoy-tcp-mongodb-typo')).toBeVisible();
  await expect(node(page, 'HTTPRoute:app2/app2')).toHaveCount(0);
});

test('dark mode is kept across a reload', async ({ page }) => {
  await openDashboard(page);
  await page.getByTestId('dark-toggle').click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await node(page, 'HTTPRoute:app2/b-split').click({ position: { x: 12, y: 40 } });
  await expect(page.getByTestId('panel-title')).toHaveText('HTTPRoute app2/b-split');
  await screenshot(page, 'dark');
});
