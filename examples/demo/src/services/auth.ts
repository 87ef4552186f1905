import { trace } from "@sonde/api";
import { DemoError, type Handler, latency, sleep } from "./util.js";

const tracer = trace.getTracer("demo.auth");

/** The auth service: verifies a session token; a few percent are expired. */
export const auth: Handler = async (path, body) => {
  if (path !== "/verify") throw new DemoError(404, `no route ${path}`);
  const user = String(body.user ?? "anonymous");
  await tracer.startActiveSpan(
    "session lookup",
    { attributes: { "enduser.id": user } },
    async () => {
      await sleep(latency(1, 6, 0.02, 80));
    },
  );
  if (Math.random() < 0.03) throw new DemoError(401, "session expired");
  return { user, scopes: ["checkout", "browse"] };
};
