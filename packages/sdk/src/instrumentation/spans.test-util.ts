import type { SpanRecord } from "@sonde/protocol";
import type { InMemoryExporter } from "../export/memory.js";
import type { SondeHandle } from "../start.js";

/**
 * Test helper: flushes until `count` spans (of `scopes`, default all) were exported, or 3 s
 * passed, and returns them. Server spans end on `close`, which can come after the client saw
 * the response, hence the polling.
 */
export async function exportedSpans(
  sonde: SondeHandle,
  exporter: InMemoryExporter,
  count: number,
  scopes?: string[],
): Promise<SpanRecord[]> {
  const deadline = Date.now() + 3000;
  for (;;) {
    await sonde.forceFlush();
    const spans = exporter.spanBatches
      .filter((batch) => scopes === undefined || scopes.includes(batch.scope.name))
      .flatMap((batch) => batch.spans);
    if (spans.length >= count || Date.now() > deadline) return spans;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The one span of `kind` among `spans`; throws when there is not exactly one. */
export function onlyOfKind(spans: SpanRecord[], kind: SpanRecord["kind"]): SpanRecord {
  const matching = spans.filter((span) => span.kind === kind);
  if (matching.length !== 1) {
    throw new Error(`expected one ${kind} span, got ${matching.length}: ${JSON.stringify(spans)}`);
  }
  return matching[0];
}
