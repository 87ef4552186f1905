import type {
  Attributes as ApiAttributes,
  ErrorsImplementation,
  Owned,
  Problem,
  ReportOptions,
} from "@sonde/api";
import { diag, logs, trace } from "@sonde/api";
import type { Attributes, ErrorRecord, ErrorSource, SpanRecord } from "@sonde/protocol";
import { BoundedQueue } from "../events/queue.js";
import { activeIds } from "../logs/correlation.js";
import { copyAttributes } from "../trace/attributes.js";
import { monotonicNow, toUnixNano } from "../trace/time.js";
import { culprit, fingerprint, frameKey } from "./fingerprint.js";
import { OwnershipRules } from "./owners.js";
import { parseStack } from "./stack.js";
import { messageTemplate } from "./template.js";

/** Options of {@link captureErrors}. */
export interface CaptureErrorsOptions {
  /**
   * Record uncaught exceptions, and unhandled rejections that Node turns into them (its
   * default), through `uncaughtExceptionMonitor`: Node's behaviour (print, exit 1) is left
   * unchanged. Default false.
   */
  uncaughtExceptions?: boolean;
  /**
   * Also listen to `unhandledRejection`, for processes run with
   * `--unhandled-rejections=warn` or `none`. Note that with a listener Node no longer exits on
   * unhandled rejections in its default mode, so this is off unless asked. Default false.
   */
  unhandledRejections?: boolean;
  /** Ownership rules, or the path of a CODEOWNERS-style file. Default `SONDE_OWNERS`. */
  owners?: OwnershipRules | string;
  /** The application root: paths are made relative to it. Default `process.cwd()`. */
  root?: string;
  /** Error records held for export at most (then dropped and counted). Default 1024. */
  maxQueueSize?: number;
}

const DEFAULT_QUEUE_SIZE = 1024;
const MAX_STACK = 16 * 1024;
const log = logs.getLogger("sonde.errors");

function read(object: unknown, key: string): unknown {
  if ((typeof object !== "object" && typeof object !== "function") || object === null) {
    return undefined;
  }
  try {
    return (object as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function text(value: unknown): string {
  try {
    return typeof value === "string" ? value : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function ownerOf(owner: string | Owned | undefined): string {
  if (typeof owner === "string") return owner;
  const declared = read(read(owner, "declaration"), "owner");
  return typeof declared === "string" ? declared : "";
}

/**
 * Error capture (issue 7): the {@link ErrorsImplementation} an SDK registers. Every error
 * becomes an {@link ErrorRecord} with its message template, fingerprint (type, culprit frame,
 * template — see `fingerprint`) and owner (ownership rules on the stack, else the owner given
 * with the report), queued for export. Never throws into the caller.
 */
export class ErrorCapture implements ErrorsImplementation {
  readonly queue: BoundedQueue<ErrorRecord>;
  readonly owners: OwnershipRules;
  readonly #root: string;
  #remove: () => void = () => {};

  constructor(options: CaptureErrorsOptions = {}) {
    this.#root = options.root ?? process.cwd();
    const owners = options.owners ?? process.env.SONDE_OWNERS;
    this.owners =
      owners instanceof OwnershipRules
        ? owners
        : typeof owners === "string" && owners !== ""
          ? OwnershipRules.load(owners, this.#root)
          : new OwnershipRules([], this.#root);
    const size = options.maxQueueSize;
    this.queue = new BoundedQueue(
      "errors",
      Number.isSafeInteger(size) && (size as number) > 0 ? (size as number) : DEFAULT_QUEUE_SIZE,
    );
  }

  /** Records a caught error on the active span and as an error record. */
  report(error: unknown, options: ReportOptions | undefined): void {
    trace.activeSpan()?.recordException(error);
    this.capture(error, "reported", ownerOf(options?.owner), copyAttributes(options?.attributes));
  }

  /** Records a problem that is not an exception, grouped by its type and message template. */
  reportProblem(problem: Problem): void {
    const type = text(read(problem, "type") ?? "Problem");
    const message = text(read(problem, "message") ?? "");
    const attributes = copyAttributes(read(problem, "attributes") as ApiAttributes | undefined);
    this.#push(type, message, "", "problem", ownerOf(read(problem, "owner") as string), attributes);
  }

  /**
   * Builds and queues the record of `error` (any thrown value). Returns it (undefined when
   * it could not be built, reported). Never throws.
   */
  capture(
    error: unknown,
    source: ErrorSource,
    owner = "",
    attributes?: Attributes,
    ids?: { traceId: string; spanId: string },
  ): ErrorRecord | undefined {
    const code = read(error, "code");
    const name = read(error, "name");
    const type = typeof name === "string" && name !== "" ? name : typeof error;
    const message = read(error, "message");
    const stack = read(error, "stack");
    return this.#push(
      typeof code === "string" && code !== "" ? `${type}:${code}` : type,
      typeof message === "string" ? message : text(error),
      typeof stack === "string" ? stack.slice(0, MAX_STACK) : "",
      source,
      owner,
      attributes,
      ids,
    );
  }

  /**
   * The errors recorded on finished spans (their `exception` events: `exception.type`,
   * `exception.message`, `exception.stacktrace`), queued with the span's ids. For the span
   * exporter's batch. Never throws.
   */
  fromSpans(spans: readonly SpanRecord[]): void {
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i];
      const events = span.events;
      if (events.length === 0) continue;
      for (const event of events) {
        if (event.name !== "exception") continue;
        const a = event.attributes;
        this.#push(
          text(a["exception.type"] ?? "Error"),
          text(a["exception.message"] ?? ""),
          text(a["exception.stacktrace"] ?? "").slice(0, MAX_STACK),
          "span",
          "",
          undefined,
          { traceId: span.traceId, spanId: span.spanId },
          event.timeUnixNano,
        );
      }
    }
  }

  /** Installs the handlers asked for in `options` (see {@link CaptureErrorsOptions}). */
  install(options: CaptureErrorsOptions): void {
    this.#remove();
    const onUncaught = (error: unknown, origin: string) => {
      const source = origin === "unhandledRejection" ? "unhandled_rejection" : "uncaught_exception";
      const record = this.capture(error, source);
      // The process is about to exit: a fatal line is written synchronously, if logging is on.
      log.fatal({ err: error, fingerprint: record?.fingerprint, owner: record?.owner }, source);
    };
    const onRejection = (reason: unknown) => {
      const record = this.capture(reason, "unhandled_rejection");
      log.error(
        { err: reason, fingerprint: record?.fingerprint, owner: record?.owner },
        "unhandled_rejection",
      );
    };
    if (options.uncaughtExceptions) process.on("uncaughtExceptionMonitor", onUncaught);
    if (options.unhandledRejections) process.on("unhandledRejection", onRejection);
    this.#remove = () => {
      process.off("uncaughtExceptionMonitor", onUncaught);
      process.off("unhandledRejection", onRejection);
    };
  }

  /** Removes the handlers. */
  uninstall(): void {
    this.#remove();
    this.#remove = () => {};
  }

  #push(
    type: string,
    message: string,
    stack: string,
    source: ErrorSource,
    declaredOwner: string,
    attributes: Attributes | undefined,
    ids = activeIds(),
    timeUnixNano = toUnixNano(monotonicNow()),
  ): ErrorRecord | undefined {
    try {
      const frames = parseStack(stack);
      const frame = culprit(frames);
      const template = messageTemplate(message);
      const record: ErrorRecord = {
        timeUnixNano,
        type,
        message,
        template,
        fingerprint: fingerprint(
          type,
          frame === undefined ? "" : frameKey(frame, this.#root),
          template,
        ),
        owner: this.owners.ownerOfStack(frames) || declaredOwner,
        stack,
        traceId: ids?.traceId ?? "",
        spanId: ids?.spanId ?? "",
        source,
        attributes: { ...attributes },
      };
      this.queue.push(record);
      return record;
    } catch (error) {
      diag.report({ code: "internal_error", message: "an error record could not be built", error });
      return undefined;
    }
  }
}

/**
 * Creates the SDK's error capture and installs the handlers asked for (none by default).
 * Register the result as the `errors` member of the SDK implementation so that
 * `errors.report` and `errors.reportProblem` reach it; exporters drain `capture.queue`.
 * Never throws.
 *
 * @example
 * const capture = captureErrors({ uncaughtExceptions: true, owners: "OWNERS" });
 */
export function captureErrors(options: CaptureErrorsOptions = {}): ErrorCapture {
  const capture = new ErrorCapture(options ?? {});
  capture.install(options ?? {});
  return capture;
}
