import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const bin = join(dirname(fileURLToPath(import.meta.url)), "bin.js");

test("sonde serve listens, answers /healthz, and stops cleanly on SIGTERM", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sonde-cli-"));
  const storage = join(dir, "sub", "data.duckdb");
  const args = ["serve", "--http-port", "0", "--grpc-port", "0", "--storage", storage];
  const child = spawn(process.execPath, [bin, ...args]);
  try {
    const [url, grpc] = await new Promise<string[]>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
        const m = /listening on (http:\/\/\S+)[\s\S]*OTLP\/gRPC (\S+)/.exec(out);
        if (m) resolve([m[1], m[2]]);
      });
      child.once("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    assert.deepEqual(await (await fetch(`${url}/healthz`)).json(), { status: "ok" });
    assert.match(grpc, /^127\.0\.0\.1:[1-9]\d*$/);
    assert.ok(existsSync(storage));
    const exited = new Promise<number | null>((r) => child.once("exit", r));
    child.kill("SIGTERM");
    assert.equal(await exited, 0);
  } finally {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});

test("--no-grpc runs HTTP only and says so", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sonde-cli-"));
  const args = ["serve", "--http-port", "0", "--no-grpc", "--storage", join(dir, "d.duckdb")];
  const child = spawn(process.execPath, [bin, ...args]);
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
        const m = /OTLP\/gRPC .*/.exec(out);
        if (m) resolve(m[0]);
      });
      child.once("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    assert.equal(line, "OTLP/gRPC off");
  } finally {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a bad flag is refused with a message naming it", () => {
  const r = spawnSync(process.execPath, [bin, "serve", "--http-port", "http"], {
    encoding: "utf8",
  });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /--http-port/);
  assert.match(r.stderr, /port number/);
});
