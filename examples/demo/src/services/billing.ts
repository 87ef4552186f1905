import { events, metrics, trace } from "@sonde/api";
import { call, DemoError, type Handler, latency, sleep } from "./util.js";

const tracer = trace.getTracer("demo.billing");

const charges = metrics.counter("/demo/billing/charge_count", {
  description: "Charges attempted, by outcome.",
  unit: "1",
  tags: { outcome: "string" },
  owner: "team-payments",
  stability: "stable",
});

const configChanged = events.declare("/demo/billing/config_changed", {
  description: "A billing setting changed (the demo flips the card retry budget).",
  severity: "notice",
  owner: "team-payments",
  fields: { key: "string", old: "string", new: "string" },
});
let retries = 2;
let lastChange = 0;

/** Every ~20 s of traffic, changes a setting (recorded inside the request's trace). */
function maybeChangeConfig(): void {
  if (Date.now() - lastChange < 20_000) return;
  lastChange = Date.now();
  const next = retries === 2 ? 3 : 2;
  configChanged.record({ key: "card_retries", old: String(retries), new: String(next) });
  retries = next;
}

/** The billing service: prices the order, has resources allocated, then charges the card. */
export const billing =
  (resourcesUrl: string): Handler =>
  async (path, body) => {
    if (path !== "/charge") throw new DemoError(404, `no route ${path}`);
    const plan = String(body.plan ?? "basic");
    maybeChangeConfig();
    const cents = await tracer.startActiveSpan("price quote", async (span) => {
      await sleep(latency(2, 8));
      const price = plan === "pro" ? 4900 : 1900;
      span.setAttribute("billing.amount_cents", price);
      return price;
    });
    const allocated = await call(`${resourcesUrl}/allocate`, {
      image: plan === "pro" ? "web-large" : "web-small",
    });
    if (allocated.status !== 200) {
      charges.add(1, { outcome: "resources_failed" });
      throw new DemoError(502, `resources: ${allocated.body.error}`);
    }
    await tracer.startActiveSpan("charge card", async (span) => {
      await sleep(latency(15, 60, 0.04, 400));
      span.setAttribute("billing.card_network", Math.random() < 0.7 ? "visa" : "mastercard");
      if (Math.random() < 0.04) {
        charges.add(1, { outcome: "declined" });
        throw new DemoError(402, "card declined");
      }
    });
    charges.add(1, { outcome: "ok" });
    return { charged_cents: cents, ...allocated.body };
  };
