import { diag } from "./diag.js";
import { type SondeImplementation, sondeGlobal } from "./global.js";

/**
 * Installs an SDK process-wide: from now on every tracer, metric (including those declared
 * earlier), context and propagation call delegates to it. Returns false, and reports
 * `already_registered` through `diag`, when another implementation is installed. Never throws.
 */
export function registerImplementation(implementation: SondeImplementation): boolean {
  const current = sondeGlobal.implementation;
  if (current !== undefined && current !== implementation) {
    diag.report({
      code: "already_registered",
      message: `${implementation.name} not installed: ${current.name} is already installed`,
      key: implementation.name,
    });
    return false;
  }
  sondeGlobal.implementation = implementation;
  sondeGlobal.epoch++;
  return true;
}

/**
 * Removes `implementation` if it is the installed one (everything returns to noops). Returns
 * whether it was installed. Never throws.
 */
export function unregisterImplementation(implementation: SondeImplementation): boolean {
  if (sondeGlobal.implementation !== implementation) return false;
  sondeGlobal.implementation = undefined;
  sondeGlobal.epoch++;
  return true;
}
