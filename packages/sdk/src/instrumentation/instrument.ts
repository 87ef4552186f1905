import { trace } from "@sonde/api";
import { SDK_VERSION } from "../version.js";
import { instrumentExpress } from "./express.js";
import { instrumentFastify } from "./fastify.js";
import { instrumentFetch } from "./fetch.js";
import { instrumentHttp } from "./http.js";

/** The instrumentation scope of `fetch` (undici) client spans. */
export const FETCH_SCOPE = "@sonde/sdk/fetch";

/** Which automatic instrumentations to turn on. */
export interface Instrumentations {
  /** `node:http` and `node:https` servers and clients. */
  http: boolean;
  /** Global `fetch` and undici clients. */
  fetch: boolean;
  /** Express 5 route names on server spans. */
  express: boolean;
  /** Fastify route names on server spans. */
  fastify: boolean;
}

/** Turns on the chosen instrumentations; returns a function that removes them all. */
export function instrument(chosen: Instrumentations): () => void {
  const undo: Array<() => void> = [];
  if (chosen.http) undo.push(instrumentHttp());
  if (chosen.fetch) undo.push(instrumentFetch(trace.getTracer(FETCH_SCOPE, SDK_VERSION)));
  if (chosen.express) undo.push(instrumentExpress());
  if (chosen.fastify) undo.push(instrumentFastify());
  return () => {
    for (const fn of undo) fn();
  };
}
