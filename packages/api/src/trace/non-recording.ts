import type {
  Attributes,
  AttributeValue,
  Link,
  Span,
  SpanContext,
  SpanStatusCode,
} from "./types.js";

/** The context of spans that do not exist: all-zero ids, not sampled. */
export const INVALID_SPAN_CONTEXT: SpanContext = Object.freeze({
  traceId: "00000000000000000000000000000000",
  spanId: "0000000000000000",
  sampled: false,
  remote: false,
  traceState: "",
});

/** A span that records nothing but carries a context (noop, unsampled and remote parents). */
export class NonRecordingSpan implements Span {
  readonly #context: SpanContext;

  constructor(spanContext: SpanContext = INVALID_SPAN_CONTEXT) {
    this.#context = spanContext;
  }

  spanContext(): SpanContext {
    return this.#context;
  }
  isRecording(): boolean {
    return false;
  }
  setAttribute(_key: string, _value: AttributeValue): this {
    return this;
  }
  setAttributes(_attributes: Attributes): this {
    return this;
  }
  addEvent(_name: string, _attributes?: Attributes, _timeUnixNano?: bigint): this {
    return this;
  }
  setStatus(_code: SpanStatusCode, _message?: string): this {
    return this;
  }
  recordException(_error: unknown, _attributes?: Attributes): this {
    return this;
  }
  addLink(_link: Link): this {
    return this;
  }
  updateName(_name: string): this {
    return this;
  }
  end(_endTimeUnixNano?: bigint): void {}
}

const HEX32 = /^[0-9a-f]{32}$/;
const HEX16 = /^[0-9a-f]{16}$/;

/** True when both ids are lower-case hex of the right length and not all zero (W3C). */
export function isValidSpanContext(spanContext: SpanContext): boolean {
  return (
    HEX32.test(spanContext.traceId) &&
    HEX16.test(spanContext.spanId) &&
    spanContext.traceId !== INVALID_SPAN_CONTEXT.traceId &&
    spanContext.spanId !== INVALID_SPAN_CONTEXT.spanId
  );
}
