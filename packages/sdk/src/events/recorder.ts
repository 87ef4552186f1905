import {
  diag,
  type EventDeclaration,
  type EventImplementation,
  type EventsImplementation,
  MAX_FIELD_LENGTH,
} from "@sonde/api";
import type { EventFieldValue, EventRecord } from "@sonde/protocol";
import { activeIds } from "../logs/correlation.js";
import { monotonicNow, toUnixNano } from "../trace/time.js";
import { BoundedQueue } from "./queue.js";

/** Events held for export at most by default (then dropped and counted). */
export const DEFAULT_EVENT_QUEUE_SIZE = 4096;

function invalid(declaration: EventDeclaration, problem: string): void {
  diag.report({
    code: "invalid_event",
    message: `event ${declaration.name} dropped: ${problem}`,
    key: declaration.name,
  });
}

function valid(type: string, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "int":
      return Number.isSafeInteger(value);
    case "double":
      return typeof value === "number" && Number.isFinite(value);
    default:
      return typeof value === "boolean";
  }
}

/** Records one declared event into the queue. */
class EventSink implements EventImplementation {
  readonly #declaration: EventDeclaration;
  readonly #names: string[];
  readonly #types: string[];
  readonly #queue: BoundedQueue<EventRecord>;

  constructor(declaration: EventDeclaration, queue: BoundedQueue<EventRecord>) {
    this.#declaration = declaration;
    this.#names = Object.keys(declaration.fields);
    this.#types = this.#names.map((name) => declaration.fields[name]);
    this.#queue = queue;
  }

  record(input: unknown): void {
    try {
      const fields = this.#fields(input);
      if (fields === undefined) return;
      const ids = activeIds();
      const declaration = this.#declaration;
      this.#queue.push({
        name: declaration.name,
        timeUnixNano: toUnixNano(monotonicNow()),
        severity: declaration.severity,
        owner: declaration.owner,
        fields,
        traceId: ids === undefined ? "" : ids.traceId,
        spanId: ids === undefined ? "" : ids.spanId,
        declaration: declaration as EventRecord["declaration"],
      });
    } catch (error) {
      // A throwing getter or proxy in the fields.
      invalid(this.#declaration, `its fields could not be read (${String(error)})`);
    }
  }

  /** A copy of the fields, or undefined (reported) when they do not match the declaration. */
  #fields(input: unknown): Record<string, EventFieldValue> | undefined {
    const names = this.#names;
    const fields: Record<string, EventFieldValue> = {};
    if (input === undefined || input === null) {
      if (names.length === 0) return fields;
      invalid(this.#declaration, "fields missing");
      return undefined;
    }
    if (typeof input !== "object") {
      invalid(this.#declaration, "fields must be an object");
      return undefined;
    }
    const values = input as Record<string, unknown>;
    for (let i = 0; i < names.length; i++) {
      const value = values[names[i]];
      if (!valid(this.#types[i], value)) {
        invalid(this.#declaration, `field ${names[i]} must be of type ${this.#types[i]}`);
        return undefined;
      }
      fields[names[i]] =
        typeof value === "string" && value.length > MAX_FIELD_LENGTH
          ? value.slice(0, MAX_FIELD_LENGTH)
          : (value as EventFieldValue);
    }
    let count = 0;
    for (const key in values) if (Object.hasOwn(values, key)) count++;
    if (count !== names.length) {
      invalid(this.#declaration, "it has fields that are not declared");
      return undefined;
    }
    return fields;
  }
}

/**
 * The SDK's events (issue 7): the {@link EventsImplementation} an SDK registers, recording
 * each valid occurrence as an {@link EventRecord} (time, declared severity and owner, fields,
 * active trace and span ids) into `queue`, from which exporters take batches. Invalid fields
 * drop the occurrence (reported as `invalid_event`); a full queue drops and counts.
 */
export class EventRecorder implements EventsImplementation {
  readonly queue: BoundedQueue<EventRecord>;

  constructor(options: { maxQueueSize?: number } = {}) {
    const size = options.maxQueueSize;
    this.queue = new BoundedQueue(
      "events",
      Number.isSafeInteger(size) && (size as number) > 0
        ? (size as number)
        : DEFAULT_EVENT_QUEUE_SIZE,
    );
  }

  event(declaration: EventDeclaration): EventImplementation {
    return new EventSink(declaration, this.queue);
  }
}
