import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compileQuery } from "./compile.js";
import { parseQuery } from "./spec.js";

describe("compileQuery", () => {
  it("puts values and attribute names in parameters, never in the SQL text", () => {
    const name = `k']; DROP TABLE spans; --`;
    const value = "x' OR 1=1 --";
    const compiled = compileQuery(
      parseQuery({
        dataset: "spans",
        time_range: { last: "1h" },
        calculations: [{ op: "COUNT" }, { op: "P99", column: name }],
        filters: [
          { column: name, op: "=", value },
          { column: "service.name", op: "in", value: [value, "b"] },
          { column: name, op: "exists" },
        ],
        breakdowns: [name, "http.route"],
      }),
    );
    for (const text of [name, value, "http.route", "DROP", "OR 1=1"]) {
      assert.ok(!compiled.sql.includes(text), `${text} in ${compiled.sql}`);
    }
    assert.ok(compiled.params.includes(name));
    assert.ok(compiled.params.includes(value));
    assert.ok(compiled.params.includes("http.route"));
    assert.equal(compiled.params.length, compiled.types.length);
    assert.ok(compiled.sql.includes(`$${compiled.params.length}`));
    assert.deepEqual(
      compiled.calculations.map((c) => c.key),
      ["COUNT", `P99(${name})`],
    );
  });
});
