import type { ExpositionFormat } from "./writer.js";

/**
 * Picks the exposition format for an HTTP `Accept` header (RFC 9110 content negotiation):
 * OpenMetrics when `application/openmetrics-text` (version 1.0.0, 0.0.1 or none) is accepted
 * with a quality at least that of `text/plain` (version 0.0.4 or none), `text/*` and `*\/*`;
 * otherwise the Prometheus text format 0.0.4, which is also the answer to no or an unknown
 * header. Prometheus 2.x asks for OpenMetrics first. Never throws.
 */
export function negotiateFormat(accept: string | undefined): ExpositionFormat {
  if (typeof accept !== "string") return "prometheus";
  let openMetrics = 0;
  let text = 0;
  for (const range of accept.split(",")) {
    const [type, ...parameters] = range.split(";").map((part) => part.trim().toLowerCase());
    let quality = 1;
    let version: string | undefined;
    for (const parameter of parameters) {
      const [key, value = ""] = parameter.split("=").map((part) => part.trim());
      if (key === "q") quality = Number(value) || 0;
      if (key === "version") version = value.replace(/^"|"$/g, "");
    }
    if (type === "application/openmetrics-text") {
      if (version === undefined || version === "1.0.0" || version === "0.0.1") {
        openMetrics = Math.max(openMetrics, quality);
      }
    } else if (
      type === "text/plain"
        ? version === undefined || version === "0.0.4"
        : type === "text/*" || type === "*/*"
    ) {
      text = Math.max(text, quality);
    }
  }
  return openMetrics > 0 && openMetrics >= text ? "openmetrics" : "prometheus";
}
