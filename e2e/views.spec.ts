/**
 * Levels of detail on the demo cluster: each level forced through the URL (`detail=overview|namespaces|full`)
 * draws what it says, the toolbar shows and switches it, a summary drills down into its Gateway's
 * namespaces, and zoomed out the nodes draw compact with no edge labels.
 */
import { expect, test, type Page } from '@playwright/test';
import { edgeLabel, node, openDashboard, screenshot } from './helpers';

const graph = (page: Page) => page.getByTestId('topology-graph');
const B1 = 'backend|HTTPRoute:app2/b-split|r0|b1';

test('detail=overview keeps the Gateways with their listeners and summarises their routes', async ({ page }) => {
  await openDashboard(page, 'detail=overview');
  await expect(graph(page)).toHaveAttribute('data-detail', 'overview');
  await expect(page.getByTestId('detail-overview')).toHaveAttribute('aria-pressed', 'true');
  await expect(node(page, 'Gateway:gateways/istio-http-ports')).toBeVisible();
  await expect(page.getByTestId('listener-Gateway:gateways/istio-http-ports-http')).toBeVisible();
  // app1 attaches to both istio listeners and app2 to one: two routes in two namespaces.
  const istio = node(page, 'Summary:gateways/istio-http-ports');
  await expect(istio).toContainText('2 routes in 2 namespaces');
  await expect(istio).toContainText('attached to gateways/istio-http-ports');
  await expect(node(page, 'Summary:gateways/envoy-http-ports')).toContainText(/error/);
  await expect(node(page, 'Summary:(unattached)')).toBeVisible();
  await expect(page.locator('[data-kind="HTTPRoute"]')).toHaveCount(0);
  await expect(page.locator('[data-kind="Service"]')).toHaveCount(0);
  await screenshot(page, 'detail-overview');
});

test('clicking a summary drills down into its Gateway\'s namespaces', async ({ page }) => {
  await openDashboard(page, 'detail=overview');
  await node(page, 'Summary:gateways/envoy-http-ports').click();
  await expect(page).toHaveURL(/ns=app1/);
  expect(new URL(page.url()).searchParams.get('detail')).toBeNull();
  await expect(graph(page)).toHaveAttribute('data-detail', 'full');
  await expect(node(page, 'HTTPRoute:app1/app1-typo')).toBeVisible();
  await expect(node(page, 'HTTPRoute:app2/b-split')).toHaveCount(0);
  await screenshot(page, 'detail-drilled');
});

test('detail=namespaces draws one node per namespace; the toolbar switches levels through the URL', async ({ page }) => {
  await openDashboard(page, 'detail=namespaces');
  await expect(graph(page)).toHaveAttribute('data-detail', 'namespaces');
  await expect(node(page, 'Namespace:app1')).toBeVisible();
  await expect(node(page, 'Namespace:app2')).toBeVisible();
  await expect(page.locator('[data-kind="HTTPRoute"]')).toHaveCount(0);
  await screenshot(page, 'detail-namespaces');
  await page.getByTestId('detail-full').click();
  await expect(page).toHaveURL(/detail=full/);
  await expect(graph(page)).toHaveAttribute('data-detail', 'full');
  await expect(node(page, 'HTTPRoute:app2/b-split')).toBeVisible();
  // Clicking the pinned level again returns to the automatic choice.
  await page.getByTestId('detail-full').click();
  await expect(page).not.toHaveURL(/detail=/);
  await expect(graph(page)).toHaveAttribute('data-detail-auto', 'true');
});

test('the demo cluster opens in full; zoomed out the nodes are compact and edge labels hidden', async ({ page }) => {
  await openDashboard(page);
  await expect(graph(page)).toHaveAttribute('data-detail', 'full');
  await expect(page.getByTestId('detail-full')).toContainText('auto');
  await expect(page.getByTestId('listener-Gateway:gateways/istio-http-ports-http')).toBeVisible();
  await expect(edgeLabel(page, B1)).toBeVisible();
  await screenshot(page, 'detail-full');

  const zoomOut = page.locator('.react-flow__controls-zoomout');
  for (let i = 0; i < 12 && (await graph(page).getAttribute('data-compact')) === null; i++) await zoomOut.click();
  await expect(graph(page)).toHaveAttribute('data-compact', 'true');
  await expect(node(page, 'HTTPRoute:app2/b-split')).toHaveAttribute('data-compact', 'true');
  await expect(node(page, 'HTTPRoute:app2/b-split')).toContainText('b-split');
  await expect(page.getByTestId('listener-Gateway:gateways/istio-http-ports-http')).toHaveCount(0);
  await expect(edgeLabel(page, B1)).toHaveCount(0);
  // Zoomed out, edges are curves in one shared SVG (a path per stroke style), not one element per edge.
  await expect(page.getByTestId('compact-edges').locator('path').first()).toHaveAttribute('d', /^M.+C/);
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  await screenshot(page, 'detail-compact');

  // Back in: rows and labels return, and edges still leave from their rows.
  await page.locator('.react-flow__controls-fitview').click();
  await expect(graph(page)).not.toHaveAttribute('data-compact', 'true');
  await expect(edgeLabel(page, B1)).toContainText('60%');
  await expect(page.getByTestId('compact-edges')).toHaveCount(0);
});
