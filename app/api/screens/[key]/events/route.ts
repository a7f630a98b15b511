// A status screen's live feed (Server-Sent Events); the logic is in server/screens/stream.ts.
import { getDatabase } from "@/server/core/db";
import { createScreenStreamHandler } from "@/server/screens/stream";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const handler = createScreenStreamHandler({ database: getDatabase, now: () => new Date() });

export async function GET(req: Request, ctx: { params: Promise<{ key: string }> }): Promise<Response> {
  const { key } = await ctx.params;
  return handler(req, key);
}
