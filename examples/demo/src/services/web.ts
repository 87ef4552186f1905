import { logs, trace } from "@sonde/api";
import { call, DemoError, type Handler, latency, sleep } from "./util.js";

const tracer = trace.getTracer("demo.web");
const log = logs.getLogger("demo.web.checkout");

/**
 * The web tier: every page verifies the session with auth; `/checkout` then asks billing to
 * charge (which has resources allocated); `/browse` renders the catalogue.
 */
export const web =
  (authUrl: string, billingUrl: string): Handler =>
  async (path, body) => {
    const user = String(body.user ?? "anonymous");
    const session = await call(`${authUrl}/verify`, { user });
    if (session.status !== 200) throw new DemoError(session.status, `auth: ${session.body.error}`);
    if (path === "/checkout") {
      const plan = String(body.plan ?? "basic");
      log.info({ user, plan }, "checkout started");
      const charged = await call(`${billingUrl}/charge`, { user, plan });
      if (charged.status !== 200) {
        log.warn({ user, status: charged.status, error: charged.body.error }, "checkout failed");
        throw new DemoError(charged.status, `billing: ${charged.body.error}`);
      }
      log.info({ user, charged_cents: charged.body.charged_cents }, "checkout done");
      return charged.body;
    }
    if (path === "/browse") {
      return tracer.startActiveSpan("render catalogue", async (span) => {
        const items = 10 + Math.floor(Math.random() * 40);
        span.setAttribute("catalogue.items", items);
        await sleep(latency(3, 15) + items / 4);
        return { items };
      });
    }
    throw new DemoError(404, `no route ${path}`);
  };
