import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import type { Policy } from "@sonde/protocol/collect";
import { PolicyFileError, PolicySource, parsePolicy } from "./policy-file.js";

describe("collection policy files", () => {
  it("parse the seed's example policy as written", () => {
    const seed = `
  - prefix: "/build/"
    interval: {seconds: 600}
  - prefix: "/proc/"
    interval: {seconds: 5}
  - prefix: "/net/rpc/server/"
    interval: {seconds: 5}
  - name: "/net/rpc/client/response_latency"
    interval: {seconds: 5}
`;
    assert.deepEqual(parsePolicy(seed).metrics, [
      { prefix: "/build/", intervalMs: 600_000 },
      { prefix: "/proc/", intervalMs: 5_000 },
      { prefix: "/net/rpc/server/", intervalMs: 5_000 },
      { name: "/net/rpc/client/response_latency", intervalMs: 5_000 },
    ]);
  });

  it("accept the mapping form with signals and every interval notation", () => {
    const policy = parsePolicy(`
metrics:
  - {prefix: "/a/", interval: 1.5}
  - {prefix: "/b/", interval: "250ms"}
  - {prefix: "/c/", interval: "2m"}
  - {prefix: "/d/", interval: {minutes: 1, seconds: 30}}
  - {name: "/e/off", interval: 0}
spans: {enabled: true, sampling: 0.25}
logs: {enabled: false}
max_batch_bytes: 65536
`);
    assert.deepEqual(
      policy.metrics?.map((r) => r.intervalMs),
      [1500, 250, 120_000, 90_000, 0],
    );
    assert.deepEqual(policy.spans, { enabled: true, sampling: 0.25, intervalMs: 0 });
    assert.equal(policy.logs?.enabled, false);
    assert.deepEqual(policy.events, { enabled: true, sampling: 1 });
    assert.equal(policy.maxBatchBytes, 65536);
  });

  it("name the place of a mistake", () => {
    const cases: [string, RegExp][] = [
      ["- prefix: /a/\n  interval: {hours: 1}\n", /\[0\]\.interval/],
      ["- prefix: a/\n  interval: 5\n", /\[0\]\.prefix/],
      ["- {name: /a, prefix: /b/, interval: 5}\n", /\[0\]/],
      ["spans: {sampling: 2}\n", /spans\.sampling/],
      ["metrics: [\n", /not YAML/],
    ];
    for (const [text, pattern] of cases) {
      assert.throws(
        () => parsePolicy(text),
        (e: Error) => e instanceof PolicyFileError && pattern.test(e.message),
        text,
      );
    }
  });

  it("are re-read when they change; a broken edit keeps the previous policy", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sonde-policy-"));
    const path = join(dir, "policy.yaml");
    await writeFile(path, `- {prefix: "/", interval: 10}\n`);
    const seen: Policy[] = [];
    const errors: Error[] = [];
    const source = new PolicySource(
      path,
      (p) => seen.push(p),
      (e) => errors.push(e),
    );
    try {
      assert.equal(source.policy.version, 1);
      await writeFile(path, `- {prefix: "/", interval: 2}\n`);
      const deadline = Date.now() + 5000;
      while (seen.length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      assert.equal(source.policy.metrics?.[0]?.intervalMs, 2000);
      assert.equal(source.policy.version, 2);
      await writeFile(path, `- {prefix: "/", interval: -1}\n`);
      while (errors.length === 0 && Date.now() < deadline + 5000) {
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.ok(errors[0] instanceof PolicyFileError);
      assert.equal(source.policy.metrics?.[0]?.intervalMs, 2000);
    } finally {
      source.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
