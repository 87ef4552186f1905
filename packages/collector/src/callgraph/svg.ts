import { type CallGraph, toDot } from "@sonde/protocol";

/**
 * Renders a call graph as SVG: its DOT (`toDot`) laid out by Graphviz `dot`, compiled to
 * WebAssembly by `@viz-js/viz` (loaded on first use, ~2 MB). Rejects only if that module cannot
 * load or Graphviz reports an error.
 */
let viz: Promise<{ renderString(dot: string, options: { format: string }): string }> | undefined;

export async function callGraphSvg(graph: CallGraph): Promise<string> {
  viz ??= import("@viz-js/viz").then((m) => m.instance());
  return (await viz).renderString(toDot(graph), { format: "svg" });
}
