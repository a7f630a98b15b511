import { rest } from "@/server/rest/bound";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ file: string }> }) {
  return rest.seriesCsv((await ctx.params).file)(req);
}
