import { rest } from "@/server/rest/bound";

export const dynamic = "force-dynamic";

export async function GET(req: Request, ctx: { params: Promise<{ hts: string }> }) {
  return rest.product((await ctx.params).hts)(req);
}
