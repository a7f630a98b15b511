// A page's <title> from one message: `export const generateMetadata = titleFrom("news.title");`.
import type { Metadata } from "next";
import { getTranslations } from "@/i18n/translations";

type Translate = Awaited<ReturnType<typeof getTranslations<never>>>;
export type MessageKey = Parameters<Translate>[0];

export function titleFrom(key: MessageKey, more: Metadata = {}): () => Promise<Metadata> {
  return async () => {
    const t = await getTranslations();
    return { title: t(key), ...more };
  };
}
