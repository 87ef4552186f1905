import { type NormalizedValues, normalizeValues } from "./allowed-values.js";
import { normalizeBucketer, sameBucketer } from "./bucketer.js";
import type {
  ConstantValue,
  MetricDeclaration,
  MetricKind,
  SourceLocation,
  Stability,
  TagSchema,
  TagSpec,
  TagType,
  ValueType,
} from "./types.js";

/** Longest string gauge or constant value kept; longer ones are truncated (and counted). */
export const MAX_STRING_VALUE_LENGTH = 4096;

const NAME = /^(\/[a-z0-9_]+)+$/;
const TAG_NAME = /^[a-z][a-z0-9_]*$/;
// UCUM codes are printable ASCII without spaces (UCUM §2.1); "" means "not given".
const UNIT = /^[\x21-\x7e]*$/;
const TAG_TYPES = new Set<unknown>(["string", "int", "bool"]);
const VALUE_TYPES = new Set<unknown>(["int", "double", "string", "bool"]);
const STABILITIES = new Set<unknown>(["stable", "experimental", "deprecated"]);
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** What a caller may pass, before validation (JavaScript callers are not type-checked). */
export interface DeclarationInput {
  description?: unknown;
  unit?: unknown;
  tags?: unknown;
  owner?: unknown;
  stability?: unknown;
  maxSeries?: unknown;
  valueType?: unknown;
  values?: unknown;
  value?: unknown;
  bucketer?: unknown;
  buckets?: unknown;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A reason the declaration is invalid (thrown internally, returned as `problem`). */
class Problem {
  constructor(readonly message: string) {}
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Problem(message);
}

function normalizeTags(tags: unknown): TagSchema {
  if (tags === undefined) return Object.freeze({});
  check(
    typeof tags === "object" && tags !== null && !Array.isArray(tags),
    "tags must be an object of tag name to type",
  );
  const schema: Record<string, TagType | TagSpec> = {};
  for (const [tag, spec] of Object.entries(tags as object)) {
    check(TAG_NAME.test(tag), `tag name ${JSON.stringify(tag)} must match [a-z][a-z0-9_]*`);
    if (typeof spec === "string") {
      check(TAG_TYPES.has(spec), `tag ${tag} must have type string, int or bool`);
      schema[tag] = spec as TagType;
      continue;
    }
    const { type, values } = (spec ?? {}) as { type?: unknown; values?: unknown };
    check(TAG_TYPES.has(type), `tag ${tag} must have type string, int or bool`);
    const normalized: Mutable<TagSpec> = { type: type as TagType };
    if (values !== undefined) Object.assign(normalized, allowed(type as TagType, values, tag));
    schema[tag] = Object.freeze(normalized);
  }
  return Object.freeze(schema);
}

function allowed(type: TagType, values: unknown, what: string): NormalizedValues {
  const normalized = normalizeValues(type, values);
  if (typeof normalized === "string") throw new Problem(`${what}: ${normalized}`);
  return normalized;
}

function inferValueType(value: unknown): ValueType {
  if (typeof value === "bigint") return "int";
  if (typeof value === "number") return Number.isInteger(value) ? "int" : "double";
  if (typeof value === "boolean") return "bool";
  return "string";
}

/** A constant's value in its canonical form (`bigint` for int), truncated strings flagged. */
function constantValue(type: ValueType, value: unknown): { value: ConstantValue; long: boolean } {
  if (type === "int") {
    check(
      typeof value === "bigint" || (typeof value === "number" && Number.isInteger(value)),
      "value must be an integer for valueType int",
    );
    const int = BigInt(value as bigint | number);
    check(int >= INT64_MIN && int <= INT64_MAX, "value must fit in int64");
    return { value: int, long: false };
  }
  if (type === "double") {
    check(typeof value === "number" && Number.isFinite(value), "value must be a finite number");
    return { value: (value as number) + 0, long: false };
  }
  if (type === "bool") {
    check(typeof value === "boolean", "value must be a boolean");
    return { value: value as boolean, long: false };
  }
  check(typeof value === "string", "value must be a string");
  const text = value as string;
  const long = text.length > MAX_STRING_VALUE_LENGTH;
  return { value: long ? text.slice(0, MAX_STRING_VALUE_LENGTH) : text, long };
}

function kindFields(
  kind: MetricKind,
  options: DeclarationInput,
  declaration: Mutable<MetricDeclaration>,
): void {
  if (kind === "counter") {
    declaration.valueType = "int";
  } else if (kind === "distribution") {
    declaration.valueType = "double";
    const bucketer = normalizeBucketer(options);
    check(typeof bucketer !== "string", bucketer as string);
    declaration.bucketer = bucketer as MetricDeclaration["bucketer"];
  } else if (kind === "gauge") {
    const type = options.valueType ?? "double";
    check(VALUE_TYPES.has(type), "valueType must be int, double, string or bool");
    declaration.valueType = type as ValueType;
    if (options.values !== undefined) {
      check(type === "string", "values are allowed on string gauges only");
      const { values, inputs } = allowed("string", options.values, "values");
      declaration.values = values as string[];
      if (inputs !== undefined) declaration.inputs = inputs;
    }
  } else {
    const type = options.valueType ?? inferValueType(options.value);
    check(VALUE_TYPES.has(type), "valueType must be int, double, string or bool");
    declaration.valueType = type as ValueType;
    declaration.value = constantValue(type as ValueType, options.value).value;
  }
}

/**
 * @internal Validates a declaration and applies defaults. Returns the frozen declaration, or
 * a best-effort unfrozen one and the reason it is invalid (naming the field). `long` is true
 * when a constant's string value was truncated. Never throws, whatever the input.
 */
export function normalizeDeclaration(
  kind: MetricKind,
  name: unknown,
  input: unknown,
  source: SourceLocation | undefined,
): { declaration: MetricDeclaration; problem: string | undefined; long: boolean } {
  const declaration: Mutable<MetricDeclaration> = {
    kind,
    valueType: kind === "counter" ? "int" : "double",
    name: typeof name === "string" ? name : safeString(name),
    description: "",
    unit: "",
    owner: "",
    stability: "experimental",
    tags: {},
  };
  if (source !== undefined) declaration.source = source;
  try {
    check(typeof input === "object" && input !== null, "options must be an object");
    const options = input as DeclarationInput;
    check(
      typeof name === "string" && NAME.test(name),
      `name must be "/" then segments [a-z0-9_]+ joined by "/", got ${safeString(name)}`,
    );
    check(typeof options.description === "string", "description must be a string");
    declaration.description = options.description as string;
    check(
      typeof options.unit === "string" && UNIT.test(options.unit),
      'unit must be a UCUM string such as "1", "ms" or "By"',
    );
    declaration.unit = options.unit as string;
    check(
      options.owner === undefined || typeof options.owner === "string",
      "owner must be a string",
    );
    declaration.owner = (options.owner as string | undefined) ?? "";
    const stability = options.stability ?? "experimental";
    check(STABILITIES.has(stability), "stability must be stable, experimental or deprecated");
    declaration.stability = stability as Stability;
    if (options.maxSeries !== undefined) {
      check(
        Number.isSafeInteger(options.maxSeries) && (options.maxSeries as number) > 0,
        "maxSeries must be a positive integer",
      );
      declaration.maxSeries = options.maxSeries as number;
    }
    if (kind !== "constant") declaration.tags = normalizeTags(options.tags);
    kindFields(kind, options, declaration);
    const long =
      kind === "constant" &&
      typeof options.value === "string" &&
      options.value.length > MAX_STRING_VALUE_LENGTH;
    return { declaration: Object.freeze(declaration), problem: undefined, long };
  } catch (error) {
    const problem = error instanceof Problem ? error.message : "options could not be read";
    return { declaration, problem, long: false };
  }
}

function sameValues(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function spec(type: TagType | TagSpec): TagSpec {
  return typeof type === "string" ? { type } : type;
}

function sameTags(a: TagSchema, b: TagSchema): boolean {
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  return names.every((name) => {
    if (b[name] === undefined) return false;
    const x = spec(a[name]);
    const y = spec(b[name]);
    return (
      x.type === y.type &&
      sameValues(x.values as unknown[] | undefined, y.values as unknown[] | undefined) &&
      sameValues(x.inputs, y.inputs)
    );
  });
}

/**
 * @internal True when two declarations describe the same data: kind, value type, unit, tags,
 * bucketer, allowed values, constant value and series limit. Description, owner, stability
 * and source may differ (the first declaration's are kept).
 */
export function sameShape(a: MetricDeclaration, b: MetricDeclaration): boolean {
  return (
    a.kind === b.kind &&
    a.valueType === b.valueType &&
    a.unit === b.unit &&
    a.value === b.value &&
    a.maxSeries === b.maxSeries &&
    sameValues(a.values, b.values) &&
    sameValues(a.inputs, b.inputs) &&
    sameTags(a.tags, b.tags) &&
    sameBucketer(a.bucketer, b.bucketer)
  );
}

/**
 * @internal `value` for a message: strings quoted, at most 100 characters, never throwing
 * (symbols, objects with a throwing `toString`).
 */
export function safeString(value: unknown): string {
  let text: string;
  try {
    text = typeof value === "string" ? JSON.stringify(value) : String(value);
  } catch {
    text = `(unprintable ${typeof value})`;
  }
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}
