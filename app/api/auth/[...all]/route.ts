import { getAuth, publicUrl } from "@/server/users/auth";
import { crossSiteReason, forbiddenCrossSite } from "@/server/core/origin";

export const dynamic = "force-dynamic";

async function handler(req: Request): Promise<Response> {
  const refused = crossSiteReason(req, publicUrl);
  if (refused) return forbiddenCrossSite(refused);
  return (await getAuth()).handler(req);
}

export { handler as GET, handler as POST };
