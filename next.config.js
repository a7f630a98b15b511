import createNextIntlPlugin from "next-intl/plugin";
import "./server/core/env.js";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

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

export default withNextIntl(nextConfig);
