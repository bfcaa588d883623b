/**
 * `npm run --silent split -- <namespace>/<route> <weight>... [--rule N] [--kind GRPCRoute]
 *  [--kubeconfig F] [--context C] [--yes-all-zero] [--json]`
 *
 * Sets the weights of one route rule with the same validation and JSON patch as the split editor, and
 * records the same WeightsChanged Event. Prints `from → to`. Exit codes: 0 done (or nothing to change),
 * 2 bad input (nothing sent), 1 the cluster refused or could not be reached (nothing changed).
 */
import { chooseCluster } from '../lib/k8s/cluster';
import { applyWeights } from '../lib/split/apply';
import { SplitError } from '../lib/split/errors';
import { apiFailure, readRoute } from '../lib/split/kube';
import { routeError } from '../lib/split/apply';
import { parseApplyRequest, routeLabel } from '../lib/split/validate';
import { userInfo } from 'node:os';

const USAGE = `usage: npm run --silent split -- <namespace>/<route> <weight>... [options]

Sets the backendRef weights of one rule of a route (0..1000000 each, one per backendRef, in order).
  --rule N          rule index (default 0)
  --kind KIND       HTTPRoute (default), GRPCRoute, TCPRoute, TLSRoute or UDPRoute
  --kubeconfig F    kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)
  --context C       kubeconfig context (default: the current one)
  --yes-all-zero    allow all weights to be 0 (every request of the rule then fails)
  --json            print the result as JSON
example: npm run --silent split -- app2/b-split 0 1`;

interface Args {
  target?: string;
  weights: string[];
  rule: string;
  kind: string;
  kubeconfig?: string;
  context?: string;
  yesAllZero: boolean;
  json: boolean;
  verbose: boolean;
  help: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const a: Args = { weights: [], rule: '0', kind: 'HTTPRoute', yesAllZero: false, json: false, verbose: false, help: false };
  const valued = new Set(['--rule', '--kind', '--kubeconfig', '--context']);
  for (let i = 0; i < argv.length; i++) {
    let tok = argv[i];
    let value: string | undefined;
    if (tok.startsWith('--') && tok.includes('=')) [tok, value] = [tok.slice(0, tok.indexOf('=')), tok.slice(tok.indexOf('=') + 1)];
    if (valued.has(tok)) {
      value ??= argv[++i];
      if (value === undefined) throw new UsageError(`${tok} needs a value`);
      if (tok === '--rule') a.rule = value;
      else if (tok === '--kind') a.kind = value;
      else if (tok === '--kubeconfig') a.kubeconfig = value;
      else a.context = value;
    } else if (tok === '--yes-all-zero') a.yesAllZero = true;
    else if (tok === '--json') a.json = true;
    else if (tok === '--verbose') a.verbose = true;
    else if (tok === '--help' || tok === '-h') a.help = true;
    else if (tok.startsWith('--')) throw new UsageError(`unknown option ${tok}`);
    // Everything else is positional, including "-1" (refused below as a negative weight, not as an option).
    else if (a.target === undefined) a.target = tok;
    else a.weights.push(tok);
  }
  return a;
}

function toNumber(text: string, what: string): number {
  const n = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(n)) throw new UsageError(`${what} "${text}" is not a number`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (!args.target || !args.target.includes('/')) throw new UsageError('give the route as <namespace>/<name>');
  if (args.weights.length === 0) throw new UsageError('give one weight per backendRef, e.g. "2 3"');
  const [namespace, name] = [args.target.slice(0, args.target.indexOf('/')), args.target.slice(args.target.indexOf('/') + 1)];
  const ruleIndex = toNumber(args.rule, '--rule');
  const weights = args.weights.map((w, i) => toNumber(w, `weight ${i + 1}`));

  // Check the input's shape before talking to the cluster (names and resourceVersion come from the route).
  const draft = {
    kind: args.kind,
    namespace,
    name,
    ruleIndex,
    expectedResourceVersion: '-',
    weights: weights.map((weight, index) => ({ index, name: '-', weight })),
    confirmAllZero: args.yesAllZero || undefined,
  };
  const checked = parseApplyRequest(draft);

  const choice = chooseCluster({
    ...process.env,
    GATEWATCH_KUBECONFIG: args.kubeconfig ?? process.env.GATEWATCH_KUBECONFIG,
    GATEWATCH_CONTEXT: args.context ?? process.env.GATEWATCH_CONTEXT,
    // The CLI never starts a demo cluster of its own.
    GATEWATCH_CLUSTER: undefined,
  });
  if (choice.mode === 'error') throw new SplitError('unavailable', `Cannot use the cluster: ${choice.error}`);
  if (choice.mode === 'demo') {
    throw new SplitError(
      'unavailable',
      'No kubeconfig found (KUBECONFIG, ~/.kube/config). Pass --kubeconfig; the demo cluster prints its kubeconfig path when it starts.',
    );
  }
  const kc = choice.kc;
  const handle = { kind: checked.kind, namespace, name };
  const label = routeLabel(checked.kind, namespace, name);
  const { route, version } = await readRoute(kc, handle).catch((err: unknown) => {
    throw routeError(label, apiFailure(err), 'read');
  });
  const refs = route.spec?.rules?.[checked.ruleIndex]?.backendRefs ?? [];
  const req = parseApplyRequest({
    ...draft,
    kind: checked.kind,
    expectedResourceVersion: route.metadata.resourceVersion ?? '',
    // Just read: a status write in between (same generation) is not a conflict.
    expectedGeneration: route.metadata.generation,
    // Weights are positional: the i-th number goes to the i-th backendRef; extra numbers keep a name the check refuses.
    weights: weights.map((weight, index) => ({ index, name: refs[index]?.name ?? `#${index}`, weight })),
  });
  const result = await applyWeights(req, {
    kubeConfig: kc,
    version,
    user: `${userInfo().username} (cli)`,
    log: (line) => {
      if (args.verbose) console.error(line);
    },
  });
  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const change = result.backends.map((b, i) => `${b} ${result.from[i]} → ${result.to[i]}`).join(', ');
    console.log(`${label} rule ${result.ruleIndex}: ${change}${result.changed ? '' : ' (unchanged)'}`);
    if (result.changed && result.history.warning) console.error(`warning: ${result.history.warning}`);
    if (result.gitops.managed) {
      console.error(`warning: ${label} is managed by ${result.gitops.by} (${result.gitops.reasons.join(', ')}); the change will be reverted on the next sync. Commit this instead:\n${result.gitops.yaml}`);
    }
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`split: ${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (err instanceof SplitError) {
      console.error(`split: ${err.message}`);
      // Bad input is 2 (nothing sent); a refusal by the cluster or a conflict is 1.
      process.exit(err.code === 'bad_request' || err.code === 'confirm_all_zero' ? 2 : 1);
    }
    console.error(`split: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
