// The scheduled jobs, loaded when first asked for (the admin's job table): every feature's jobs bring the mailer,
// the feed reader and the market provider with them, which a page or an API call otherwise never needs.
import type { JobDefinition } from "@/server/core/jobs";

export const loadJobs = async (): Promise<readonly JobDefinition[]> => (await import("./index")).JOBS;
