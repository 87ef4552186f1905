import type { SpanContext, SpanKind } from "@sonde/api";
import { alwaysOffSampler, alwaysOnSampler, type Sampler } from "./sampler.js";

// Samplers that sample a span with a parent in this process exactly when the parent is sampled.
const FOLLOWS_LOCAL_PARENT = new WeakSet<Sampler>();

/**
 * True when `sampler` decides for a span whose parent is in this process by the parent's
 * `sampled` flag alone (a {@link parentBasedSampler} with the default local delegates): the
 * SDK then takes that decision itself, without building the parent's span context (and
 * drawing an unsampled parent's span id) only to hand it to the sampler.
 */
export function followsLocalParent(sampler: Sampler): boolean {
  return FOLLOWS_LOCAL_PARENT.has(sampler);
}

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
  const sampler: Sampler = Object.freeze({
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
  if (localSampled === alwaysOnSampler && localNotSampled === alwaysOffSampler) {
    FOLLOWS_LOCAL_PARENT.add(sampler);
  }
  return sampler;
}
