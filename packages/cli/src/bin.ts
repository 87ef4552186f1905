#!/usr/bin/env node
import { Command, InvalidArgumentError } from "commander";
import { demo } from "./demo.js";
import { serve } from "./serve.js";

const port = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError("expected a port number 0-65535");
  return n;
};
const bytes = (v: string) => {
  const m = /^(\d+)(k|m|g)?i?b?$/i.exec(v.trim());
  if (!m) throw new InvalidArgumentError("expected bytes, e.g. 16MiB or 1048576");
  return Number(m[1]) * 1024 ** ({ k: 1, m: 2, g: 3 }[(m[2] ?? "").toLowerCase() as "k"] ?? 0);
};

const program = new Command("sonde").description("Sonde: collect, store and explore telemetry.");

program
  .command("serve")
  .description(
    "Run the collector: OTLP/HTTP and OTLP/gRPC ingest, DuckDB storage, query API and web UI.",
  )
  .option("--http-port <port>", "HTTP port (OTLP/HTTP, /api, UI)", port, 4318)
  .option(
    "--grpc-port <port>",
    "gRPC port (OTLP/gRPC); if the default 4317 is taken, runs HTTP only (default: 4317)",
    port,
  )
  .option("--no-grpc", "do not listen for gRPC")
  .option("--host <address>", "address to bind", "127.0.0.1")
  .option("--storage <path>", "DuckDB file", process.env.SONDE_STORAGE ?? ".sonde/data.duckdb")
  .option("--body-limit <bytes>", "largest accepted request body", bytes, 16 * 1024 * 1024)
  .option(
    "--policy <file>",
    "YAML collection policy for Sonde protocol clients, re-read when it changes (default: every metric every 10 s, all spans)",
  )
  .action(serve);

program
  .command("demo")
  .description(
    "Run the collector plus instrumented demo services (web → auth → billing → resources) under load.",
  )
  .option("--http-port <port>", "collector HTTP port", port, 4318)
  .option("--storage <path>", "DuckDB file", process.env.SONDE_STORAGE ?? ".sonde/data.duckdb")
  .option("--rate <requests_per_second>", "load generator rate", Number, 20)
  .action(demo);

await program.parseAsync();
