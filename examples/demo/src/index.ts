export { type Demo, type DemoOptions, runDemo } from "./run.js";
export { type LoadGenerator, startLoad } from "./load.js";
