import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

/** Where `vite` (dev) and `vite preview` send `/api` calls; the collector's default address. */
const api = process.env.SONDE_API ?? "http://127.0.0.1:4318";
const proxy = { "/api": { target: api, changeOrigin: true } };

export default defineConfig({
  base: "/",
  plugins: [preact()],
  server: { proxy },
  preview: { proxy },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
});
