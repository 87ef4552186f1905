import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";

const HOST = fileURLToPath(new URL("./fixtures/exit-host.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "sonde-exit-"));
after(() => rmSync(dir, { recursive: true, force: true }));

// Enough lines to overflow a pipe's buffer (64 KiB) many times over: ~3 MB.
const COUNT = 20_000;

function run(mode: string, destination = "stdout") {
  const result = spawnSync(process.execPath, [HOST, mode, String(COUNT)], {
    env: { ...process.env, SONDE_LOG_FORMAT: "json", SONDE_LOG_DESTINATION: destination },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 30_000,
  });
  const text = destination === "stdout" ? result.stdout : readFileSync(destination, "utf8");
  const lines = text.split("\n").filter((line) => line !== "");
  const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const numbered = parsed.filter((line) => line.msg === "line").map((line) => line.i);
  return { result, parsed, numbered };
}

function assertAll(numbered: unknown[]): void {
  assert.equal(numbered.length, COUNT);
  assert.deepEqual(
    numbered,
    Array.from({ length: COUNT }, (_, i) => i),
  );
}

test("process.exit(): every line arrives, through a pipe", () => {
  const { result, numbered } = run("exit");
  assert.equal(result.status, 3);
  assertAll(numbered);
});

test("process.exit(): every line arrives, in a file", () => {
  const { result, numbered } = run("exit", join(dir, "exit.log"));
  assert.equal(result.status, 3);
  assertAll(numbered);
});

test("uncaught exception: every line arrives and Node still prints it and exits 1", () => {
  const { result, numbered } = run("uncaught");
  assert.equal(result.status, 1);
  assert.match(result.stderr, /TypeError: boom 42/);
  assertAll(numbered);
});

test("uncaught exception with captureErrors: a fatal line with its fingerprint, exit unchanged", () => {
  const { result, parsed, numbered } = run("uncaught-captured");
  assert.equal(result.status, 1);
  assert.match(result.stderr, /TypeError: boom 42/);
  assertAll(numbered);
  const fatal = parsed.at(-1) as Record<string, unknown>;
  assert.equal(fatal.level, 60);
  assert.equal(fatal.msg, "uncaught_exception");
  assert.match(String(fatal.fingerprint), /^[0-9a-f]{16}$/);
  assert.equal((fatal.err as Record<string, unknown>).type, "TypeError");
});

test("unhandled rejection: every line arrives and the process exits 1 as Node does", () => {
  const { result, numbered } = run("rejection");
  assert.equal(result.status, 1);
  assertAll(numbered);
});

test("SIGTERM with no other listener: every line arrives, then the process dies of SIGTERM", () => {
  const { result, numbered } = run("sigterm");
  assert.equal(result.signal, "SIGTERM");
  assertAll(numbered);
});

test("SIGTERM with an application listener: lines flushed, the application decides to exit", () => {
  const { result, numbered } = run("sigterm-handled", join(dir, "handled.log"));
  assert.equal(result.status, 0);
  assertAll(numbered);
});
