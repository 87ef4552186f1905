import { errorMessage } from "./errors.js";
import type { Span } from "./types.js";

function fail(span: Span, error: unknown): void {
  span.recordException(error);
  span.setStatus("error", errorMessage(error));
}

/** @internal True for promises and other thenables. */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

/**
 * @internal Runs `fn(span)` and ends the span when it returns or its promise settles, recording
 * a thrown or rejected exception (and error status) before rethrowing it unchanged.
 */
export function runAndEnd<R>(span: Span, fn: (span: Span) => R): R {
  let result: R;
  try {
    result = fn(span);
  } catch (error) {
    fail(span, error);
    span.end();
    throw error;
  }
  if (!isPromiseLike(result)) {
    span.end();
    return result;
  }
  return Promise.resolve(result).then(
    (value) => {
      span.end();
      return value;
    },
    (error: unknown) => {
      fail(span, error);
      span.end();
      throw error;
    },
  ) as R;
}
