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
};

export default withNextIntl(nextConfig);
