import { errors, metrics, trace } from "@sonde/api";
import { DemoError, type Handler, latency, sleep } from "./util.js";

const tracer = trace.getTracer("demo.resources");

const startupLatency = metrics.distribution("/demo/resources/container_startup_latency", {
  description: "Time to start a container for a resource request.",
  unit: "ms",
  tags: { image: "string" },
  buckets: [20, 30, 50, 80, 130, 210, 340, 550],
  owner: "team-infra",
  stability: "experimental",
});

/** One step of the seed's resource request, as an internal span. */
async function step(name: string, ms: number, attributes: Record<string, string | number> = {}) {
  return tracer.startActiveSpan(name, { attributes }, async () => {
    await sleep(ms);
    return ms;
  });
}

/**
 * The resources service (seed 001: resource request → container startup → storage allocation →
 * startup scripts → resource ready). Storage allocation sometimes fails on quota.
 */
export const resources: Handler = async (path, body) => {
  if (path !== "/allocate") throw new DemoError(404, `no route ${path}`);
  const image = String(body.image ?? "web-small");
  const startup = await step("container startup", latency(20, 70, 0.05, 300), {
    "container.image.name": image,
  });
  startupLatency.record(startup, { image });
  const gib = 1 + Math.floor(Math.random() * 8);
  await tracer.startActiveSpan(
    "storage allocation",
    { attributes: { "storage.size_gib": gib } },
    async () => {
      await sleep(latency(10, 40, 0.03, 150));
      if (Math.random() < 0.02) {
        errors.reportProblem({
          type: "StorageQuotaExceeded",
          message: `storage quota exceeded allocating ${gib} GiB for ${image}`,
          attributes: { "storage.size_gib": gib },
          owner: "team-infra",
        });
        throw new DemoError(507, "storage quota exceeded");
      }
    },
  );
  await step("startup scripts", latency(5, 30), {
    "scripts.count": 1 + Math.floor(Math.random() * 4),
  });
  return { resource_id: Math.random().toString(36).slice(2, 10), image, storage_gib: gib };
};
