// A demo service process: `node service.js <web|auth|billing|resources>`. Starts the Sonde SDK
// (pushing to the collector at SONDE_COLLECTOR over the Sonde collection protocol, or OTLP/HTTP
// to SONDE_ENDPOINT), serves on a free loopback port, reports `{ port }` to the parent
// over IPC, and flushes telemetry and exits when the parent goes away.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configureLogging, startSonde } from "@sonde/sdk";

const name = process.argv[2] ?? "";
// Only the entry point configures logging: JSON lines to a file (SONDE_LOG_DESTINATION to move
// it), so `npm start` stays readable; every line also goes to the collector.
configureLogging({
  format: "json",
  destination: process.env.SONDE_LOG_DESTINATION ?? join(tmpdir(), `sonde-demo-${name}.log`),
});
const sonde = startSonde({
  serviceName: name,
  resource: { "deployment.environment.name": "demo" },
});

const { auth } = await import("./services/auth.js");
const { billing } = await import("./services/billing.js");
const { resources } = await import("./services/resources.js");
const { web } = await import("./services/web.js");
const { jsonServer } = await import("./services/util.js");

const env = (key: string) => process.env[key] ?? "";
const handlers = {
  web: () => web(env("DEMO_AUTH_URL"), env("DEMO_BILLING_URL")),
  auth: () => auth,
  billing: () => billing(env("DEMO_RESOURCES_URL")),
  resources: () => resources,
};
if (!(name in handlers)) {
  console.error(
    `unknown demo service ${JSON.stringify(name)}; one of ${Object.keys(handlers).join(", ")}`,
  );
  process.exit(2);
}

const server = jsonServer(handlers[name as keyof typeof handlers]());
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  await sonde.shutdown();
  process.exit(0);
}
process.on("disconnect", stop);
process.on("SIGTERM", stop);
process.on("SIGINT", () => {}); // the parent decides when to stop (Ctrl-C reaches the whole group)
