import { diag } from "../diag.js";
import { sondeGlobal } from "../global.js";
import { captureSource } from "../metrics/source.js";
import { normalizeEvent, sameEventShape } from "./declaration.js";
import type {
  EventDeclaration,
  EventImplementation,
  EventOptions,
  FieldSchema,
  SondeEvent,
} from "./types.js";

const state = sondeGlobal;
const NOOP_EVENT: EventImplementation = { record() {} };

/**
 * @internal An event that records into whichever SDK is registered (noop before), re-resolving
 * its target when the registration epoch moves, as the metric proxies do (../metrics/proxy.ts).
 */
class ProxyEvent {
  readonly declaration: EventDeclaration;
  #epoch = -1;
  #target = NOOP_EVENT;

  constructor(declaration: EventDeclaration) {
    this.declaration = declaration;
  }

  record(fields?: unknown): void {
    if (this.#epoch !== state.epoch) this.#resolve();
    this.#target.record(fields);
  }

  #resolve(): void {
    this.#epoch = state.epoch;
    const events = state.implementation?.events;
    if (events === undefined) {
      this.#target = NOOP_EVENT;
      return;
    }
    try {
      this.#target = events.event(this.declaration);
    } catch (error) {
      diag.report({ code: "internal_error", message: "event recorder creation failed", error });
      this.#target = NOOP_EVENT;
    }
  }
}

/**
 * Declares an event: a rare, interesting happening (a config change, a failover, a 5xx
 * answer) that is kept in a searchable event log and drawn on charts. `name` is a path like a
 * metric's (`/` then segments `[a-z0-9_]+`); `fields` declares each field's type, and
 * TypeScript checks `record`'s fields against it (every declared field, no others).
 *
 * Declaring the same name again with the same severity and fields returns the same event.
 * Never throws: an invalid declaration (`invalid_event_declaration`) or one conflicting with
 * an earlier one (`event_conflict`) is reported through `diag` and gets an event that never
 * records. Works before an SDK is installed (a noop) and records once one is.
 *
 * @example
 * const configChanged = events.declare("/config/changed", {
 *   description: "A configuration key changed value.", severity: "notice", owner: "team-platform",
 *   fields: { key: "string", old: "string", new: "string" },
 * });
 * configChanged.record({ key: "pool_size", old: "10", new: "20" });
 */
function declare<const F extends FieldSchema = Record<never, never>>(
  name: string,
  options: EventOptions<F>,
): SondeEvent<F> {
  const { declaration, problem } = normalizeEvent(name, options, captureSource(declare));
  if (problem !== undefined) {
    diag.report({
      code: "invalid_event_declaration",
      message: `event ${declaration.name}: ${problem}; it will not record`,
      key: declaration.name,
    });
    return { declaration, record() {} } as SondeEvent<F>;
  }
  state.events ??= new Map();
  const existing = state.events.get(declaration.name);
  if (existing === undefined) {
    const event = new ProxyEvent(declaration) as unknown as SondeEvent<F>;
    state.events.set(declaration.name, event as unknown as SondeEvent<FieldSchema>);
    return event;
  }
  if (sameEventShape(existing.declaration, declaration)) return existing as SondeEvent<F>;
  diag.report({
    code: "event_conflict",
    message: `event ${declaration.name} is already declared with another severity or fields; the first declaration is kept and this one will not record`,
    key: declaration.name,
  });
  return { declaration, record() {} } as SondeEvent<F>;
}

/** Every valid event declared so far in this process, in declaration order. */
function declarations(): EventDeclaration[] {
  return [...(state.events?.values() ?? [])].map((event) => event.declaration);
}

/**
 * Event declarations (issue 7): `declare(name, options)` and `declarations()`. Nothing here
 * throws; problems are reported through `diag`.
 */
export const events = { declare, declarations } as const;
