import assert from "node:assert/strict";
import { test } from "node:test";
import { canonicalNumber, escapeHelp, escapeLabelValue, sampleValue, seconds } from "./text.js";

test("le values follow the OpenMetrics canonical numbers (Go %g, .0 appended)", () => {
  // The examples listed under "Considerations: Canonical Numbers" in OpenMetrics 1.0.
  const steps = [0, 0.001, 0.002, 0.01, 0.1, 0.9, 0.95, 0.99, 0.999, 1, 1.7, 10];
  assert.deepEqual(steps.map(canonicalNumber), [
    "0.0",
    "0.001",
    "0.002",
    "0.01",
    "0.1",
    "0.9",
    "0.95",
    "0.99",
    "0.999",
    "1.0",
    "1.7",
    "10.0",
  ]);
  const powers = [1e-10, 1e-9, 1e-5, 1e-4, 0.1, 1, 1e5, 1e6, 1e10];
  assert.deepEqual(powers.map(canonicalNumber), [
    "1e-10",
    "1e-09",
    "1e-05",
    "0.0001",
    "0.1",
    "1.0",
    "100000.0",
    "1e+06",
    "1e+10",
  ]);
  assert.equal(canonicalNumber(1234567), "1.234567e+06");
  assert.equal(canonicalNumber(-2.5e-7), "-2.5e-07");
  assert.equal(canonicalNumber(1e100), "1e+100");
  assert.equal(canonicalNumber(Number.POSITIVE_INFINITY), "+Inf");
});

test("sample values: special floats spelled as Prometheus does, bigints exactly", () => {
  assert.equal(sampleValue(Number.NaN), "NaN");
  assert.equal(sampleValue(Number.POSITIVE_INFINITY), "+Inf");
  assert.equal(sampleValue(Number.NEGATIVE_INFINITY), "-Inf");
  assert.equal(sampleValue(-0), "0");
  assert.equal(sampleValue(0.1), "0.1");
  assert.equal(sampleValue(9223372036854775807n), "9223372036854775807");
  assert.equal(sampleValue(-9223372036854775808n), "-9223372036854775808");
  assert.equal(sampleValue(9007199254740993n), "9007199254740993", "not rounded to a double");
});

test("seconds renders nanosecond timestamps exactly", () => {
  assert.equal(seconds(1_700_000_000_500_000_000n), "1700000000.5");
  assert.equal(seconds(1_700_000_000_000_000_001n), "1700000000.000000001");
  assert.equal(seconds(1_700_000_000_000_000_000n), "1700000000");
  assert.equal(seconds(0n), "0");
  assert.equal(seconds(-1_500_000_000n), "-1.5");
});

test('escaping: label values escape \\ " and line feed; 0.0.4 HELP leaves quotes alone', () => {
  assert.equal(escapeLabelValue('a\\b"c\nd'), 'a\\\\b\\"c\\nd');
  assert.equal(escapeLabelValue("plain ünïcode"), "plain ünïcode");
  assert.equal(escapeHelp('say "hi"\\\n', false), 'say "hi"\\\\\\n');
  assert.equal(escapeHelp('say "hi"\\\n', true), 'say \\"hi\\"\\\\\\n');
});
