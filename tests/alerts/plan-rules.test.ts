// Which reminders a scan plans for one subscription and one deadline (server/alerts/plan-rules.ts), as a table:
// on time, late after downtime (only the latest sent, earlier ones superseded), missed once the deadline passed,
// not armed before the subscription or the due time was known, look-ahead grouping, across the 2025-11-02 and
// 2026-03-08 New York DST changes and in Seoul.
import { describe, expect, it } from "vitest";
import { planReminders, type PlannedReminder } from "@/server/alerts/plan-rules";
import { parseOffsets } from "@/server/alerts/reminder-rules";

const ALL = parseOffsets("30d,7d,1d,0");
const NY = "America/New_York";
const SEOUL = "Asia/Seoul";
const d = (iso: string) => new Date(iso);
const summary = (rows: PlannedReminder[]) => rows.map((r) => `${r.offset}:${r.outcome}${r.late ? "(late)" : ""}@${r.remindAt.toISOString()}`);

type Row = { name: string; offsets?: string; due: string; zone?: string; armed: string; now: string; lookahead?: number; want: string[] };

const cases: Row[] = [
  {
    name: "Aug 1 2025 00:01 EDT, ticking at the 7-day instant: only the 7-day reminder, on time",
    due: "2025-08-01T04:01:00Z",
    armed: "2025-07-07T00:00:00Z",
    now: "2025-07-25T04:01:00Z",
    want: ["7d:queued@2025-07-25T04:01:00.000Z"],
  },
  {
    name: "five minutes after the 7-day instant: still on time (grace)",
    due: "2025-08-01T04:01:00Z",
    armed: "2025-07-07T00:00:00Z",
    now: "2025-07-25T04:06:00Z",
    want: ["7d:queued@2025-07-25T04:01:00.000Z"],
  },
  {
    name: "a day after the 7-day instant (down): sent late",
    due: "2025-08-01T04:01:00Z",
    armed: "2025-07-07T00:00:00Z",
    now: "2025-07-26T04:01:00Z",
    want: ["7d:queued(late)@2025-07-25T04:01:00.000Z"],
  },
  {
    name: "down through the 7-day and 1-day instants: one late 1-day reminder, the 7-day one superseded",
    due: "2025-08-01T04:01:00Z",
    armed: "2025-07-07T00:00:00Z",
    now: "2025-07-31T12:00:00Z",
    want: ["7d:skipped(late)@2025-07-25T04:01:00.000Z", "1d:queued(late)@2025-07-31T04:01:00.000Z"],
  },
  {
    name: "down until after the deadline: every armed reminder is missed (digest), none sent",
    due: "2025-08-01T04:01:00Z",
    armed: "2025-07-07T00:00:00Z",
    now: "2025-08-01T06:00:00Z",
    want: ["7d:missed(late)@2025-07-25T04:01:00.000Z", "1d:missed(late)@2025-07-31T04:01:00.000Z", "0:missed(late)@2025-08-01T04:01:00.000Z"],
  },
  {
    name: "at the due instant: the due-time reminder goes out (not missed)",
    due: "2025-08-01T04:01:00Z",
    armed: "2025-07-30T00:00:00Z",
    now: "2025-08-01T04:01:00Z",
    want: ["1d:skipped(late)@2025-07-31T04:01:00.000Z", "0:queued@2025-08-01T04:01:00.000Z"],
  },
  {
    name: "subscribed after the 30-day and 7-day instants: no stale reminders, nothing yet",
    due: "2025-08-01T04:01:00Z",
    armed: "2025-07-28T00:00:00Z",
    now: "2025-07-28T00:00:00Z",
    want: [],
  },
  {
    name: "postponed today to 23 days ahead: the new deadline's 30-day instant was before it was known — not armed",
    due: "2025-08-01T04:01:00Z",
    armed: "2025-07-09T12:00:00Z",
    now: "2025-07-09T12:00:00Z",
    want: [],
  },
  {
    name: "a reminder 3 minutes ahead is planned now (look-ahead for grouping), on time",
    offsets: "1d",
    due: "2025-08-01T04:01:00Z",
    armed: "2025-07-07T00:00:00Z",
    now: "2025-07-31T03:58:00Z",
    lookahead: 5,
    want: ["1d:queued@2025-07-31T04:01:00.000Z"],
  },
  {
    name: "… but not 6 minutes ahead",
    offsets: "1d",
    due: "2025-08-01T04:01:00Z",
    armed: "2025-07-07T00:00:00Z",
    now: "2025-07-31T03:55:00Z",
    lookahead: 5,
    want: [],
  },
  {
    name: "NY spring forward: 1 day before 2026-03-08 09:00 EDT is 2026-03-07 09:00 EST (23 h earlier)",
    offsets: "1d",
    due: "2026-03-08T13:00:00Z",
    armed: "2026-01-01T00:00:00Z",
    now: "2026-03-07T14:00:00Z",
    want: ["1d:queued@2026-03-07T14:00:00.000Z"],
  },
  {
    name: "NY spring forward: 6 hours before is exact — 2026-03-08 03:00 EDT is 07:00Z",
    offsets: "6h",
    due: "2026-03-08T13:00:00Z",
    armed: "2026-01-01T00:00:00Z",
    now: "2026-03-08T07:00:00Z",
    want: ["6h:queued@2026-03-08T07:00:00.000Z"],
  },
  {
    name: "NY fall back: 1 day before 2025-11-02 09:00 EST is 2025-11-01 09:00 EDT (25 h earlier)",
    offsets: "1d",
    due: "2025-11-02T14:00:00Z",
    armed: "2025-10-01T00:00:00Z",
    now: "2025-11-01T13:00:00Z",
    want: ["1d:queued@2025-11-01T13:00:00.000Z"],
  },
  {
    name: "NY fall back: at 1d − 1 h (the 24-hour mark) it is not yet due",
    offsets: "1d",
    due: "2025-11-02T14:00:00Z",
    armed: "2025-10-01T00:00:00Z",
    now: "2025-11-01T12:59:00Z",
    want: [],
  },
  {
    name: "Seoul (no DST): 7 days before 2025-07-09 13:01 KST is 2025-07-02 13:01 KST",
    offsets: "7d",
    due: "2025-07-09T04:01:00Z",
    zone: SEOUL,
    armed: "2025-06-01T00:00:00Z",
    now: "2025-07-02T04:01:00Z",
    want: ["7d:queued@2025-07-02T04:01:00.000Z"],
  },
];

describe("planReminders", () => {
  it.each(cases)("$name", ({ offsets, due, zone, armed, now, lookahead, want }) => {
    const rows = planReminders({
      offsets: offsets ? parseOffsets(offsets) : ALL,
      due: d(due),
      dueZone: zone ?? NY,
      armedSince: d(armed),
      now: d(now),
      lookaheadMinutes: lookahead ?? 0,
    });
    expect(summary(rows)).toEqual(want);
  });

  it("a skipped reminder says which one superseded it; a missed one says why", () => {
    const [skipped] = planReminders({ offsets: ALL, due: d("2025-08-01T04:01:00Z"), dueZone: NY, armedSince: d("2025-07-07T00:00:00Z"), now: d("2025-07-31T12:00:00Z") });
    expect(skipped!.reason).toBe("superseded by the 1d reminder");
    const [missed] = planReminders({ offsets: ALL, due: d("2025-08-01T04:01:00Z"), dueZone: NY, armedSince: d("2025-07-07T00:00:00Z"), now: d("2025-08-02T00:00:00Z") });
    expect(missed!.reason).toContain("passed while nothing was running");
  });
});
