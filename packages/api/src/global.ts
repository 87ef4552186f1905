import type { ContextManager } from "./context/types.js";
import type { DiagState } from "./diag.js";
import type { MetricsImplementation } from "./metrics/types.js";
import type { TextMapPropagator } from "./propagation/types.js";
import type { TracerImplementation } from "./trace/types.js";

/**
 * What an SDK registers with {@link registerImplementation}: the pieces the api delegates to.
 * Every member must never throw.
 */
export interface SondeImplementation {
  /** A label for diagnostics, e.g. `"@sonde/sdk"`. */
  readonly name: string;
  readonly contextManager: ContextManager;
  readonly propagator: TextMapPropagator;
  readonly tracing: TracerImplementation;
  readonly metrics: MetricsImplementation;
}

/** @internal The state shared by every compatible copy of @sonde/api in the process. */
export interface SondeGlobal {
  /** The version of the api copy that created this object. */
  readonly version: string;
  /** Incremented on every (un)registration; proxies re-resolve their delegate when it moves. */
  epoch: number;
  implementation: SondeImplementation | undefined;
  /** Declared metrics by name (kind, normalized declaration and the proxy handed out). */
  readonly metrics: Map<string, unknown>;
  readonly diag: DiagState;
}

/** The api version; copies with the same major version share one global (semver). */
export const API_VERSION = "0.1.0";

// Keyed by major version like @opentelemetry/api: any copy of the same major joins the same
// registration instead of silently falling back to noops.
const KEY = Symbol.for(`sonde.api.v${API_VERSION.split(".")[0]}`);

type GlobalHolder = { [KEY]?: SondeGlobal };

function create(): SondeGlobal {
  return {
    version: API_VERSION,
    epoch: 0,
    implementation: undefined,
    metrics: new Map(),
    diag: { listeners: new Set(), counts: new Map(), seen: new Set(), firsts: [] },
  };
}

const holder = globalThis as GlobalHolder;
holder[KEY] ??= create();

/** @internal The process-wide state, created by the first copy of the api loaded. */
export const sondeGlobal: SondeGlobal = holder[KEY];
