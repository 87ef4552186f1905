import type { Attributes } from "../trace/types.js";

/** Anything declared with an owner: a metric or an event (`{ declaration: { owner } }`). */
export interface Owned {
  readonly declaration: { readonly owner: string };
}

/** Options of {@link errors.report}. */
export interface ReportOptions {
  /**
   * The owner when no ownership rule matches the error's top in-app frame: a team name, or a
   * metric or event whose declared `owner` is used.
   */
  owner?: string | Owned;
  /** Extra attributes of this occurrence, e.g. `{ "order.id": id }`. */
  attributes?: Attributes;
}

/**
 * A problem that is not an exception (a retry budget spent, a fallback used, a response that
 * will not parse), reported with {@link errors.reportProblem}.
 */
export interface Problem {
  /** A short stable name of the kind of problem, e.g. `"PaymentFallback"`; grouped by it. */
  type: string;
  /** What happened; numbers, ids and quoted values in it are ignored when grouping. */
  message: string;
  attributes?: Attributes;
  /** As {@link ReportOptions.owner}. */
  owner?: string | Owned;
}

/** What an SDK implements for error reporting; arguments are unvalidated caller input. */
export interface ErrorsImplementation {
  report(error: unknown, options: ReportOptions | undefined): void;
  reportProblem(problem: Problem): void;
}

// Until this member moves into ../global.ts: an SDK without it leaves reports as noops.
declare module "../global.js" {
  interface SondeImplementation {
    /** Error reporting (optional: without it reports are noops). */
    readonly errors?: ErrorsImplementation;
  }
}
