// The `?token=` of a signed alert link, as given (checked by the procedures, which say what is wrong with it).
import type { SearchParams } from "@/app/_lib/page-context";

export async function tokenParam(searchParams: SearchParams): Promise<string | null> {
  const v = (await searchParams).token;
  const token = Array.isArray(v) ? v[0] : v;
  return token ? token.slice(0, 1024) : null;
}
