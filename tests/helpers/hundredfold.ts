// A test database about 100× the real seed, for the "every answer bounded" tests: the seed and the test users, the
// benchmark's synthetic generator (bench/synthetic.ts) at sizes near 100× the seed's own — measures, deadlines, events,
// sources, 50,000 observations (the benchmark's million would only slow the load) — and, in SQL, 100× the seed's
// budgets, figures and conflicts, plus admin lists the seed does not have (subscribers, contact points, accounts,
// articles with proposals). Everything is generated in the database (generate_series): a few seconds on PGlite.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { loadSynthetic, syntheticSql, type SyntheticSizes } from "@/bench/synthetic";
import { openSeededDatabase } from "./alerts";
import type { TestDatabase, TestDatabaseName } from "./databases";

/** The seed has 19 measures (46 versions), 18 deadlines (31), 30 events, 59 sources and 500 closes. */
export const HUNDREDFOLD: SyntheticSizes = { measureKeys: 1_900, deadlineKeys: 1_800, events: 3_000, sources: 1_000, series: 10, days: 5_000 };

/** Rows of the admin lists and the 100× budgets, figures and conflicts. */
export const EXTRA = { budgets: 500, figures: 700, conflicts: 300, subscribers: 1_000, contactPoints: 300, users: 600, articles: 100, proposalsPerArticle: 6 } as const;

const E = EXTRA;

const EXTRA_SQL = [
  `insert into budgets (budget_key, title, programme, purpose, sector, amount, currency, amount_usd, status, proposed_on, passed_on, known_at)
   select 'syn-b-' || i, 'Synthetic budget ' || i, 'Programme ' || (i % 7), 'Support for exporters',
          (enum_range(null::sector))[1 + i % 8], 1e9 * (1 + i % 50), 'KRW', 1e9 * (1 + i % 50) / 1500,
          (array['proposed', 'passed', 'executed'])[1 + i % 3]::budget_status,
          date '2012-01-01' + (i * 9), case when i % 3 > 0 then date '2012-01-01' + (i * 9 + 20) end,
          timestamptz '2012-01-01 15:00:00+00' + (i * 9 + 20) * interval '1 day'
   from generate_series(1, ${E.budgets}) i`,
  `insert into figures (figure_key, kind, title, period, value, unit, known_at)
   select 'syn-f-' || i, (enum_range(null::figure_kind))[1 + i % 4], 'Synthetic figure ' || i, (2012 + i % 14)::text,
          i * 1.5, 'USD bn', timestamptz '2012-01-01 15:00:00+00' + (i * 7) * interval '1 day'
   from generate_series(1, ${E.figures}) i`,
  `insert into conflicts (conflict_key, record_type, record_key, field, title, status, resolved_value, resolved_at, known_at)
   select 'syn-c-' || i, 'figure', 'syn-f-' || i, 'value', 'Synthetic conflict ' || i,
          (case when i % 4 = 0 then 'resolved' else 'open' end)::conflict_status,
          case when i % 4 = 0 then i end, case when i % 4 = 0 then timestamptz '2020-01-01 00:00:00+00' end,
          timestamptz '2013-01-01 00:00:00+00' + i * interval '1 day'
   from generate_series(1, ${E.conflicts}) i`,
  `insert into conflict_claims (conflict_id, value, label, source_id)
   select c.id, c.id + v, 'Claim ' || v, s.id
   from conflicts c cross join generate_series(0, 1) v
   join sources s on s.key = 'syn-src-' || lpad((10 + (c.id * 3 + v) % 300)::text, 4, '0')
   where c.conflict_key like 'syn-c-%'`,
  `insert into alert_subscribers (email, name, time_zone, language, confirmed_at, created_at)
   select 'person' || i || '@example.org', 'Person ' || i, 'Asia/Seoul', 'en', timestamptz '2026-01-01 00:00:00+00',
          timestamptz '2026-01-01 00:00:00+00'
   from generate_series(1, ${E.subscribers}) i`,
  `insert into alert_subscriptions (subscriber_id, scope, scope_value, offsets, created_at)
   select s.id, (array['all', 'sector', 'kind'])[1 + v]::subscription_scope,
          (array['', 'autos', 'pause_expiry'])[1 + v], '7d,1d', s.created_at
   from alert_subscribers s cross join generate_series(0, 2) v where s.email like 'person%@example.org'`,
  `insert into alert_subscribers (email, time_zone, channel, confirmed_at, created_at)
   select 'point-' || i || '@contact-point.invalid', 'Asia/Seoul', 'slack', timestamptz '2026-01-01 00:00:00+00',
          timestamptz '2026-01-01 00:00:00+00'
   from generate_series(1, ${E.contactPoints}) i`,
  `insert into alert_contact_points (name, type, subscriber_id, url_hint, created_at)
   select 'Channel ' || substring(s.email from 'point-(\\d+)@'), 'slack', s.id, 'hooks.slack.com/…', s.created_at
   from alert_subscribers s where s.email like 'point-%@contact-point.invalid'`,
  `insert into users (id, email, name, role)
   select 'syn-u-' || i, 'user' || lpad(i::text, 4, '0') || '@example.org', 'User ' || i, 'viewer'
   from generate_series(1, ${E.users}) i`,
  `insert into articles (origin, content_hash, title, text, created_at)
   select 'paste', 'syn-hash-' || i, 'Synthetic article ' || i, 'Text of article ' || i,
          timestamptz '2026-01-01 00:00:00+00' + i * interval '1 hour'
   from generate_series(1, ${E.articles}) i`,
  // As extraction stores them: ordinals in id order within an article, so ids do not follow the review queue's order
  // (newest article first, then ordinal).
  `insert into fact_proposals (article_id, ordinal, kind, extracted, fact, evidence_start, evidence_end, confidence, created_at)
   select a.id, o + 1, 'tariff_rate', '{}'::jsonb, '{}'::jsonb, 0, 4, 0.5, a.created_at
   from articles a cross join generate_series(0, ${E.proposalsPerArticle - 1}) o where a.content_hash like 'syn-hash-%'
   order by a.id, o`,
];

async function loadExtra(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const statement of EXTRA_SQL) await tx.execute(sql.raw(statement));
  });
  await db.execute(sql.raw("analyze"));
}

/** The seeded test database with the 100× data on top (the caller closes it). */
export async function openHundredfold(name: TestDatabaseName): Promise<TestDatabase> {
  const { tdb } = await openSeededDatabase(name);
  try {
    await loadSynthetic(tdb.db, syntheticSql(HUNDREDFOLD));
    await loadExtra(tdb.db);
  } catch (error) {
    await tdb.close();
    throw error;
  }
  return tdb;
}
