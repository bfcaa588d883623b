/**
 * Browsing the demo cluster: the reference environment's Gateways, listeners, routes, the Ingress and
 * b-split's 40/60 edges are drawn; a route's panel tells its conditions; the namespace filter and the
 * selection live in the URL; a kubectl patch relabels the edges without a reload.
 */
import { expect, test } from '@playwright/test';
import { demoKubectl, edgeLabel, node, openDashboard, screenshot, topology } from './helpers';

const GATEWAYS = ['istio-tcp-mongodb', 'envoy-tcp-mongodb', 'istio-http-ports', 'envoy-http-ports', 'envoy-tcp-mongodb-typo'];
const ROUTES = ['HTTPRoute:app1/app1', 'HTTPRoute:app2/app2', 'HTTPRoute:app2/b-split', 'HTTPRoute:app1/app1-typo', 'TCPRoute:app1/mongodb'];
const B = (i: number) => `backend|HTTPRoute:app2/b-split|r0|b${i}`;

test('draws the reference environment: Gateways, listeners, routes, Ingress and the 40/60 split', async ({ page }) => {
  await openDashboard(page);
  await expect(page.getByTestId('cluster-label')).toHaveText('Demo cluster (emulated)');
  const t = await topology(page);
  for (const name of GATEWAYS) {
    const id = `Gateway:gateways/${name}`;
    await expect(node(page, id)).toBeVisible();
    const gw = t.nodes.find((n) => n.id === id);
    if (gw?.kind !== 'Gateway') throw new Error(`${id} missing from /api/topology`);
    expect(gw.listeners.length).toBeGreaterThan(0);
    for (const l of gw.listeners) await expect(page.getByTestId(`listener-${id}-${l.name}`)).toBeVisible();
  }
  for (const id of ROUTES) await expect(node(page, id)).toBeVisible();
  await expect(page.locator('[data-kind="Ingress"]')).toContainText('cadec2024-ingress');
  await expect(edgeLabel(page, B(0))).toContainText('40%');
  await expect(edgeLabel(page, B(1))).toContainText('60%');
  await screenshot(page, 'light');
});

test('clicking app1-typo shows ResolvedRefs False BackendNotFound and the analyzer agreeing', async ({ page }) => {
  await openDashboard(page);
  await node(page, 'HTTPRoute:app1/app1-typo').click();
  const panel = page.getByTestId('details-panel');
  await expect(panel.getByTestId('panel-title')).toHaveText('HTTPRoute app1/app1-typo');
  const row = panel.getByTestId('condition-ResolvedRefs');
  await expect(row).toContainText('False');
  await expect(row).toContainText('BackendNotFound');
  await expect(panel.getByTestId('findings')).toContainText('did you mean httpbin?');
  await expect(panel.getByTestId('controller-agrees')).toHaveText('controller agrees');
  await expect(panel.getByTestId('kubectl-command')).toHaveText('kubectl -n app1 get httproute app1-typo -o yaml');
  await expect(panel.getByTestId('object-yaml')).toContainText('name: httbin');
  expect(new URL(page.url()).searchParams.get('select')).toBe('HTTPRoute:app1/app1-typo');
  await screenshot(page, 'panel');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});

test('clicking a backend edge opens its route with the split editor on that rule', async ({ page }) => {
  await openDashboard(page);
  await edgeLabel(page, B(1)).click();
  await expect(page.getByTestId('panel-title')).toHaveText('HTTPRoute app2/b-split');
  const editor = page.getByTestId('details-panel').getByTestId('split-editor');
  await expect(editor).toBeVisible();
  await expect(editor).toContainText('b-v2');
  await expect(page.getByTestId('edge-traffic')).toBeVisible();
  await screenshot(page, 'split');
});

test('the namespace filter and the selection survive a reload through the URL', async ({ page }) => {
  await openDashboard(page);
  await page.getByTestId('namespace-select').click();
  // The checkbox follows the URL, which the router updates a moment later.
  await page.getByTestId('ns-app2').click();
  await expect(page).toHaveURL(/ns=app2/);
  await expect(page.getByTestId('ns-app2')).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(node(page, 'HTTPRoute:app1/app1-typo')).toHaveCount(0);
  // Near the card's corner: in this layout an edge to the workloads crosses the middle of the card.
  await node(page, 'HTTPRoute:app2/b-split').click({ position: { x: 12, y: 40 } });
  await expect(page).toHaveURL(/select=HTTPRoute%3Aapp2%2Fb-split/);

  await page.reload();
  await expect(node(page, 'HTTPRoute:app2/b-split')).toBeVisible();
  await expect(node(page, 'HTTPRoute:app1/app1-typo')).toHaveCount(0);
  await expect(page.getByTestId('namespace-select')).toContainText('app2');
  await expect(page.getByTestId('panel-title')).toHaveText('HTTPRoute app2/b-split');
});

test('a kubectl patch of b-split relabels its edges without a reload', async ({ page }) => {
  await openDashboard(page);
  const k = await demoKubectl(page);
  const patch = (w0: number, w1: number) =>
    k.run(['-n', 'app2', 'patch', 'httproute', 'b-split', '--type=json', '-p', JSON.stringify([
      { op: 'replace', path: '/spec/rules/0/backendRefs/0/weight', value: w0 },
      { op: 'replace', path: '/spec/rules/0/backendRefs/1/weight', value: w1 },
    ])]);
  const before = await k.run(['-n', 'app2', 'get', 'httproute', 'b-split', '-o', 'jsonpath={.spec.rules[0].backendRefs[*].weight}']);
  expect(before.stdout.trim()).toBe('2 3');
  await expect(edgeLabel(page, B(0))).toContainText('40%');
  // Marks the page: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  try {
    const r = await patch(1, 4);
    expect(r.code, r.stderr).toBe(0);
    await expect(edgeLabel(page, B(0))).toContainText('20%');
    await expect(edgeLabel(page, B(1))).toContainText('80%');
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  } finally {
    const r = await patch(2, 3);
    expect(r.code, r.stderr).toBe(0);
  }
  await expect(edgeLabel(page, B(0))).toContainText('40%');
});
