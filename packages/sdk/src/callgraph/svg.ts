import { type CallGraph, toDot } from "@sonde/protocol";

const VIZ = "@viz-js/viz";
let viz: Promise<{ renderString(dot: string, options: { format: string }): string }> | undefined;

/**
 * Renders a call graph (`SondeHandle.callGraph()`) as SVG: its DOT laid out by Graphviz `dot`
 * compiled to WebAssembly by `@viz-js/viz`, an optional peer dependency (`npm i @viz-js/viz`)
 * loaded on first use. Rejects with an `Error` saying so when it is not installed, or with
 * Graphviz's error.
 */
export async function callGraphSvg(graph: CallGraph): Promise<string> {
  viz ??= (import(VIZ) as Promise<{ instance(): Promise<never> }>).then(
    (m) => m.instance(),
    () => {
      viz = undefined;
      throw new Error(`callGraphSvg needs the optional package ${VIZ}: npm i ${VIZ}`);
    },
  );
  return (await viz).renderString(toDot(graph), { format: "svg" });
}
