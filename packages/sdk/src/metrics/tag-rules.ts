import {
  MAX_TAG_VALUE_LENGTH,
  type MetricDeclaration,
  type TagSpec,
  type TagType,
} from "@sonde/api";

/** A tag's reported value, or {@link INVALID}. */
export type Reported = string | number | boolean | typeof INVALID;

/** Marks a tag value that does not match its declaration. */
export const INVALID: unique symbol = Symbol("invalid");

/** How one declared tag checks a value and turns it into the value reported. */
export interface TagRule {
  readonly name: string;
  report(value: unknown): Reported;
}

function typed(type: TagType): (value: unknown) => Reported {
  if (type === "string") {
    return (value) =>
      typeof value === "string" && value.length <= MAX_TAG_VALUE_LENGTH ? value : INVALID;
  }
  // `+ 0` turns -0 into 0, so that both name the same series.
  if (type === "int")
    return (value) => (Number.isSafeInteger(value) ? (value as number) + 0 : INVALID);
  return (value) => (typeof value === "boolean" ? value : INVALID);
}

function rule(name: string, declared: TagType | TagSpec): TagRule {
  const spec = typeof declared === "string" ? { type: declared } : declared;
  if (spec.values === undefined) return { name, report: typed(spec.type) };
  const values = spec.values as readonly (string | number | boolean)[];
  const inputs = spec.inputs ?? values;
  const reported = new Map<unknown, string | number | boolean>(
    inputs.map((input, i) => [input, values[i]]),
  );
  return { name, report: (value) => reported.get(value) ?? INVALID };
}

/** The rules of every tag `declaration` declares, in declaration order. */
export function tagRules(declaration: MetricDeclaration): TagRule[] {
  return Object.entries(declaration.tags).map(([name, declared]) => rule(name, declared));
}
