// RSS/Atom feeds: each feed with its status (state, last check in Washington and Seoul, next check, HTTP status,
// error, counts) and its recent items with what became of them (ingested → the article, duplicate, no keyword
// match, error). Editors add, edit, pause/resume, delete and check a feed now.
import { getTranslations } from "@/i18n/translations";
import { FeedActions } from "@/components/news/feeds/feed-actions";
import { FeedForm } from "@/components/news/feeds/feed-form";
import { PageHeader } from "@/components/layout/page-header";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle, TitledCard } from "@/components/ui/card";
import { DataTable } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { formatInstant, type DisplayLocale } from "@/lib/format";
import { DISPLAY_ZONES } from "@/server/core/constants";
import type { FeedItemRow, FeedStatus } from "@/server/news/feeds/feeds";
import { type FeedItemOutcome, type FeedState } from "@/server/news/constants";
import { signedInContext } from "@/app/_lib/page-context";
import { titleFrom } from "@/app/_lib/metadata";

export const dynamic = "force-dynamic";

const STATE_TONES: Record<FeedState, BadgeTone> = { new: "info", ok: "success", error: "danger", paused: "neutral" };
const OUTCOME_TONES: Record<FeedItemOutcome, BadgeTone> = { pending: "info", ingested: "success", duplicate: "neutral", "no-match": "neutral", error: "danger" };

export const generateMetadata = titleFrom("feeds.title");

export default async function FeedsPage() {
  const ctx = await signedInContext("/feeds");
  const t = await getTranslations("feeds");
  const feeds = await ctx.api.feeds.list();
  const items = await Promise.all(feeds.map((f) => ctx.api.feeds.items({ feedId: f.id, limit: 10 })));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6">
        {feeds.length === 0 ? <p className="text-sm text-muted-foreground">{t("none")}</p> : null}
        {feeds.map((feed, i) => (
          <FeedCard key={feed.id} feed={feed} items={items[i]!} canEdit={ctx.canEdit} locale={ctx.locale} />
        ))}
        {ctx.canEdit ? (
          <TitledCard title={t("newTitle")} description={t("newHint")}>
            <FeedForm />
          </TitledCard>
        ) : null}
      </div>
    </>
  );
}

type FeedProps = { feed: FeedStatus; locale: DisplayLocale };

async function FeedCard({ feed, items, canEdit, locale }: FeedProps & { items: FeedItemRow[]; canEdit: boolean }) {
  const t = await getTranslations("feeds");
  return (
    <Card data-testid={`feed-${feed.id}`}>
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
        <FeedStatusList feed={feed} locale={locale} />
        {canEdit ? <FeedActions id={feed.id} name={feed.name} active={feed.active} /> : null}
        <section aria-labelledby={`feed-${feed.id}-items`} className="grid gap-2">
          <h3 id={`feed-${feed.id}-items`} className="text-sm font-medium">
            {t("recentItems")}
          </h3>
          <FeedItems items={items} locale={locale} />
        </section>
        {canEdit ? (
          <details>
            <summary className="cursor-pointer text-sm font-medium">{t("edit")}</summary>
            <div className="pt-3">
              <FeedForm initial={{ id: feed.id, name: feed.name, keywords: feed.keywords, intervalMinutes: feed.intervalMinutes }} />
            </div>
          </details>
        ) : null}
      </CardContent>
    </Card>
  );
}

function WhenBoth({ at, locale }: { at: Date; locale: DisplayLocale }) {
  return (
    <span>
      {formatInstant(at, DISPLAY_ZONES.washington, locale)} · {formatInstant(at, DISPLAY_ZONES.seoul, locale)}
    </span>
  );
}

async function FeedStatusList({ feed, locale }: FeedProps) {
  const t = await getTranslations("feeds");
  const when = (at: Date | null) => (at ? <WhenBoth at={at} locale={locale} /> : t("never"));
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
      <dt className="text-muted-foreground">{t("lastCheck")}</dt>
      <dd>
        {when(feed.lastCheckedAt)}
        {feed.lastHttpStatus ? ` (HTTP ${feed.lastHttpStatus})` : ""}
      </dd>
      <dt className="text-muted-foreground">{t("lastSuccess")}</dt>
      <dd>{when(feed.lastSuccessAt)}</dd>
      <dt className="text-muted-foreground">{t("nextCheck")}</dt>
      <dd>{feed.active ? <WhenBoth at={feed.nextCheckAt} locale={locale} /> : t("pausedNoCheck")}</dd>
      <dt className="text-muted-foreground">{t("keywords")}</dt>
      <dd>{feed.keywords.length ? feed.keywords.join(", ") : t("allItems")}</dd>
      <dt className="text-muted-foreground">{t("counts")}</dt>
      <dd>{t("countsValue", { seen: feed.itemsSeen, ingested: feed.itemsIngested, interval: feed.intervalMinutes })}</dd>
    </dl>
  );
}

async function FeedItems({ items, locale }: { items: FeedItemRow[]; locale: DisplayLocale }) {
  const t = await getTranslations("feeds");
  return (
    <DataTable
      scrollable
      density="compact"
      data-testid="feed-items"
      rows={items}
      rowKey={(item) => item.id}
      rowProps={() => ({ "data-testid": "feed-item" })}
      empty={t("noItems")}
      columns={[
        {
          header: t("item"),
          cell: (item) =>
            item.link ? (
              <a href={item.link} rel="noopener noreferrer nofollow" className="underline underline-offset-4">
                {item.title}
              </a>
            ) : (
              item.title
            ),
        },
        {
          header: t("outcome"),
          cell: (item) => (
            <>
              <Badge tone={OUTCOME_TONES[item.outcome]}>{t(`outcomeName.${item.outcome}`)}</Badge>{" "}
              {item.articleId ? (
                <TextLink href={`/news/${item.articleId}`} data-testid="feed-item-article">
                  {t("article", { id: item.articleId })}
                </TextLink>
              ) : null}
              {item.error ? <span className="block text-xs text-red-800 dark:text-red-300">{item.error}</span> : null}
            </>
          ),
        },
        {
          header: t("seen"),
          cell: (item) => formatInstant(item.seenAt, DISPLAY_ZONES.seoul, locale),
          className: "whitespace-nowrap",
        },
      ]}
    />
  );
}
