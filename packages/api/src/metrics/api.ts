import { diag } from "../diag.js";
import { sondeGlobal } from "../global.js";
import { type DeclarationInput, normalizeDeclaration, sameShape } from "./declaration.js";
import { noopCounter, noopDistribution, ProxyCounter, ProxyDistribution } from "./proxy.js";
import type {
  Counter,
  Distribution,
  DistributionOptions,
  MetricDeclaration,
  MetricKind,
  MetricOptions,
  NoTags,
  TagSchema,
} from "./types.js";

interface Entry {
  declaration: MetricDeclaration;
  instrument: unknown;
}

/**
 * Returns the instrument registered for the declaration, registering a new one from `create`,
 * or `undefined` after reporting why the declaration was rejected.
 */
function declare(
  kind: MetricKind,
  name: unknown,
  options: DeclarationInput | undefined,
  create: (declaration: MetricDeclaration) => unknown,
): { declaration: MetricDeclaration; instrument: unknown } {
  const { declaration, problem } = normalizeDeclaration(kind, name, options);
  if (problem !== undefined) {
    diag.report({
      code: "invalid_metric_declaration",
      message: `metric ${declaration.name}: ${problem}; it will not record`,
      key: declaration.name,
    });
    return { declaration, instrument: undefined };
  }
  const existing = sondeGlobal.metrics.get(declaration.name) as Entry | undefined;
  if (existing === undefined) {
    const entry = { declaration, instrument: create(declaration) };
    sondeGlobal.metrics.set(declaration.name, entry);
    return entry;
  }
  if (sameShape(existing.declaration, declaration)) return existing;
  diag.report({
    code: "metric_conflict",
    message: `metric ${declaration.name} is already declared with another kind, tags or buckets; this declaration will not record`,
    key: declaration.name,
  });
  return { declaration, instrument: undefined };
}

/**
 * Declares a counter: a monotonic integer count. Declaring the same name again with the same
 * kind, tags and buckets returns the same instrument. Never throws: an invalid or conflicting
 * declaration is reported through `diag` (`invalid_metric_declaration`, `metric_conflict`) and
 * gets an instrument that records nothing.
 *
 * Works before an SDK is installed (recording is a noop) and records once one is.
 *
 * @example
 * const charges = metrics.counter("/demo/billing/charge_count", {
 *   description: "Charges attempted.", unit: "1", tags: { outcome: "string" },
 * });
 * charges.add(1, { outcome: "ok" });
 */
function counter<const S extends TagSchema = NoTags>(
  name: string,
  options: MetricOptions<S>,
): Counter<S> {
  const { declaration, instrument } = declare("counter", name, options, (d) => new ProxyCounter(d));
  return (instrument ?? noopCounter(declaration)) as unknown as Counter<S>;
}

/**
 * Declares a distribution of values in explicit buckets (count, sum, min, max per series).
 * Same rules as {@link counter}.
 *
 * @example
 * const latency = metrics.distribution("/demo/billing/charge_latency", {
 *   description: "Charge latency.", unit: "ms", tags: { outcome: "string" },
 *   buckets: [1, 5, 10, 50, 100, 500],
 * });
 * latency.record(12.5, { outcome: "ok" });
 */
function distribution<const S extends TagSchema = NoTags>(
  name: string,
  options: DistributionOptions<S>,
): Distribution<S> {
  const { declaration, instrument } = declare(
    "distribution",
    name,
    options,
    (d) => new ProxyDistribution(d),
  );
  return (instrument ?? noopDistribution(declaration)) as unknown as Distribution<S>;
}

/** Every metric declared so far in this process, in declaration order. */
function declarations(): MetricDeclaration[] {
  return [...sondeGlobal.metrics.values()].map((entry) => (entry as Entry).declaration);
}

/** Metric declarations: `counter`, `distribution`, and `declarations()` to list them. */
export const metrics = { counter, distribution, declarations } as const;
