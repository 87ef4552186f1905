export { type LoadGenerator, startLoad } from "./load.js";
export { type Demo, type DemoOptions, runDemo } from "./run.js";
