import { loadJobs } from "@/jobs/load";
import { createTrpcHandler } from "@/server/core/trpc-http";
import { getSessionUser, publicUrl } from "@/server/users/auth";
import { getDb } from "@/server/core/db";

export const dynamic = "force-dynamic";

const handler = createTrpcHandler({ db: getDb, user: getSessionUser, publicUrl, jobs: loadJobs });

export { handler as GET, handler as POST };
