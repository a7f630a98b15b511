// News (articles, proposals, feeds) enums and limits: the one source for its Drizzle pgEnums, zod schemas and UI labels.
/** How an article arrived. */
export const ARTICLE_ORIGINS = ["paste", "upload", "url", "feed"] as const;
export type ArticleOrigin = (typeof ARTICLE_ORIGINS)[number];

/** File types an editor may upload as an article. */
export const ARTICLE_FILE_TYPES = ["txt", "html", "md"] as const;
export type ArticleFileType = (typeof ARTICLE_FILE_TYPES)[number];

/** The largest article (pasted, uploaded, fetched or a feed document) read, in bytes. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** A proposal waits for an editor; accepting writes the tracked record, rejecting keeps it for the record. */
export const PROPOSAL_STATUSES = ["pending", "accepted", "rejected"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** A feed's state at its last poll. */
export const FEED_STATES = ["new", "ok", "error", "paused"] as const;
export type FeedState = (typeof FEED_STATES)[number];
/** Default minutes between polls of one feed; failures back off doubling up to the maximum. */
export const FEED_INTERVAL_MINUTES = 30;
export const FEED_MAX_BACKOFF_MINUTES = 24 * 60;
/** What became of a feed item: waiting to be fetched, ingested as an article, a duplicate of one, skipped (no keyword match), or failed. */
export const FEED_ITEM_OUTCOMES = ["pending", "ingested", "duplicate", "no-match", "error"] as const;
export type FeedItemOutcome = (typeof FEED_ITEM_OUTCOMES)[number];
/** Words an item's title or summary must contain (any, case-insensitive) to be ingested, unless a feed sets its own. */
export const DEFAULT_FEED_KEYWORDS = ["tariff", "KOSPI", "관세"] as const;

/** `feeds.list`: the most feeds there can be (subscribing to another is refused), so the list is bounded by design. */
export const MAX_FEEDS = 200;
/** `feeds.items`, `articles.list`, `review.list`: the most rows one answer holds (the most recent ones). */
export const MAX_NEWS_PAGE = 200;
/** `review.article`: the most proposals listed with one article (extraction makes a few dozen at most). */
export const MAX_ARTICLE_PROPOSALS = 500;
