import type { SourceLocation } from "./types.js";

type V8ErrorConstructor = ErrorConstructor & {
  captureStackTrace?: (target: object, above?: (...args: never[]) => unknown) => void;
  stackTraceLimit?: number;
};

// `    at fn (file:///a/b.js:3:14)` or `    at file:///a/b.js:3:14`.
const FRAME = /^\s*at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/;

/** A `file://` URL as a path (`file:///C:/x` → `C:/x`); anything else unchanged. */
function toPath(file: string): string {
  if (!file.startsWith("file://")) return file;
  let path = file.slice("file://".length);
  try {
    path = decodeURIComponent(path);
  } catch {
    // Keep the encoded form.
  }
  return /^\/[A-Za-z]:\//.test(path) ? path.slice(1) : path;
}

/**
 * @internal The location of the call to `declaring` (a public declaration function), read
 * from a one-frame V8 stack trace: a few microseconds, paid once per declaration, never per
 * sample. Undefined on runtimes without `Error.captureStackTrace` or when the frame cannot be
 * parsed. With `node --enable-source-maps` the location is in the TypeScript source.
 */
export function captureSource(
  declaring: (...args: never[]) => unknown,
): SourceLocation | undefined {
  const V8Error = Error as V8ErrorConstructor;
  if (typeof V8Error.captureStackTrace !== "function") return undefined;
  const limit = V8Error.stackTraceLimit;
  const holder: { stack?: unknown } = {};
  try {
    V8Error.stackTraceLimit = 1;
    V8Error.captureStackTrace(holder, declaring);
    const stack = holder.stack;
    if (typeof stack !== "string") return undefined;
    const frame = stack.split("\n").find((line) => FRAME.test(line));
    const match = frame === undefined ? null : FRAME.exec(frame);
    if (match === null) return undefined;
    return Object.freeze({
      file: toPath(match[1]),
      line: Number(match[2]),
      column: Number(match[3]),
    });
  } catch {
    return undefined;
  } finally {
    V8Error.stackTraceLimit = limit;
  }
}
