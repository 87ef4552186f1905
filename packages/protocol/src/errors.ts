/**
 * Sonde's error records (issue 7): exceptions and problems that are not exceptions, grouped by
 * a fingerprint computed in the reporting process. Times are integer nanoseconds since the
 * UNIX epoch as `bigint`, as in ./model.ts.
 */
import type { Attributes } from "./model.js";

/** How an error reached Sonde. */
export type ErrorSource =
  | "uncaught_exception"
  | "unhandled_rejection"
  | "span"
  | "reported"
  | "problem";

/** One captured error or reported problem. */
export interface ErrorRecord {
  timeUnixNano: bigint;
  /** The error's class name (`TypeError`) or string `code`, or a problem's declared type. */
  type: string;
  message: string;
  /** The message with variable parts replaced by placeholders (`<num>`, `<id>`, `<str>`, …). */
  template: string;
  /** 16 hex characters: equal for the same bug, different for different bugs. */
  fingerprint: string;
  /** From the ownership rules or the declared owner; `""` when unknown. */
  owner: string;
  /** The stack trace as the runtime printed it, `""` for problems without one. */
  stack: string;
  /** 32 hex characters, `""` outside a span. */
  traceId: string;
  /** 16 hex characters, `""` outside a span. */
  spanId: string;
  source: ErrorSource;
  attributes: Attributes;
}
