// Browser test of the web UI against the real demo: `sonde demo` (collector + instrumented
// services web → auth → billing → resources + load), driven through Debian's chromium.
// Needs `npm run build` first (packages/ui/dist and packages/cli/dist). Screenshots go to
// test-output/ui/ at the repository root.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const shots = join(root, "test-output/ui");
const services = ["auth", "billing", "resources", "web"];
/** Span properties that are columns, not attributes (see GET /api/traces). */
const spanColumns = new Set([
  "trace_id",
  "span_id",
  "parent_span_id",
  "trace_state",
  "name",
  "kind",
  "service.name",
  "timestamp",
  "start_time_unix_nano",
  "end_time_unix_nano",
  "duration_ms",
  "status_code",
  "status_message",
  "events",
  "links",
]);

let demo;
let demoOutput = "";
let dir;
let browser;
let base;

before(async () => {
  for (const file of ["packages/ui/dist/index.html", "packages/cli/dist/bin.js"]) {
    assert.ok(existsSync(join(root, file)), `${file} is missing: run \`npm run build\` first`);
  }
  await mkdir(shots, { recursive: true });
  dir = await mkdtemp(join(tmpdir(), "sonde-ui-"));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  demo = spawn(
    process.execPath,
    [
      "packages/cli/dist/bin.js",
      "demo",
      "--http-port",
      String(port),
      "--storage",
      join(dir, "data.duckdb"),
    ],
    { cwd: root, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  demo.stdout.on("data", (d) => (demoOutput += d));
  demo.stderr.on("data", (d) => (demoOutput += d));
  await waitFor(
    "the collector's /healthz",
    60_000,
    async () => (await fetch(`${base}/healthz`)).ok,
  );
  await waitFor("spans of all four demo services", 90_000, async () => {
    const result = await query({
      calculations: [{ op: "COUNT" }],
      breakdowns: ["service.name"],
    });
    const seen = result.totals.map((t) => t.group["service.name"]);
    return services.every((s) => seen.includes(s));
  });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

after(async () => {
  await browser?.close().catch(() => {});
  if (demo && demo.exitCode === null && demo.signalCode === null) {
    const exited = new Promise((resolve) => demo.once("exit", resolve));
    killGroup("SIGTERM");
    const timer = setTimeout(() => killGroup("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

test("query → results → slowest traces → waterfall → span details", {
  timeout: 240_000,
}, async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  try {
    // The default query runs on load.
    await page.goto(`${base}/`);
    await page.waitForSelector(
      "[data-testid=query-page][aria-busy=false] [data-testid=result-row]",
    );

    // Build "P99(duration_ms) by service.name": keep one calculation and set it.
    const calcs = page.getByTestId("calculation");
    while ((await calcs.count()) > 1) await calcs.last().getByTestId("remove").click();
    await calcs.first().getByTestId("calc-op").selectOption("P99");
    await calcs.first().getByTestId("calc-column").fill("duration_ms");
    const breakdowns = page.getByTestId("breakdown-column");
    assert.deepEqual(await breakdowns.evaluateAll((els) => els.map((e) => e.value)), [
      "service.name",
    ]);
    await page.getByTestId("run-query").click();

    await page.waitForFunction(() => {
      const heads = [...document.querySelectorAll("[data-testid=results-table] th")];
      const busy = document.querySelector("[data-testid=query-page]")?.getAttribute("aria-busy");
      return (
        busy === "false" &&
        heads.map((th) => th.textContent).join("|") === "|service.name|P99(duration_ms)"
      );
    });
    const url = new URL(page.url());
    assert.equal(url.hash, "#/?calc=P99%28duration_ms%29&by=service.name&range=15m");
    assert.equal(await page.getByTestId("query-error").count(), 0);
    const rows = page.getByTestId("result-row");
    const groups = await rows.evaluateAll((els) => els.map((e) => JSON.parse(e.dataset.group)));
    const shown = groups.map((g) => g["service.name"]);
    for (const s of services) assert.ok(shown.includes(s), `service ${s} in results: ${shown}`);
    const p99s = await rows.evaluateAll((els) =>
      els.map((e) => e.cells[e.cells.length - 1].textContent),
    );
    for (const text of p99s)
      assert.match(text, /^\d[\d.,]* (ms|s)$|^0$/, "P99 shown as a duration");
    assert.equal(await page.getByTestId("line-chart").count(), 1, "one chart for one calculation");
    await page.screenshot({ path: join(shots, "query.png"), fullPage: true });

    // A row lists the slowest traces of its group (web is the demo's entry, so it has roots).
    await rows.nth(shown.indexOf("web")).click();
    const links = page.getByTestId("trace-link");
    await links.first().waitFor();
    assert.match(await page.getByTestId("slowest-traces").textContent(), /service\.name = web/);
    await page.screenshot({ path: join(shots, "slowest-traces.png"), fullPage: true });

    // Open the listed trace with the most spans, once its spans (sent by four processes) have
    // all arrived, so that the waterfall has nesting to show.
    const ids = await links.evaluateAll((els) => els.map((e) => e.dataset.traceId));
    for (const id of ids) assert.match(id, /^[0-9a-f]{32}$/);
    const sizes = await Promise.all(
      ids.map(async (id) => (await getJson(`/api/traces/${id}`)).spans.length),
    );
    const traceId = ids[sizes.indexOf(Math.max(...sizes))];
    let spans = [];
    await waitFor(`trace ${traceId} to stop growing`, 30_000, async () => {
      const before = spans.length;
      await new Promise((r) => setTimeout(r, 1500));
      spans = (await getJson(`/api/traces/${traceId}`)).spans;
      return spans.length > 0 && spans.length === before;
    });
    await page.locator(`[data-testid=trace-link][data-trace-id="${traceId}"]`).click();
    await page.waitForURL(`**/#/trace/${traceId}`);
    await page.getByTestId("waterfall-row").first().waitFor();
    spans = (await getJson(`/api/traces/${traceId}`)).spans;
    assert.ok(spans.length >= 2, `a demo request makes more than one span (${spans.length})`);
    // The slowest web requests are checkouts: web → auth, web → billing → resources.
    assert.deepEqual(
      [...new Set(spans.map((s) => s["service.name"]))].sort(),
      services,
      "the opened trace crosses all four demo services",
    );

    // Every span of the trace is a row at its depth (the list is virtualised: scroll through it).
    const waterfall = page.getByTestId("waterfall");
    assert.equal(Number(await waterfall.getAttribute("data-rows")), spans.length);
    const levels = await collectRowLevels(page);
    assert.deepEqual([...levels.keys()].sort(), spans.map((s) => s.span_id).sort());
    for (const s of spans) {
      assert.equal(levels.get(s.span_id), depthOf(s, spans) + 1, `depth of span ${s.name}`);
    }
    assert.equal(await page.getByTestId("trace-span-count").textContent(), `${spans.length} spans`);

    // A click on a span shows all its attributes (pick the span with the most).
    const attrsOf = (s) => Object.keys(s).filter((k) => !spanColumns.has(k));
    const span = spans.reduce((a, b) => (attrsOf(b).length > attrsOf(a).length ? b : a));
    assert.ok(attrsOf(span).length > 0, "demo spans carry attributes");
    await page.evaluate(() => {
      document.querySelector(".wf-scroll").scrollTop = 0;
    });
    const spanRow = page.locator(`[data-testid=waterfall-row][data-span-id="${span.span_id}"]`);
    await spanRow.scrollIntoViewIfNeeded();
    await spanRow.click();
    const details = page.getByTestId("span-details");
    await details.waitFor();
    assert.equal(await details.getAttribute("data-span-id"), span.span_id);
    assert.match(await details.locator("h2").textContent(), new RegExp(escapeRegExp(span.name)));
    for (const key of attrsOf(span)) {
      const item = details.locator(`[data-testid=span-attribute][data-key="${key}"] dd`);
      const expected =
        typeof span[key] === "object" ? JSON.stringify(span[key]) : String(span[key]);
      assert.equal(await item.textContent(), expected, `attribute ${key}`);
    }
    assert.ok(page.url().endsWith(`?span=${span.span_id}`), "the selected span is in the URL");
    await page.screenshot({ path: join(shots, "trace.png"), fullPage: true });

    // The metric catalogue lists the demo's declared metrics with their metadata.
    await waitFor("the demo's metrics to be exported", 30_000, async () => {
      const { metrics } = await getJson("/api/metrics");
      return metrics.some((m) => m.name === "/demo/billing/charge_count");
    });
    await page.getByRole("link", { name: "Metrics" }).click();
    await page.waitForURL("**/#/metrics");
    const charge = page.locator('[data-testid=metric-row][data-name="/demo/billing/charge_count"]');
    await charge.waitFor();
    const cells = await charge.locator("td").allTextContents();
    assert.deepEqual(cells.slice(0, 6), [
      "/demo/billing/charge_count",
      "counter",
      "1",
      "Charges attempted, by outcome.",
      "team-payments",
      "stable",
    ]);
    assert.match(cells[6], /services\/billing\.js:\d+$/, "the declaring source line");
    assert.equal(cells[7], "billing");
    await page.getByTestId("metrics-filter").fill("team-infra");
    const names = await page
      .getByTestId("metric-row")
      .evaluateAll((rows) => rows.map((r) => r.dataset.name));
    assert.deepEqual(names, ["/demo/resources/container_startup_latency"]);
    await page.getByTestId("metrics-filter").fill("");
    await page.screenshot({ path: join(shots, "metrics.png"), fullPage: true });
    assert.deepEqual(pageErrors, []);
  } catch (err) {
    await page.screenshot({ path: join(shots, "failure.png"), fullPage: true }).catch(() => {});
    err.message += `\n--- demo output ---\n${demoOutput.slice(-4000)}`;
    throw err;
  } finally {
    await page.close();
  }
});

/** Span id → tree level (aria-level) of every waterfall row; scrolls the virtualised list. */
async function collectRowLevels(page) {
  const levels = new Map();
  await page.evaluate(() => {
    document.querySelector(".wf-scroll").scrollTop = 0;
  });
  for (;;) {
    const { visible, done } = await page.evaluate(async () => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const el = document.querySelector(".wf-scroll");
      const rows = document.querySelectorAll("[data-testid=waterfall-row]");
      const done = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
      el.scrollTop += el.clientHeight;
      return { visible: [...rows].map((r) => [r.dataset.spanId, Number(r.ariaLevel)]), done };
    });
    for (const [id, level] of visible) levels.set(id, level);
    if (done) return levels;
  }
}

/** Depth of a span in its trace: 0 for a root or a span whose parent is not in the trace. */
function depthOf(span, spans) {
  const byId = new Map(spans.map((s) => [s.span_id, s]));
  let depth = 0;
  for (
    let p = byId.get(span.parent_span_id);
    p && depth < spans.length;
    p = byId.get(p.parent_span_id)
  ) {
    depth++;
  }
  return depth;
}

async function query(body) {
  const response = await fetch(`${base}/api/query`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ dataset: "spans", time_range: { last: 900 }, ...body }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

async function getJson(path) {
  const response = await fetch(`${base}${path}`);
  assert.equal(response.status, 200, `${path}: ${response.status}`);
  return response.json();
}

/** Polls `check` every 250 ms until it returns true; fails after `ms` or if the demo exits. */
async function waitFor(what, ms, check) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    if (demo.exitCode !== null || demo.signalCode !== null) {
      throw new Error(`the demo exited (${demo.exitCode ?? demo.signalCode}):\n${demoOutput}`);
    }
    try {
      if (await check()) return;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}\n${demoOutput}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function killGroup(signal) {
  try {
    process.kill(-demo.pid, signal);
  } catch {
    // Already gone.
  }
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
