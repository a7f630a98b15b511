import { createTrpcHandler } from "@/server/api/http";
import { getSessionUser, publicUrl } from "@/server/auth";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

const handler = createTrpcHandler({ db: getDb, user: getSessionUser, publicUrl });

export { handler as GET, handler as POST };
