/**
 * The split editor in Chromium on the demo cluster: move b-split to 0/100 with the keyboard, apply,
 * see kubectl report weights 0 and 1 with nothing else changed and the edges relabelled without a
 * reload; revert restores 2 and 3; a kubectl change while the editor is open is a conflict, not an
 * overwrite. The demo cluster's kubeconfig is the emulator's default path for its port.
 */
import { expect, test, type Page } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kubectl } from '../test/helpers/kubectl';

const ROUTE = 'HTTPRoute:app2/b-split';
const edge = (b: number) => `backend|${ROUTE}|r0|b${b}`;

async function demoKubectl(page: Page): Promise<Kubectl> {
  const info = (await (await page.request.get('/api/cluster')).json()) as { server?: string; cluster?: { server?: string } };
  const server = info.server ?? info.cluster?.server;
  if (!server) throw new Error(`/api/cluster names no server: ${JSON.stringify(info)}`);
  return new Kubectl(join(tmpdir(), `gatewatch-demo-${new URL(server).port}.kubeconfig`));
}

async function routeJson(k: Kubectl): Promise<Record<string, unknown>> {
  const r = await k.run(['get', 'httproute', 'b-split', '-n', 'app2', '-o', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

async function weights(k: Kubectl): Promise<string> {
  const r = await k.run(['get', 'httproute', 'b-split', '-n', 'app2', '-o', 'jsonpath={.spec.rules[0].backendRefs[*].weight}']);
  return r.stdout.trim();
}

function withoutWeights(o: Record<string, unknown>): unknown {
  const c = structuredClone(o) as { metadata: Record<string, unknown>; spec: { rules: { backendRefs?: { weight?: number }[] }[] }; status?: unknown };
  for (const f of ['resourceVersion', 'generation', 'managedFields']) delete c.metadata[f];
  delete c.status;
  for (const r of c.spec.rules) for (const b of r.backendRefs ?? []) delete b.weight;
  return c;
}

async function openEditor(page: Page) {
  await page.goto('/');
  await page.getByTestId(`rf__edge-${edge(0)}`).click({ force: true });
  await expect(page.getByTestId('split-editor')).toBeVisible();
  await expect(page.getByTestId('split-weight-0')).toContainText('weight 2');
}

test.describe.serial('split editor', () => {
  test('keyboard to 0/100, apply, graph relabels, revert restores 2 and 3', async ({ page }) => {
    const k = await demoKubectl(page);
    await expect.poll(() => weights(k)).toBe('2 3');
    const before = await routeJson(k);
    await openEditor(page);

    const slider = page.getByTestId('split-slider-0');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect(page.getByTestId('split-weight-0')).toContainText('weight 0');
    await expect(page.getByTestId('split-weight-1')).toContainText('weight 1');
    await page.getByTestId('split-apply').click();

    await expect.poll(() => weights(k)).toBe('0 1');
    expect(withoutWeights(await routeJson(k))).toEqual(withoutWeights(before));
    await expect(page.getByTestId('split-rollout')).toContainText('written');
    // The graph follows the live topology: no reload.
    await expect(page.getByTestId(`rf__edge-${edge(1)}`)).toHaveAttribute('aria-label', /\b100%/);

    await page.getByTestId('split-revert').click();
    await expect.poll(() => weights(k)).toBe('2 3');
    await expect(page.getByTestId(`rf__edge-${edge(1)}`)).toHaveAttribute('aria-label', /\b60%/);
    await expect(page.getByTestId('split-history-item').first()).toContainText('b-v1 0→2');
  });

  test('a kubectl change while the editor is open is a conflict, not an overwrite', async ({ page }) => {
    const k = await demoKubectl(page);
    await openEditor(page);
    await page.getByTestId('split-preset-50-50').click();
    const p = await k.run(['patch', 'httproute', 'b-split', '-n', 'app2', '--type=json', '-p', '[{"op":"replace","path":"/spec/rules/0/backendRefs/0/weight","value":4}]']);
    expect(p.code, p.stderr).toBe(0);
    // Wait until the editor has seen the change (it stays dirty, so it keeps the user's values).
    await expect(page.getByTestId('split-outside-change')).toBeVisible();
    await page.getByTestId('split-apply').click();
    await expect(page.getByTestId('split-conflict')).toContainText('changed by someone else since you opened it');
    await expect(page.getByTestId('split-conflict')).toContainText('b-v1 4, b-v2 3');
    expect(await weights(k)).toBe('4 3');
    // Restore the reference split for the other specs.
    const r = await k.run(['patch', 'httproute', 'b-split', '-n', 'app2', '--type=json', '-p', '[{"op":"replace","path":"/spec/rules/0/backendRefs/0/weight","value":2}]']);
    expect(r.code, r.stderr).toBe(0);
  });
});
