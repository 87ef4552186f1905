// The Markdown report of the metrics benchmarks: median ns/op per library, ratios within the
// run, allocations, and whether issue 3's performance targets are met.
import { cpus } from "node:os";
import { type Allocation, median, type Plan, type Timing } from "./metrics-harness.js";

/** A comparison of what a library recorded with the calls the benchmark made. */
export interface Check {
  readonly what: string;
  readonly expected: number;
  readonly recorded: number;
}

/** Everything one run measured. Timings are named `Sonde`, `prom-client`, `OpenTelemetry`. */
export interface Results {
  readonly command: string;
  readonly plan: Plan;
  /** Wall-clock seconds of the measurements in the main process. */
  readonly seconds: number;
  readonly add: Timing[];
  readonly boundAdd: Timing[];
  readonly record: Timing[];
  readonly boundRecord: Timing[];
  /** No SDK installed; named as in metrics-noop.ts. */
  readonly noop: Timing[];
  readonly boundAddAllocation: Allocation;
  readonly boundRecordAllocation: Allocation;
  /** Allocations of other libraries, for comparison. */
  readonly otherAllocations: Allocation[];
  readonly checks: Check[];
  readonly diagnostics: string[];
}

interface Row {
  operation: string;
  sonde: number;
  prom?: number;
  otel?: number;
  /** For no-SDK rows: the floor with the same arguments. */
  floor?: number;
}

const ns = (value: number) =>
  value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0);
const times = (ratio: number) =>
  ratio >= 1 ? `${ratio.toFixed(1)}× faster` : `${(1 / ratio).toFixed(1)}× slower`;
const cell = (value: number | undefined) => (value === undefined ? "—" : ns(value));
const versus = (other: number | undefined, sonde: number) =>
  other === undefined ? "—" : times(other / sonde);
const perCall = (a: Allocation) => (a.allocatedBytes / a.calls).toFixed(4);

/** The median ns/op of the timing named `name`. */
function of(timings: Timing[], name: string): number {
  const timing = timings.find((t) => t.name === name);
  if (timing === undefined) throw new Error(`no timing named ${name}`);
  return median(timing.samples);
}

function compared(operation: string, timings: Timing[]): Row {
  return {
    operation,
    sonde: of(timings, "Sonde"),
    prom: of(timings, "prom-client"),
    otel: of(timings, "OpenTelemetry"),
  };
}

/** The report as Markdown. */
export function report(results: Results): string {
  const { plan, noop } = results;
  const add = compared("counter add, 2 tags", results.add);
  const boundAdd = compared("counter add, bound ¹", results.boundAdd);
  const record = compared("distribution record, 2 tags", results.record);
  const boundRecord = compared("distribution record, bound ¹", results.boundRecord);
  const counterFloor = of(noop, "empty function (1, tags)");
  const recordFloor = of(noop, "empty function (value, tags)");
  const noopRows: Row[] = [
    {
      operation: "no SDK: counter add, 2 tags",
      sonde: of(noop, "Sonde counter add"),
      otel: of(noop, "OTel counter add"),
      floor: counterFloor,
    },
    {
      operation: "no SDK: bound counter add",
      sonde: of(noop, "Sonde bound counter add"),
      floor: counterFloor,
    },
    {
      operation: "no SDK: distribution record, 2 tags",
      sonde: of(noop, "Sonde distribution record"),
      otel: of(noop, "OTel histogram record"),
      floor: recordFloor,
    },
    {
      operation: "no SDK: bound distribution record",
      sonde: of(noop, "Sonde bound distribution record"),
      floor: recordFloor,
    },
  ];
  const floorRows: Row[] = [
    { operation: "floor: `empty(1, tags)` ²", sonde: counterFloor },
    { operation: "floor: `empty(value, tags)` ²", sonde: recordFloor },
  ];
  const sondeAllocations = [results.boundAddAllocation, results.boundRecordAllocation];

  const lines = [
    `Command: \`${results.command}\``,
    `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ` +
      `${new Date().toISOString()}; ${plan.rounds} interleaved rounds of ~${plan.roundMs} ms ` +
      `per case after ${plan.warmupMs} ms warm-up (${results.seconds.toFixed(0)} s in this ` +
      "process; the no-SDK cases ran in a child process).",
    "",
    "| operation | Sonde ns/op | prom-client ns/op | OpenTelemetry ns/op | Sonde vs prom-client | Sonde vs OpenTelemetry |",
    "| :-- | --: | --: | --: | --: | --: |",
  ];
  for (const row of [add, boundAdd, record, boundRecord, ...noopRows, ...floorRows]) {
    lines.push(
      `| ${row.operation} | ${ns(row.sonde)} | ${cell(row.prom)} | ${cell(row.otel)} | ` +
        `${versus(row.prom, row.sonde)} | ${versus(row.otel, row.sonde)} |`,
    );
  }
  lines.push(
    "",
    "¹ prom-client: its labelled child (`counter.labels(tags)` made once, then `.inc()` / " +
      "`.observe(v)`); OpenTelemetry has no bound instruments, so its unbound call with 2 " +
      "attributes is shown.",
    "² The benchmark loop calling an empty function that V8 inlines to nothing, with the " +
      "arguments of a counter add or a distribution record: the loop's own cost, included in " +
      "every figure above.",
    "",
    "| allocation over 10M calls | bytes allocated | bytes per call | GCs during run | heap growth after GC ³ |",
    "| :-- | --: | --: | --: | --: |",
  );
  for (const a of [...sondeAllocations, ...results.otherAllocations]) {
    lines.push(
      `| ${a.name} | ${a.allocatedBytes} | ${perCall(a)} | ${a.gcs} | ${a.retainedBytes} |`,
    );
  }
  lines.push(
    "",
    "³ `heapUsed` after a full GC minus before the run: memory kept (e.g. by new series); a " +
      "few KB either way is noise.",
    "",
  );

  const ratio = (other: number | undefined, sonde: number) => (other ?? Number.NaN) / sonde;
  const faster = (other: number | undefined, sonde: number, target: number) =>
    [times(ratio(other, sonde)), ratio(other, sonde) >= target] as const;
  const targets: [string, readonly [string, boolean]][] = [
    ["bound counter add ≤ 5 ns", [`${ns(boundAdd.sonde)} ns`, boundAdd.sonde <= 5]],
    ["bound distribution record ≤ 15 ns", [`${ns(boundRecord.sonde)} ns`, boundRecord.sonde <= 15]],
    [
      "bound counter add ≥ 30× prom-client `inc({route, status})`",
      faster(add.prom, boundAdd.sonde, 30),
    ],
    [
      "bound distribution record ≥ 30× prom-client `observe({route, status}, v)`",
      faster(record.prom, boundRecord.sonde, 30),
    ],
    ["counter add, 2 tags ≥ 2× prom-client", faster(add.prom, add.sonde, 2)],
    ["counter add, 2 tags ≥ 8× OpenTelemetry", faster(add.otel, add.sonde, 8)],
    ["distribution record, 2 tags ≥ 2× prom-client", faster(record.prom, record.sonde, 2)],
    ["distribution record, 2 tags ≥ 8× OpenTelemetry", faster(record.otel, record.sonde, 8)],
    ...noopRows.map((row): [string, readonly [string, boolean]] => [
      `${row.operation} ≤ 2 ns`,
      [`${ns(row.sonde)} ns (${ns(row.sonde - row.floor!)} above the floor)`, row.sonde <= 2],
    ]),
    ...sondeAllocations.map((a): [string, readonly [string, boolean]] => [
      `${a.name}: zero allocations`,
      [`${perCall(a)} B/call, ${a.gcs} GCs`, a.gcs === 0 && a.allocatedBytes / a.calls < 0.001],
    ]),
  ];
  lines.push("| target (issue 3) | measured | met |", "| :-- | --: | :-: |");
  for (const [target, [measured, met]] of targets) {
    lines.push(`| ${target} | ${measured} | ${met ? "yes" : "**no**"} |`);
  }

  const wrong = results.checks.filter((c) => c.expected !== c.recorded);
  const total = results.checks.reduce((sum, c) => sum + c.expected, 0);
  lines.push(
    "",
    wrong.length === 0
      ? `Recorded totals match the calls made for all ${results.checks.length} instruments ` +
          `(${total.toExponential(2)} operations).`
      : `MISMATCH: ${wrong.map((c) => `${c.what} recorded ${c.recorded} of ${c.expected}`).join("; ")}`,
  );
  if (results.diagnostics.length > 0) {
    lines.push(`Sonde diagnostics: ${results.diagnostics.join("; ")}`);
  }
  return lines.join("\n");
}
