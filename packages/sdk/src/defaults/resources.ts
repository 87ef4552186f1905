import { performance } from "node:perf_hooks";
import { metrics } from "@sonde/api";

const OWNER = "sonde";

function memoryGauge(name: string, description: string) {
  return metrics.gauge(name, {
    description,
    unit: "By",
    owner: OWNER,
    stability: "stable",
    valueType: "int",
  });
}

function cpuCounter(name: string, description: string) {
  return metrics.counter(name, { description, unit: "us", owner: OWNER, stability: "stable" });
}

function declare() {
  metrics.constant("/proc/start_time", {
    description: "When the process started (performance.timeOrigin), in ms since the UNIX epoch.",
    unit: "ms",
    owner: OWNER,
    stability: "stable",
    value: Math.round(performance.timeOrigin),
    valueType: "int",
  });
  return {
    rss: memoryGauge("/proc/memory/rss", "Resident set size of the process."),
    heapUsed: memoryGauge("/proc/memory/heap_used", "V8 heap in use by JavaScript objects."),
    heapTotal: memoryGauge("/proc/memory/heap_total", "V8 heap reserved (used and free)."),
    external: memoryGauge(
      "/proc/memory/external",
      "Memory of C++ objects bound to JavaScript objects, ArrayBuffers included.",
    ),
    userTime: cpuCounter("/proc/cpu/user_time", "CPU time spent in user mode by the process."),
    systemTime: cpuCounter(
      "/proc/cpu/system_time",
      "CPU time spent in the kernel on behalf of the process.",
    ),
    activeResources: metrics.gauge("/proc/active_resources", {
      description:
        "Resources keeping the event loop alive (handles such as sockets and timers, and pending requests), by type (process.getActiveResourcesInfo()).",
      unit: "{resource}",
      owner: OWNER,
      stability: "experimental",
      valueType: "int",
      tags: { type: "string" },
      maxSeries: 100,
    }),
  };
}

let declared: ReturnType<typeof declare> | undefined;

/** The instruments, declared on first use (declarations are process-wide). */
function instruments(): ReturnType<typeof declare> {
  if (declared === undefined) declared = declare();
  return declared;
}

/**
 * Samples the process's memory (`process.memoryUsage()`), CPU time (`process.cpuUsage()`,
 * cumulative since the process started) and active resources into the `/proc/...` metrics,
 * declared on the first construction. One sampler per SDK: the CPU counters add what grew
 * since its previous `sample()`. `sample()` may throw (the caller reports).
 */
export class ResourceSampler {
  readonly #metrics = instruments();
  #user = 0;
  #system = 0;
  /** Resource types seen so far; a type no longer active is set to 0. */
  readonly #types = new Set<string>();

  sample(): void {
    const m = this.#metrics;
    const memory = process.memoryUsage();
    m.rss.set(memory.rss);
    m.heapUsed.set(memory.heapUsed);
    m.heapTotal.set(memory.heapTotal);
    m.external.set(memory.external);

    const cpu = process.cpuUsage();
    if (cpu.user > this.#user) m.userTime.add(cpu.user - this.#user);
    if (cpu.system > this.#system) m.systemTime.add(cpu.system - this.#system);
    this.#user = Math.max(this.#user, cpu.user);
    this.#system = Math.max(this.#system, cpu.system);

    const counts = new Map<string, number>();
    for (const type of process.getActiveResourcesInfo()) {
      counts.set(type, (counts.get(type) ?? 0) + 1);
      this.#types.add(type);
    }
    for (const type of this.#types) m.activeResources.set(counts.get(type) ?? 0, { type });
  }
}
