import assert from "node:assert/strict";
import { test } from "node:test";
import { type DiagEvent, diag } from "./diag.js";

test("events are counted every time and reported once per code and key", () => {
  const seen: DiagEvent[] = [];
  const before = diag.counts().diag_test ?? 0;
  diag.report({ code: "diag_test", message: "early", key: "a" });
  const unsubscribe = diag.subscribe((event) => seen.push(event));
  assert.deepEqual(
    seen.filter((event) => event.code === "diag_test").map((event) => event.message),
    ["early"],
    "earlier first occurrences are replayed to a new listener",
  );
  diag.report({ code: "diag_test", message: "again", key: "a" });
  diag.report({ code: "diag_test", message: "other key", key: "b" });
  unsubscribe();
  diag.report({ code: "diag_test", message: "unsubscribed", key: "c" });
  assert.deepEqual(
    seen.filter((event) => event.code === "diag_test").map((event) => event.message),
    ["early", "other key"],
  );
  assert.equal(diag.counts().diag_test, before + 4);
});

test("a throwing listener does not break reporting", () => {
  const unsubscribe = diag.subscribe(() => {
    throw new Error("listener bug");
  });
  assert.doesNotThrow(() => diag.report({ code: "diag_test_throw", message: "x" }));
  unsubscribe();
});
