import assert from "node:assert/strict";
import { test } from "node:test";
import { negotiateFormat } from "./negotiate.js";

test("Accept negotiation picks OpenMetrics only when asked for at least as much as text", () => {
  const cases: [string | undefined, string][] = [
    // Prometheus 2.42's scrape header.
    [
      "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
      "openmetrics",
    ],
    ["application/openmetrics-text", "openmetrics"],
    ['application/openmetrics-text; version="1.0.0"; charset=utf-8', "openmetrics"],
    ["Application/OpenMetrics-Text;Version=0.0.1", "openmetrics"],
    ["application/openmetrics-text;version=2.0.0", "prometheus"],
    ["application/openmetrics-text;q=0.1, text/plain", "prometheus"],
    ["text/plain;q=0.2, application/openmetrics-text;q=0.2", "openmetrics"],
    ["application/openmetrics-text;q=0", "prometheus"],
    ["text/plain;version=0.0.4", "prometheus"],
    ["text/html,application/xhtml+xml,*/*;q=0.8", "prometheus"],
    ["application/json", "prometheus"],
    ["", "prometheus"],
    [";;;,,q=", "prometheus"],
    [undefined, "prometheus"],
  ];
  for (const [accept, format] of cases) assert.equal(negotiateFormat(accept), format, accept);
});
