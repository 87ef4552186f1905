import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { QueryError } from "./errors.js";
import { parseQuery } from "./spec.js";

const RANGE = { start: "2026-01-01T00:00:00Z", end: "2026-01-01T01:00:00Z" };
const base = { dataset: "spans", time_range: RANGE };

/** Each bad request with the path its error must name and a word the message must contain. */
const BAD: [string, unknown, string, string][] = [
  ["not an object", null, "", "expected object"],
  [
    "CONCURRENCY over logs",
    { ...base, dataset: "logs", calculations: [{ op: "CONCURRENCY" }] },
    "calculations[0].op",
    "needs spans",
  ],
  [
    "a numeric op on a string column of events",
    { ...base, dataset: "events", calculations: [{ op: "AVG", column: "severity" }] },
    "calculations[0].column",
    "severity is a string column",
  ],
  [
    "a string value for a number column of logs",
    { ...base, dataset: "logs", filters: [{ column: "severity_number", op: ">", value: "x" }] },
    "filters[0].value",
    "number column",
  ],
  ["an unknown dataset", { ...base, dataset: "foo" }, "dataset", "unknown dataset"],
  ["no dataset", { time_range: RANGE }, "dataset", "required"],
  ["a non-string dataset", { ...base, dataset: 5 }, "dataset", "must be one of"],
  ["an unknown key", { ...base, filter: [] }, "filter", "unknown key"],
  ["no time range", { dataset: "spans" }, "time_range", "required"],
  ["no end", { ...base, time_range: { start: RANGE.start } }, "time_range.end", "required"],
  [
    "a date without time",
    { ...base, time_range: { ...RANGE, start: "2026-01-01" } },
    "time_range.start",
    "ISO-8601",
  ],
  [
    "a time without zone",
    { ...base, time_range: { ...RANGE, end: "2026-01-01T02:00:00" } },
    "time_range.end",
    "zone",
  ],
  [
    "a reversed range",
    { ...base, time_range: { start: RANGE.end, end: RANGE.start } },
    "time_range.end",
    "after",
  ],
  [
    "an empty range",
    { ...base, time_range: { start: RANGE.start, end: RANGE.start } },
    "time_range.end",
    "after",
  ],
  ["a bad duration", { ...base, time_range: { last: "15x" } }, "time_range.last", "duration"],
  ["a negative duration", { ...base, time_range: { last: -5 } }, "time_range.last", "seconds"],
  ["a boolean duration", { ...base, time_range: { last: true } }, "time_range.last", "duration"],
  [
    "last with start",
    { ...base, time_range: { last: "15m", start: RANGE.start } },
    "time_range",
    "either",
  ],
  [
    "a key in time_range",
    { ...base, time_range: { last: "1h", step: 5 } },
    "time_range.step",
    "unknown key",
  ],
  [
    "an unknown op",
    { ...base, calculations: [{ op: "COUNT" }, { op: "P42", column: "duration_ms" }] },
    "calculations[1].op",
    "one of",
  ],
  [
    "P99 without column",
    { ...base, calculations: [{ op: "COUNT" }, { op: "P99" }] },
    "calculations[1].column",
    "P99 needs a column",
  ],
  [
    "P99 of a string column",
    { ...base, calculations: [{ op: "COUNT" }, { op: "P99", column: "service.name" }] },
    "calculations[1].column",
    "P99 needs a numeric column",
  ],
  [
    "SUM of the timestamp",
    { ...base, calculations: [{ op: "SUM", column: "timestamp" }] },
    "calculations[0].column",
    "numeric",
  ],
  [
    "COUNT with a column",
    { ...base, calculations: [{ op: "COUNT", column: "duration_ms" }] },
    "calculations[0].column",
    "no column",
  ],
  [
    "a duplicate calculation",
    {
      ...base,
      calculations: [
        { op: "MAX", column: "x" },
        { op: "MAX", column: "x" },
      ],
    },
    "calculations[1]",
    "duplicate",
  ],
  [
    "a key in a calculation",
    { ...base, calculations: [{ op: "COUNT", alias: "n" }] },
    "calculations[0].alias",
    "unknown key",
  ],
  [
    "an unknown filter op",
    { ...base, filters: [{ column: "name", op: "like", value: "a" }] },
    "filters[0].op",
    "one of",
  ],
  [
    "exists with a value",
    { ...base, filters: [{ column: "a", op: "exists", value: 1 }] },
    "filters[0].value",
    "no value",
  ],
  [
    "= without a value",
    { ...base, filters: [{ column: "a", op: "=" }] },
    "filters[0].value",
    "needs a value",
  ],
  [
    "in with a scalar",
    { ...base, filters: [{ column: "a", op: "in", value: "x" }] },
    "filters[0].value",
    "list",
  ],
  [
    "in with nothing",
    { ...base, filters: [{ column: "a", op: "in", value: [] }] },
    "filters[0].value",
    "non-empty",
  ],
  [
    "in with mixed types",
    { ...base, filters: [{ column: "a", op: "in", value: ["x", 1] }] },
    "filters[0].value[1]",
    "one type",
  ],
  [
    "= with a list",
    { ...base, filters: [{ column: "a", op: "=", value: ["x"] }] },
    "filters[0].value",
    "only in",
  ],
  [
    "> on an attribute with text",
    { ...base, filters: [{ column: "a", op: ">", value: "x" }] },
    "filters[0].value",
    "needs a number",
  ],
  [
    "text for a number column",
    { ...base, filters: [{ column: "duration_ms", op: "=", value: "5" }] },
    "filters[0].value",
    "number",
  ],
  [
    "a number for a string column",
    { ...base, filters: [{ column: "service.name", op: "in", value: [5] }] },
    "filters[0].value[0]",
    "string",
  ],
  [
    "a bad timestamp",
    { ...base, filters: [{ column: "timestamp", op: ">", value: "yesterday" }] },
    "filters[0].value",
    "ISO-8601",
  ],
  [
    "contains on a number column",
    { ...base, filters: [{ column: "duration_ms", op: "contains", value: "5" }] },
    "filters[0].column",
    "string column",
  ],
  [
    "contains with a number",
    { ...base, filters: [{ column: "a", op: "contains", value: 5 }] },
    "filters[0].value",
    "string",
  ],
  [
    "an object value",
    { ...base, filters: [{ column: "a", op: "=", value: {} }] },
    "filters[0].value",
    "must be",
  ],
  [
    "an empty column",
    { ...base, filters: [{ column: "", op: "exists" }] },
    "filters[0].column",
    "empty",
  ],
  ["a duplicate breakdown", { ...base, breakdowns: ["a", "b", "a"] }, "breakdowns[2]", "duplicate"],
  ["a number breakdown", { ...base, breakdowns: [5] }, "breakdowns[0]", "expected string"],
  ["granularity 0", { ...base, granularity_s: 0 }, "granularity_s", ">0"],
  ["a fractional granularity", { ...base, granularity_s: 1.5 }, "granularity_s", "int"],
  [
    "too many buckets",
    { ...base, time_range: { last: "1d" }, granularity_s: 1 },
    "granularity_s",
    "at most",
  ],
  ["limit 0", { ...base, limit: 0 }, "limit", ">=1"],
  ["limit 1001", { ...base, limit: 1001 }, "limit", "<=1000"],
  ["a text limit", { ...base, limit: "10" }, "limit", "expected number"],
];

describe("parseQuery", () => {
  for (const [what, request, path, word] of BAD) {
    it(`rejects ${what} naming ${path || "the body"}`, () => {
      assert.throws(
        () => parseQuery(request),
        (err: unknown) => {
          assert.ok(err instanceof QueryError, String(err));
          assert.equal(err.path, path);
          assert.equal(err.message, path === "" ? err.detail : `${path}: ${err.detail}`);
          assert.ok(err.detail.includes(word), `${err.message} should say ${word}`);
          return true;
        },
      );
    });
  }

  it("fills defaults and resolves a relative range against now", () => {
    const now = new Date("2026-01-01T12:00:00Z");
    assert.deepEqual(parseQuery({ dataset: "spans", time_range: { last: "2h" } }, now), {
      dataset: "spans",
      start: new Date("2026-01-01T10:00:00Z"),
      end: now,
      calculations: [{ op: "COUNT" }],
      filters: { op: "AND", filters: [] },
      breakdowns: [],
      granularity_s: 30,
      order_by: [{ key: "COUNT", direction: "desc" }],
      having: [],
      limit: 100,
      compare_offset_s: undefined,
      exact: false,
    });
  });

  it("reads zone offsets and picks 60-240 buckets by default", () => {
    const spec = parseQuery({
      ...base,
      time_range: { start: "2026-01-01T02:00:00+02:00", end: "2026-01-01T00:01:00Z" },
    });
    assert.equal(spec.start.toISOString(), "2026-01-01T00:00:00.000Z");
    assert.equal(spec.granularity_s, 1);
    for (const seconds of [60, 300, 3600, 6 * 3600, 86400, 7 * 86400, 30 * 86400, 365 * 86400]) {
      const { granularity_s } = parseQuery(
        { dataset: "spans", time_range: { last: seconds } },
        new Date(0),
      );
      const buckets = seconds / granularity_s;
      assert.ok(buckets >= 60 && buckets <= 240, `${seconds} s → ${granularity_s} s buckets`);
    }
  });
});
