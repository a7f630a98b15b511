import createNextIntlPlugin from "next-intl/plugin";
import "./server/env.js";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM + data files that must be loaded from node_modules, not bundled.
  // node-cron forks and nodemailer/smtp use Node's own modules: loaded from node_modules as they are.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "node-cron", "nodemailer"],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
