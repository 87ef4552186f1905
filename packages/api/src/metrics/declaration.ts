import type { MetricDeclaration, MetricKind, Stability, TagSchema } from "./types.js";

/**
 * OpenTelemetry's default explicit bucket bounds, used by distributions that declare none
 * (OpenTelemetry metrics SDK spec, "Explicit Bucket Histogram Aggregation").
 */
export const DEFAULT_BUCKETS: readonly number[] = Object.freeze([
  0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000,
]);

const NAME = /^(\/[a-z0-9_]+)+$/;
const TAG_NAME = /^[a-z][a-z0-9_]*$/;
const TAG_TYPES = new Set(["string", "int", "bool"]);
const STABILITIES = new Set<Stability>(["stable", "experimental", "deprecated"]);

/** What a caller may pass, before validation (JavaScript callers are not type-checked). */
export interface DeclarationInput {
  description?: unknown;
  unit?: unknown;
  tags?: unknown;
  owner?: unknown;
  stability?: unknown;
  buckets?: unknown;
}

/**
 * @internal Validates a declaration and applies defaults. Returns the declaration and, when it
 * is invalid, the reason (naming the field).
 */
export function normalizeDeclaration(
  kind: MetricKind,
  name: unknown,
  input: DeclarationInput | undefined,
): { declaration: MetricDeclaration; problem: string | undefined } {
  const options = input ?? {};
  const declaration: MetricDeclaration = {
    kind,
    name: String(name),
    description: typeof options.description === "string" ? options.description : "",
    unit: typeof options.unit === "string" ? options.unit : "",
    owner: typeof options.owner === "string" ? options.owner : "",
    stability: (options.stability as Stability | undefined) ?? "experimental",
    tags: (options.tags ?? {}) as TagSchema,
    buckets: kind === "distribution" ? ((options.buckets ?? DEFAULT_BUCKETS) as number[]) : [],
  };
  const problem = problemOf(name, options, declaration);
  if (problem !== undefined) return { declaration, problem };
  // Copies, so that later changes to the caller's objects cannot alter a declared metric.
  const frozen: MetricDeclaration = Object.freeze({
    ...declaration,
    tags: Object.freeze({ ...declaration.tags }),
    buckets: Object.freeze([...declaration.buckets]),
  });
  return { declaration: frozen, problem };
}

function problemOf(
  name: unknown,
  options: DeclarationInput,
  declaration: MetricDeclaration,
): string | undefined {
  if (typeof name !== "string" || !NAME.test(name)) {
    return `name must be "/" then segments [a-z0-9_]+ joined by "/", got ${JSON.stringify(name)}`;
  }
  if (typeof options.description !== "string") return "description must be a string";
  if (typeof options.unit !== "string") return 'unit must be a UCUM string such as "1" or "ms"';
  if (options.owner !== undefined && typeof options.owner !== "string") {
    return "owner must be a string";
  }
  if (!STABILITIES.has(declaration.stability)) {
    return "stability must be stable, experimental or deprecated";
  }
  const tags = declaration.tags as unknown;
  if (typeof tags !== "object" || tags === null || Array.isArray(tags)) {
    return "tags must be an object of tag name to type";
  }
  for (const [tag, type] of Object.entries(tags)) {
    if (!TAG_NAME.test(tag)) return `tag name ${JSON.stringify(tag)} must match [a-z][a-z0-9_]*`;
    if (!TAG_TYPES.has(type)) return `tag ${tag} must have type string, int or bool`;
  }
  return bucketsProblem(declaration.buckets as unknown);
}

function bucketsProblem(buckets: unknown): string | undefined {
  if (!Array.isArray(buckets)) return "buckets must be an array of numbers";
  for (let i = 0; i < buckets.length; i++) {
    const bound = buckets[i];
    if (typeof bound !== "number" || !Number.isFinite(bound)) return "buckets must be finite";
    if (i > 0 && bound <= buckets[i - 1]) return "buckets must be strictly increasing";
  }
  return undefined;
}

/** @internal True when two declarations describe the same series (kind, tags, buckets). */
export function sameShape(a: MetricDeclaration, b: MetricDeclaration): boolean {
  const tagsA = Object.entries(a.tags);
  return (
    a.kind === b.kind &&
    tagsA.length === Object.keys(b.tags).length &&
    tagsA.every(([tag, type]) => b.tags[tag] === type) &&
    a.buckets.length === b.buckets.length &&
    a.buckets.every((bound, i) => bound === b.buckets[i])
  );
}
