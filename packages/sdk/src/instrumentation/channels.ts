import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { diag } from "@sonde/api";

/** A `diagnostics_channel` subscriber; the message shape is the publisher's. */
export type ChannelHandler = (message: never) => void;

/**
 * Subscribes to `diagnostics_channel` channels by name (works whether or not the publishing
 * module was loaded yet, and however it was imported) and returns a function that
 * unsubscribes. A handler that throws is reported through `diag` (`internal_error`) instead
 * of reaching the publisher, which would rethrow it as an uncaught exception.
 */
export function subscribeChannels(handlers: Record<string, ChannelHandler>): () => void {
  const subscribed = Object.entries(handlers).map(([name, handler]) => {
    const listener = (message: unknown) => {
      try {
        (handler as (message: unknown) => void)(message);
      } catch (error) {
        diag.report({
          code: "internal_error",
          message: `${name} handler failed`,
          key: name,
          error,
        });
      }
    };
    subscribe(name, listener);
    return [name, listener] as const;
  });
  return () => {
    for (const [name, listener] of subscribed) unsubscribe(name, listener);
  };
}
