import { hostname } from "node:os";
import type { Attributes } from "@sonde/protocol";
import { SDK_VERSION } from "./version.js";

/**
 * The resource attributes of this process (OpenTelemetry resource semantic conventions):
 * `process.pid` and `host.name`, then `extra` (which may override them), then `service.name`
 * and `telemetry.sdk.*` (which may not be overridden).
 */
export function buildResource(serviceName: string, extra: Attributes = {}): Attributes {
  return {
    "process.pid": process.pid,
    "host.name": hostname(),
    ...extra,
    "service.name": serviceName,
    "telemetry.sdk.name": "sonde",
    "telemetry.sdk.language": "nodejs",
    "telemetry.sdk.version": SDK_VERSION,
  };
}
