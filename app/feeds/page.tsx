// RSS/Atom feeds: each feed with its status (state, last check in Washington and Seoul, next check, HTTP status,
// error, counts) and its recent items with what became of them (ingested → the article, duplicate, no keyword
// match, error). Editors add, edit, pause/resume, delete and check a feed now.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FeedActions } from "@/components/news/feeds/feed-actions";
import { FeedForm } from "@/components/news/feeds/feed-form";
import { PageHeader } from "@/components/layout/page-header";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatInstant, type DisplayLocale } from "@/lib/format";
import { DISPLAY_ZONES } from "@/server/core/constants";
import { type FeedState } from "@/server/news/constants";
import { signedInContext } from "@/app/_lib/page-context";
import type { FeedItemOutcome } from "@/server/news/constants";

export const dynamic = "force-dynamic";

const STATE_TONES: Record<FeedState, BadgeTone> = { new: "info", ok: "success", error: "danger", paused: "neutral" };
const OUTCOME_TONES: Record<FeedItemOutcome, BadgeTone> = { pending: "info", ingested: "success", duplicate: "neutral", "no-match": "neutral", error: "danger" };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("feeds");
  return { title: t("title") };
}

function WhenBoth({ at, locale }: { at: Date; locale: DisplayLocale }) {
  return (
    <span>
      {formatInstant(at, DISPLAY_ZONES.washington, locale)} · {formatInstant(at, DISPLAY_ZONES.seoul, locale)}
    </span>
  );
}

export default async function FeedsPage() {
  const ctx = await signedInContext("/feeds");
  const t = await getTranslations("feeds");
  const feeds = await ctx.api.feeds.list();
  const items = await Promise.all(feeds.map((f) => ctx.api.feeds.items({ feedId: f.id, limit: 10 })));
  const cell = "py-1.5 pr-3 align-top";
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6">
        {feeds.length === 0 ? <p className="text-sm text-muted-foreground">{t("none")}</p> : null}
        {feeds.map((feed, i) => (
          <Card key={feed.id} data-testid={`feed-${feed.id}`}>
            <CardHeader className="flex-col">
              <CardTitle>
                <span className="mr-2">{feed.name}</span>
                <Badge tone={STATE_TONES[feed.state]} data-testid="feed-state">
                  {t(`state.${feed.state}`)}
                </Badge>
              </CardTitle>
              <CardDescription className="break-all">{feed.url}</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4">
              {feed.state === "error" && feed.lastError ? (
                <p className="rounded-md border border-red-600/40 bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-300" data-testid="feed-error">
                  {t("lastError", { error: feed.lastError, failures: feed.consecutiveFailures })}
                </p>
              ) : null}
              <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="text-muted-foreground">{t("lastCheck")}</dt>
                <dd>{feed.lastCheckedAt ? <WhenBoth at={feed.lastCheckedAt} locale={ctx.locale} /> : t("never")}{feed.lastHttpStatus ? ` (HTTP ${feed.lastHttpStatus})` : ""}</dd>
                <dt className="text-muted-foreground">{t("lastSuccess")}</dt>
                <dd>{feed.lastSuccessAt ? <WhenBoth at={feed.lastSuccessAt} locale={ctx.locale} /> : t("never")}</dd>
                <dt className="text-muted-foreground">{t("nextCheck")}</dt>
                <dd>{feed.active ? <WhenBoth at={feed.nextCheckAt} locale={ctx.locale} /> : t("pausedNoCheck")}</dd>
                <dt className="text-muted-foreground">{t("keywords")}</dt>
                <dd>{feed.keywords.length ? feed.keywords.join(", ") : t("allItems")}</dd>
                <dt className="text-muted-foreground">{t("counts")}</dt>
                <dd>{t("countsValue", { seen: feed.itemsSeen, ingested: feed.itemsIngested, interval: feed.intervalMinutes })}</dd>
              </dl>
              {ctx.canEdit ? <FeedActions id={feed.id} name={feed.name} active={feed.active} /> : null}
              <section aria-labelledby={`feed-${feed.id}-items`} className="grid gap-2">
                <h3 id={`feed-${feed.id}-items`} className="text-sm font-medium">{t("recentItems")}</h3>
                {items[i]!.length === 0 ? (
                  <p className="text-sm text-muted-foreground">{t("noItems")}</p>
                ) : (
                  <div className="overflow-x-auto">
                    <table className="w-full text-left text-sm" data-testid="feed-items">
                      <thead className="text-xs text-muted-foreground">
                        <tr>
                          <th scope="col" className={`${cell} font-medium`}>{t("item")}</th>
                          <th scope="col" className={`${cell} font-medium`}>{t("outcome")}</th>
                          <th scope="col" className="py-1.5 font-medium">{t("seen")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {items[i]!.map((item) => (
                          <tr key={item.id} className="border-t border-border" data-testid="feed-item">
                            <td className={cell}>
                              {item.link ? (
                                <a href={item.link} rel="noopener noreferrer nofollow" className="underline underline-offset-4">
                                  {item.title}
                                </a>
                              ) : (
                                item.title
                              )}
                            </td>
                            <td className={cell}>
                              <Badge tone={OUTCOME_TONES[item.outcome]}>{t(`outcomeName.${item.outcome}`)}</Badge>{" "}
                              {item.articleId ? (
                                <Link href={`/news/${item.articleId}`} className="text-accent underline underline-offset-4" data-testid="feed-item-article">
                                  {t("article", { id: item.articleId })}
                                </Link>
                              ) : null}
                              {item.error ? <span className="block text-xs text-red-800 dark:text-red-300">{item.error}</span> : null}
                            </td>
                            <td className="py-1.5 align-top whitespace-nowrap">{formatInstant(item.seenAt, DISPLAY_ZONES.seoul, ctx.locale)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </section>
              {ctx.canEdit ? (
                <details>
                  <summary className="cursor-pointer text-sm font-medium">{t("edit")}</summary>
                  <div className="pt-3">
                    <FeedForm initial={{ id: feed.id, name: feed.name, keywords: feed.keywords, intervalMinutes: feed.intervalMinutes }} />
                  </div>
                </details>
              ) : null}
            </CardContent>
          </Card>
        ))}
        {ctx.canEdit ? (
          <Card>
            <CardHeader className="flex-col">
              <CardTitle>{t("newTitle")}</CardTitle>
              <CardDescription>{t("newHint")}</CardDescription>
            </CardHeader>
            <CardContent>
              <FeedForm />
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
