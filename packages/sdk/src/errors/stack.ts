/** One frame of a V8 stack trace, normalized for grouping. */
export interface StackFrame {
  /** The function as V8 names it, without `async `/`new ` and `[as …]`; `""` if anonymous. */
  function: string;
  /** The path or URL as printed (`file://` removed), `""` when unknown (`<anonymous>`). */
  file: string;
  line: number;
  column: number;
  /** The npm package the file is in (`pg`, `@acme/plugin`), `""` outside `node_modules`. */
  package: string;
  /** Not Node's own code (`node:`), not a dependency (`node_modules`), not native. */
  inApp: boolean;
}

// `    at [async ][new ]fn [as x] (file:line:col)` or `    at file:line:col`.
const FRAME = /^\s*at (?:(.+?) \((.*)\)|(.*))$/;
const LOCATION = /^(.*?)(?::(\d+))?(?::(\d+))?$/;
const PACKAGE = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/g;

function cleanFunction(name: string): string {
  return name
    .replace(/^async /, "")
    .replace(/^new /, "")
    .replace(/ \[as [^\]]*\]$/, "")
    .replace(/^Object\.<anonymous>$|^<anonymous>$/, "");
}

function packageOf(file: string): string {
  let name = "";
  for (const match of file.matchAll(PACKAGE)) name = match[1].replace(/\\/g, "/");
  return name;
}

/**
 * The frames of a V8 stack trace (`error.stack`), top first; lines that are not frames (the
 * message) are skipped. Eval frames are read as their outermost location. Never throws.
 */
export function parseStack(stack: string): StackFrame[] {
  const frames: StackFrame[] = [];
  for (const text of stack.split("\n")) {
    const match = FRAME.exec(text);
    if (match === null) continue;
    let where = match[2] ?? match[3] ?? "";
    // `eval at fn (file:1:2), <anonymous>:1:1`: keep the outer location.
    const evalAt = /\((.*?)\),/.exec(where);
    if (evalAt !== null) where = evalAt[1];
    const location = LOCATION.exec(where) ?? ["", where];
    let file = location[1] ?? "";
    if (file.startsWith("file://")) file = file.slice("file://".length);
    file = file.replace(/\?.*$/, "");
    if (file === "<anonymous>" || file === "native") file = "";
    const pkg = packageOf(file);
    frames.push({
      function: cleanFunction(match[1] ?? ""),
      file,
      line: Number(location[2] ?? 0),
      column: Number(location[3] ?? 0),
      package: pkg,
      inApp:
        file !== "" && pkg === "" && !file.startsWith("node:") && !file.startsWith("internal/"),
    });
  }
  return frames;
}

/**
 * `file` relative to `root` (an absolute directory) with `/` separators, when it is under it;
 * else the part from the last `node_modules/` on; else its last two path segments. Never throws.
 */
export function relativePath(file: string, root: string): string {
  const path = file.replace(/\\/g, "/");
  const base = root.replace(/\\/g, "/").replace(/\/$/, "");
  if (base !== "" && path.startsWith(`${base}/`)) return path.slice(base.length + 1);
  const modules = path.lastIndexOf("node_modules/");
  if (modules >= 0) return path.slice(modules);
  return path.split("/").slice(-2).join("/");
}
