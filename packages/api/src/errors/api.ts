import { diag } from "../diag.js";
import { sondeGlobal } from "../global.js";
import type { Problem, ReportOptions } from "./types.js";

function call(fn: (target: NonNullable<typeof sondeGlobal.implementation>) => void): void {
  const implementation = sondeGlobal.implementation;
  if (implementation?.errors === undefined) return;
  try {
    fn(implementation);
  } catch (error) {
    diag.report({ code: "internal_error", message: "error reporting failed", error });
  }
}

/**
 * Reports a caught error: it is recorded on the active span (an `exception` event) and sent,
 * with its fingerprint (type, normalized in-app stack frames, message template) and owner, to
 * the error log. Use it for errors that are handled but should be seen. A noop before an SDK
 * is installed; never throws.
 *
 * @example
 * try { await charge(order); } catch (err) {
 *   errors.report(err, { owner: chargeCount, attributes: { "order.id": order.id } });
 * }
 */
function report(error: unknown, options?: ReportOptions): void {
  call((implementation) => implementation.errors?.report(error, options));
}

/**
 * Reports a problem that is not an exception, grouped by `type` and the template of
 * `message`. A noop before an SDK is installed; never throws.
 *
 * @example
 * errors.reportProblem({
 *   type: "PaymentFallback", message: `provider ${name} timed out, used backup`,
 *   owner: "team-billing", attributes: { provider: name },
 * });
 */
function reportProblem(problem: Problem): void {
  call((implementation) => implementation.errors?.reportProblem(problem));
}

/** Error reporting (issue 7): `report(error, options?)` and `reportProblem(problem)`. */
export const errors = { report, reportProblem } as const;
