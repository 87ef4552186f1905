import type { TagType } from "./types.js";

/** Longest string tag value accepted; samples with longer ones are dropped (and counted). */
export const MAX_TAG_VALUE_LENGTH = 256;

/** Allowed values after validation: as reported, and for enums the member values accepted. */
export interface NormalizedValues {
  readonly values: readonly (string | number | boolean)[];
  readonly inputs?: readonly (string | number)[];
}

/** True when `value` is a valid tag value of `type` (strings at most 256 UTF-16 units). */
function isTagValue(type: TagType, value: unknown): boolean {
  if (type === "string") return typeof value === "string" && value.length <= MAX_TAG_VALUE_LENGTH;
  if (type === "int") return Number.isSafeInteger(value);
  return typeof value === "boolean";
}

/**
 * The members of a TypeScript enum object as [name, value] pairs, without the reverse
 * entries (`{ 1: "OPT_FOO" }`) TypeScript adds for numeric members.
 */
function enumMembers(object: Readonly<Record<string, unknown>>): [string, unknown][] {
  return Object.entries(object).filter(
    ([key, value]) => !(typeof value === "string" && String(object[value]) === key),
  );
}

/**
 * @internal Validates allowed values for `type`: a non-empty list of distinct values of that
 * type, or an enum object. Enums of `"string"` type report member names (seed: enums are best
 * reported as their names); enums of `"int"` type report member values. Returns the
 * normalized values, or the problem.
 */
export function normalizeValues(type: TagType, allowed: unknown): NormalizedValues | string {
  if (Array.isArray(allowed)) {
    if (allowed.length === 0) return "values must not be empty";
    if (!allowed.every((value) => isTagValue(type, value))) {
      return `values must all be ${type === "int" ? "safe integers" : type === "bool" ? "booleans" : "strings of at most 256 characters"}`;
    }
    if (new Set(allowed).size !== allowed.length) return "values must be distinct";
    return { values: Object.freeze([...allowed]) };
  }
  if (typeof allowed !== "object" || allowed === null || type === "bool") {
    return "values must be an array or, for string and int types, an enum object";
  }
  const members = enumMembers(allowed as Record<string, unknown>);
  if (members.length === 0) return "values must not be an empty enum";
  const inputs = members.map(([, value]) => value);
  if (!inputs.every((value) => typeof value === "string" || Number.isSafeInteger(value))) {
    return "enum members must be strings or safe integers";
  }
  if (new Set(inputs).size !== inputs.length) return "enum members must have distinct values";
  if (type === "int") {
    if (!inputs.every((value) => typeof value === "number")) return "int enums must be numeric";
    return { values: Object.freeze(inputs as number[]) };
  }
  return {
    values: Object.freeze(members.map(([name]) => name)),
    inputs: Object.freeze(inputs as (string | number)[]),
  };
}
