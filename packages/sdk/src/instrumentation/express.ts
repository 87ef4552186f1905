import { subscribeChannels } from "./channels.js";
import { setHttpRoute } from "./http-server.js";

/** The fields of the `router` package's objects (Express 5) that are read here. */
interface Layer {
  /** For a mounted router: the router function, whose `stack` holds its layers. */
  handle?: { stack?: unknown };
  /** For the layer that dispatches to a route: that route. */
  route?: unknown;
}

interface RouterRequest {
  /** The route being dispatched, set by the router when it matched. */
  route?: { stack?: unknown };
}

/** The `express.router.request` tracing context: one per handler invocation. */
interface LayerStart {
  req: RouterRequest;
  layer: Layer;
  /** The pattern that matched, relative to the layer's router: `"/users/:id"`. */
  route?: unknown;
}

/** A router entered on the way to the handler, with the pattern it was mounted at. */
interface Mount {
  layers: Layer[];
  mountLayer: Layer;
  pattern: string;
}

/** Joins a mount pattern and a route relative to it: `"/api/" + "/users"` is `"/api/users"`. */
function joinRoute(prefix: string, route: string): string {
  const base = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
  if (route === "/" || route === "") return base === "" ? "/" : base;
  return base + route;
}

/**
 * The full route of the handler about to run: its route's pattern, prefixed with the patterns
 * of the routers it is mounted in, found by walking from the innermost recorded router (the
 * one holding the route) outwards.
 */
function fullRoute(request: RouterRequest, pattern: string, mounts: Mount[] | undefined): string {
  let route = pattern;
  let isChild = (layer: Layer) => layer.route === request.route;
  for (let i = (mounts?.length ?? 0) - 1; i >= 0; i--) {
    const mount = (mounts as Mount[])[i];
    if (!mount.layers.some(isChild)) continue;
    route = joinRoute(mount.pattern, route);
    const parent = mount.mountLayer;
    isChild = (layer) => layer === parent;
  }
  return route;
}

/**
 * Names Express routes: sets `http.route` (e.g. `/api/users/:id`, mount paths included) on the
 * server span and renames it `GET /api/users/:id`, from the `express.router.request` tracing
 * channel that the `router` package (2.3+, used by Express 5) publishes for each handler. Works
 * however Express was imported and whenever it was loaded; nothing to add to the app. Express 4
 * and older routers publish nothing: call `setHttpRoute` there. Returns a function that stops.
 */
export function instrumentExpress(): () => void {
  const mounts = new WeakMap<RouterRequest, Mount[]>();
  return subscribeChannels({
    "tracing:express.router.request:start": ({ req, layer, route }: LayerStart) => {
      const routeLayers = req.route?.stack;
      if (Array.isArray(routeLayers) && routeLayers.includes(layer)) {
        setHttpRoute(fullRoute(req, String(route ?? ""), mounts.get(req)));
        return;
      }
      const layers = layer.handle?.stack;
      if (!Array.isArray(layers)) return;
      const mount = { layers, mountLayer: layer, pattern: String(route ?? "") };
      const list = mounts.get(req);
      if (list === undefined) mounts.set(req, [mount]);
      else list.push(mount);
    },
  });
}
