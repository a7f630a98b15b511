import { rest } from "@/server/rest/bound";

export const dynamic = "force-dynamic";
export const POST = rest.parts;
