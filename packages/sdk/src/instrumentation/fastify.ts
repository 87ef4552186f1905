import { subscribeChannels } from "./channels.js";
import { setHttpRoute } from "./http-server.js";

/** The parts of a Fastify instance and request that are used here (Fastify 4.10+ and 5). */
interface FastifyInstance {
  addHook(
    name: "onRequest",
    hook: (request: FastifyRequest, reply: unknown, done: () => void) => void,
  ): unknown;
}

interface FastifyRequest {
  routeOptions?: { url?: string };
}

/**
 * Names Fastify routes: sets `http.route` (the route's URL pattern with its prefix, e.g.
 * `/api/users/:id`) on the server span and renames it `GET /api/users/:id`. Two of Fastify's
 * `diagnostics_channel` events are used, so that nothing needs adding to the app:
 * `fastify.initialization` adds an `onRequest` hook to every instance created afterwards (the
 * route is known even when a hook answers before the handler, say with 401), and
 * `tracing:fastify.request.handler:start` covers instances created before Sonde started.
 * Returns a function that stops (hooks already added become noops).
 */
export function instrumentFastify(): () => void {
  let enabled = true;
  const onRequest = (request: FastifyRequest, _reply: unknown, done: () => void) => {
    const url = request.routeOptions?.url;
    if (enabled && url) setHttpRoute(url);
    done();
  };
  const unsubscribe = subscribeChannels({
    "fastify.initialization": ({ fastify }: { fastify: FastifyInstance }) => {
      fastify.addHook("onRequest", onRequest);
    },
    "tracing:fastify.request.handler:start": ({ route }: { route?: { url?: string } }) => {
      if (route?.url) setHttpRoute(route.url);
    },
  });
  return () => {
    enabled = false;
    unsubscribe();
  };
}
