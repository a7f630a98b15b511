import { PHASE_PRODUCTION_SERVER } from "next/constants.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM + data files that must be loaded from node_modules, not bundled.
  // node-cron forks and nodemailer/smtp use Node's own modules: loaded from node_modules as they are.
  // linkedom (HTML → readable text) and yahoo-finance2 (market data) load their own dependencies at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "node-cron", "nodemailer", "linkedom", "yahoo-finance2"],
  poweredByHeader: false,
  // The Korean web font's path carries its version (scripts/font-css.mjs): its files never change under one URL.
  async headers() {
    return [{ source: "/fonts/:path*", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] }];
  },
  experimental: {
    // Next loads every route's modules at start by default; the first page then waits behind ~30 routes it does
    // not need (editing, admin, alerts…). Each route's modules now load on its first request (docs/operations.md).
    preloadEntriesOnStart: false,
  },
};

// next-intl's plugin points the build at i18n/request.ts (a bundler alias); loading it also loads a native compiler
// and a file watcher (~0.15 s). `next start` serves what was built and needs neither.
export default async function config(phase) {
  // A bad environment stops `next build` here with a clear message; `next start` stops on it in instrumentation.ts,
  // without loading the validator a second time.
  if (phase === PHASE_PRODUCTION_SERVER) return nextConfig;
  await import("./server/core/env.js");
  const { default: createNextIntlPlugin } = await import("next-intl/plugin");
  return createNextIntlPlugin("./i18n/request.ts")(nextConfig);
}
