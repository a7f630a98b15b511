// A conflict card's heading, apart from the card so that pages that only show conflicts (/sources) do not ship the
// editors' resolve form (tRPC client and zod) with it.
import { getTranslations } from "@/i18n/translations";
import { Badge } from "@/components/ui/badge";
import { CardHeader, CardTitle } from "@/components/ui/card";
import { titleIn, type DisplayLocale } from "@/lib/format";
import type { ConflictRef } from "@/server/core/citations";

/** A conflict card's heading: whether it is open or resolved, and what it is about. */
export async function ConflictHeader({ conflict, locale }: { conflict: ConflictRef; locale: DisplayLocale }) {
  const t = await getTranslations("conflicts");
  return (
    <CardHeader>
      <CardTitle className="flex flex-wrap items-center gap-2">
        <Badge tone={conflict.status === "open" ? "warning" : "success"}>{t(conflict.status)}</Badge>
        {titleIn(conflict, locale)}
      </CardTitle>
    </CardHeader>
  );
}
