import { createRequire } from "node:module";

/** This package's version, from its package.json. */
export const SDK_VERSION: string = createRequire(import.meta.url)("../package.json").version;
