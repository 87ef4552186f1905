import type { SpanContext, SpanKind } from "@sonde/api";
import { alwaysOffSampler, alwaysOnSampler, type Sampler } from "./sampler.js";

/** The samplers {@link parentBasedSampler} delegates to, by kind of parent. */
export interface ParentBasedOptions {
  /** For spans without a parent (new traces). */
  root: Sampler;
  /** Parent from another process, sampled. Default {@link alwaysOnSampler}. */
  remoteParentSampled?: Sampler;
  /** Parent from another process, not sampled. Default {@link alwaysOffSampler}. */
  remoteParentNotSampled?: Sampler;
  /** Parent in this process, sampled. Default {@link alwaysOnSampler}. */
  localParentSampled?: Sampler;
  /** Parent in this process, not sampled. Default {@link alwaysOffSampler}. */
  localParentNotSampled?: Sampler;
}

/**
 * Follows the parent's decision, carried by the W3C `sampled` flag, and lets `root` decide
 * for new traces (OpenTelemetry `ParentBased`): one decision per trace, taken where it
 * starts, so that exported traces are complete across services. The SDK's default is
 * `parentBasedSampler({ root: alwaysOnSampler })`.
 *
 * @example
 * startSonde({ serviceName: "web", sampler: parentBasedSampler({ root: traceIdRatioSampler(0.01) }) });
 */
export function parentBasedSampler(options: ParentBasedOptions): Sampler {
  // JavaScript callers may pass nothing: every delegate then has its default.
  const given: Partial<ParentBasedOptions> = options ?? {};
  const root = given.root ?? alwaysOnSampler;
  const remoteSampled = given.remoteParentSampled ?? alwaysOnSampler;
  const remoteNotSampled = given.remoteParentNotSampled ?? alwaysOffSampler;
  const localSampled = given.localParentSampled ?? alwaysOnSampler;
  const localNotSampled = given.localParentNotSampled ?? alwaysOffSampler;
  return Object.freeze({
    description: `parentBased(root: ${root.description})`,
    shouldSample(
      traceId: string,
      parent: SpanContext | undefined,
      name: string,
      kind: SpanKind,
    ): boolean {
      if (parent === undefined) return root.shouldSample(traceId, parent, name, kind);
      const delegate = parent.remote
        ? parent.sampled
          ? remoteSampled
          : remoteNotSampled
        : parent.sampled
          ? localSampled
          : localNotSampled;
      // The usual delegates answer without being called.
      if (delegate === alwaysOnSampler) return true;
      if (delegate === alwaysOffSampler) return false;
      return delegate.shouldSample(traceId, parent, name, kind);
    },
  });
}
