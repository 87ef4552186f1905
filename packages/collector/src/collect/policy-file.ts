import { readFileSync, watch } from "node:fs";
import { DEFAULT_POLICY, type Policy } from "@sonde/protocol/collect";
import { parse } from "yaml";
import { z } from "zod";

/**
 * The collection policy as a YAML file (seed "SRE School: Instrumentation", "Collection
 * Policies"). Either the seed's form, a list of metric rules:
 *
 * ```yaml
 * - prefix: "/build/"
 *   interval: {seconds: 600}
 * - name: "/net/rpc/client/response_latency"
 *   interval: {seconds: 5}
 * ```
 *
 * or a mapping with `metrics` (that list), `spans`, `events` and `logs`
 * (`{ enabled: bool, sampling: 0..1, interval }`) and `max_batch_bytes`. An interval is
 * `{seconds|milliseconds|minutes: n}` (several add up), a number of seconds, or text such as
 * `"500ms"`, `"5s"`, `"10m"`, `"1h"`; 0 means "do not push".
 */

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

const interval = z.union([
  z
    .number()
    .nonnegative()
    .transform((s) => Math.round(s * 1000)),
  z
    .string()
    .regex(/^\d+(\.\d+)?(ms|s|m|h)$/, 'a duration such as "500ms", "5s", "10m" or "1h"')
    .transform((text) => {
      const [, n, unit] = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text) as RegExpExecArray;
      return Math.round(Number(n) * DURATION_UNITS[unit]);
    }),
  z
    .object({
      milliseconds: z.number().nonnegative().optional(),
      seconds: z.number().nonnegative().optional(),
      minutes: z.number().nonnegative().optional(),
    })
    .strict()
    .transform((o) =>
      Math.round((o.milliseconds ?? 0) + (o.seconds ?? 0) * 1000 + (o.minutes ?? 0) * 60_000),
    ),
]);

const metricRule = z
  .object({
    name: z.string().startsWith("/").optional(),
    prefix: z.string().startsWith("/").optional(),
    interval,
  })
  .strict()
  .refine((r) => (r.name === undefined) !== (r.prefix === undefined), {
    message: "a rule has either `name` or `prefix`",
  });

const signalRule = z
  .object({
    enabled: z.boolean().default(true),
    sampling: z.number().min(0).max(1).default(1),
    interval: interval.optional(),
  })
  .strict();

const policyFile = z.union([
  z.array(metricRule),
  z
    .object({
      metrics: z.array(metricRule).default([]),
      spans: signalRule.optional(),
      events: signalRule.optional(),
      logs: signalRule.optional(),
      max_batch_bytes: z.number().int().positive().optional(),
    })
    .strict(),
]);

/** A policy file that does not parse or validate; `message` names the place. */
export class PolicyFileError extends Error {
  override name = "PolicyFileError";
}

function signal(rule: z.infer<typeof signalRule> | undefined) {
  if (rule === undefined) return { enabled: true, sampling: 1 };
  return { enabled: rule.enabled, sampling: rule.sampling, intervalMs: rule.interval ?? 0 };
}

/**
 * Parses policy YAML into the protocol's `Policy` (with `version` set by the caller).
 * @throws {PolicyFileError} naming the path of the first problem, e.g. `[1].interval: …`.
 */
export function parsePolicy(text: string): Policy {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new PolicyFileError(`not YAML: ${(error as Error).message}`);
  }
  const parsed = policyFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`));
    throw new PolicyFileError(`${path.join("").replace(/^\./, "") || "policy"}: ${issue.message}`);
  }
  const file = Array.isArray(parsed.data) ? { metrics: parsed.data } : parsed.data;
  const rules = file.metrics.map((r) =>
    r.name !== undefined
      ? { name: r.name, intervalMs: r.interval }
      : { prefix: r.prefix, intervalMs: r.interval },
  );
  const policy: Policy = {
    metrics: rules,
    spans: signal("spans" in file ? file.spans : undefined),
    events: signal("events" in file ? file.events : undefined),
    logs: signal("logs" in file ? file.logs : undefined),
  };
  if ("max_batch_bytes" in file && file.max_batch_bytes)
    policy.maxBatchBytes = file.max_batch_bytes;
  return policy;
}

/**
 * The policy in force: from `path` when given (re-read when the file changes; a file that
 * stops validating keeps the previous policy and is reported through `onError`), else
 * {@link DEFAULT_POLICY}. `onChange` receives each new policy; versions count up from 1.
 * @throws {PolicyFileError} when the file cannot be read or parsed at start.
 */
export class PolicySource {
  #policy: Policy;
  #version = 1;
  readonly #close: () => void;

  constructor(
    path: string | undefined,
    onChange: (policy: Policy) => void,
    onError: (error: Error) => void,
  ) {
    if (path === undefined) {
      this.#policy = { ...DEFAULT_POLICY, version: this.#version };
      this.#close = () => {};
      return;
    }
    this.#policy = { ...read(path), version: this.#version };
    let debounce: NodeJS.Timeout | undefined;
    const watcher = watch(path, () => {
      clearTimeout(debounce);
      debounce = setTimeout(() => {
        try {
          this.#policy = { ...read(path), version: ++this.#version };
          onChange(this.#policy);
        } catch (error) {
          onError(error as Error);
        }
      }, 50);
    });
    watcher.on("error", onError);
    this.#close = () => {
      clearTimeout(debounce);
      watcher.close();
    };
  }

  /** The current policy. */
  get policy(): Policy {
    return this.#policy;
  }

  /** Stops watching the file. */
  close(): void {
    this.#close();
  }
}

function read(path: string): Policy {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new PolicyFileError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return parsePolicy(text);
  } catch (error) {
    throw new PolicyFileError(`${path}: ${(error as Error).message}`);
  }
}
