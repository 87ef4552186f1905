/**
 * A query or trace request the engine refuses: bad shape, bad value, unsupported dataset.
 * `path` names the offending field in the request JSON (`calculations[1].column`,
 * `time_range.end`, `trace_id`; empty for the whole body) and `message` starts with it,
 * so an HTTP layer can answer `400 { "error": err.message }` as is.
 */
export class QueryError extends Error {
  override readonly name = "QueryError";
  /** JSON path of the offending field, e.g. `filters[0].value`; `""` for the whole request. */
  readonly path: string;
  /** The message without the path, e.g. `P99 needs a numeric column`. */
  readonly detail: string;

  constructor(path: string, detail: string) {
    super(path === "" ? detail : `${path}: ${detail}`);
    this.path = path;
    this.detail = detail;
  }
}

/** Formats a zod-style path (`["calculations", 1, "column"]`) as `calculations[1].column`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}
