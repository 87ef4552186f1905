import type {
  Exception,
  Link as OtelLink,
  SpanContext as OtelSpanContext,
  Span as OtelSpanInterface,
  SpanAttributes,
  SpanAttributeValue,
  SpanStatus,
  TimeInput,
} from "@opentelemetry/api";
import type { AttributeValue, Span } from "@sonde/api";
import {
  fromOtelAttributes,
  fromOtelLink,
  fromTimeInput,
  isTimeInput,
  toOtelSpanContext,
} from "./convert.js";

// OpenTelemetry's SpanStatusCode values.
const STATUS_OK = 1;
const STATUS_ERROR = 2;

/**
 * A Sonde span seen through OpenTelemetry's `Span` interface: what OpenTelemetry
 * instrumentations get from the bridge's tracers, and find as the active span when Sonde code
 * made a span active. Every call goes to the Sonde span; none throws.
 */
export class OtelSpan implements OtelSpanInterface {
  /** The Sonde span behind this view. */
  readonly sonde: Span;
  readonly #createTraceState: (raw: string) => unknown;
  #context: OtelSpanContext | undefined;

  constructor(sonde: Span, createTraceState: (raw: string) => unknown) {
    this.sonde = sonde;
    this.#createTraceState = createTraceState;
  }

  spanContext(): OtelSpanContext {
    this.#context ??= toOtelSpanContext(this.sonde.spanContext(), this.#createTraceState);
    return this.#context;
  }

  setAttribute(key: string, value: SpanAttributeValue): this {
    if (value !== undefined && value !== null)
      this.sonde.setAttribute(key, value as AttributeValue);
    return this;
  }

  setAttributes(attributes: SpanAttributes): this {
    const clean = fromOtelAttributes(attributes);
    if (clean !== undefined) this.sonde.setAttributes(clean);
    return this;
  }

  addEvent(
    name: string,
    attributesOrStartTime?: SpanAttributes | TimeInput,
    startTime?: TimeInput,
  ): this {
    if (isTimeInput(attributesOrStartTime)) {
      this.sonde.addEvent(name, undefined, fromTimeInput(attributesOrStartTime));
    } else {
      this.sonde.addEvent(
        name,
        fromOtelAttributes(attributesOrStartTime),
        fromTimeInput(startTime),
      );
    }
    return this;
  }

  addLink(link: OtelLink): this {
    const converted = fromOtelLink(link);
    if (converted !== undefined) this.sonde.addLink(converted);
    return this;
  }

  addLinks(links: OtelLink[]): this {
    if (Array.isArray(links)) for (const link of links) this.addLink(link);
    return this;
  }

  setStatus(status: SpanStatus): this {
    const code = status?.code;
    if (code === STATUS_ERROR) this.sonde.setStatus("error", status.message);
    else if (code === STATUS_OK) this.sonde.setStatus("ok");
    return this;
  }

  updateName(name: string): this {
    this.sonde.updateName(name);
    return this;
  }

  end(endTime?: TimeInput): void {
    this.sonde.end(fromTimeInput(endTime));
  }

  isRecording(): boolean {
    return this.sonde.isRecording();
  }

  recordException(exception: Exception, _time?: TimeInput): void {
    this.sonde.recordException(exception);
  }
}
