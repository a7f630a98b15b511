// Alert email templates: subjects, Washington/Seoul (and the reader's own) times across DST, countdown wording, the
// late note, postponements old → new, several items in one email, English and Korean, escaping, the .ics attachment
// read back with ical.js, digest / confirm / test emails.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import {
  countdownPhrase,
  renderAlertEmail,
  renderConfirmEmail,
  renderDigestEmail,
  renderTestEmail,
  type AlertItem,
  type Links,
  type Recipient,
} from "@/server/alerts/emails";
import { MESSAGES } from "@/server/alerts/emails/messages";
import { deadlineUid } from "@/server/calendar/ics-rules";

const links: Links = {
  dashboard: "https://tw.example.org/",
  unsubscribe: "https://tw.example.org/alerts/unsubscribe?token=unsub.sig",
  manage: "https://tw.example.org/alerts/manage?token=manage.sig",
};
const washingtonReader: Recipient = { email: "dc@example.org", name: "Dana", timeZone: "America/New_York", language: "en" };
const seoulReader: Recipient = { email: "seoul@example.org", name: "김민지", timeZone: "Asia/Seoul", language: "ko" };
const berlinReader: Recipient = { email: "berlin@example.org", name: null, timeZone: "Europe/Berlin", language: "en" };

const AUG1 = new Date("2025-08-01T04:01:00Z"); // 00:01 EDT = 13:01 KST
const aug1: AlertItem = {
  kind: "reminder",
  deadlineKey: "reciprocal-kr-aug1",
  title: "US reciprocal tariff deadline",
  titleKo: "미국 상호관세 부과 시한",
  dueAt: AUG1,
  dueZone: "America/New_York",
  offset: "7d",
};
const WEEK_BEFORE = new Date("2025-07-25T04:01:00Z");

function parseIcs(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((v) => ({
    uid: v.getFirstPropertyValue("uid") as string,
    sequence: Number(v.getFirstPropertyValue("sequence")),
    status: v.getFirstPropertyValue("status") as string,
    summary: v.getFirstPropertyValue("summary") as string,
    description: v.getFirstPropertyValue("description") as string,
    start: (v.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate(),
  }));
}

describe("alert email", () => {
  it("one reminder in English: subject with countdown and the reader's local time; Washington and Seoul times", async () => {
    const email = await renderAlertEmail({ to: washingtonReader, items: [aug1], links, now: WEEK_BEFORE });
    expect(email.subject).toBe("In 7 days: US reciprocal tariff deadline (Aug 1, 00:01 EDT)");
    for (const part of [email.text, email.html]) {
      expect(part).toContain("Fri 1 Aug 2025, 00:01 EDT");
      expect(part).toContain("Fri 1 Aug 2025, 13:01 KST");
      expect(part).toContain("Hello Dana,");
      expect(part).not.toContain("Your time"); // Washington is the reader's zone already
      expect(part).not.toContain("late");
    }
    expect(email.text).toContain("Washington: Fri 1 Aug 2025, 00:01 EDT");
    expect(email.text).toContain("Seoul: Fri 1 Aug 2025, 13:01 KST");
    expect(email.html).toContain('lang="en"');
  });

  it("in Korean for a Seoul reader: Korean title, words and Seoul time in the subject", async () => {
    const email = await renderAlertEmail({ to: seoulReader, items: [aug1], links, now: WEEK_BEFORE });
    expect(email.subject).toBe("7일 후: 미국 상호관세 부과 시한 (8월 1일 13:01 KST)");
    expect(email.text).toContain("김민지님, 안녕하세요.");
    expect(email.text).toContain("워싱턴: 2025년 8월 1일 (금) 00:01 EDT");
    expect(email.text).toContain("서울: 2025년 8월 1일 (금) 13:01 KST");
    expect(email.text).toContain("2025년 8월 1일 기준 대시보드 열기: https://tw.example.org/?asOf=2025-08-01");
    expect(email.text).toContain("수신 거부: https://tw.example.org/alerts/unsubscribe?token=unsub.sig");
    expect(email.html).toContain('lang="ko"');
    expect(email.html).toContain("미국 상호관세 부과 시한");
    expect(email.html).not.toContain("US reciprocal tariff deadline");
  });

  it("a Korean reader without a Korean title sees the original title", async () => {
    const email = await renderAlertEmail({ to: seoulReader, items: [{ ...aug1, titleKo: null }], links, now: WEEK_BEFORE });
    expect(email.subject).toBe("7일 후: US reciprocal tariff deadline (8월 1일 13:01 KST)");
  });

  it("a reader elsewhere also gets their own zone; the dashboard link is as of the deadline's Seoul day", async () => {
    const email = await renderAlertEmail({ to: berlinReader, items: [aug1], links, now: WEEK_BEFORE });
    expect(email.text).toContain("Your time (Europe/Berlin): Fri 1 Aug 2025, 06:01");
    expect(email.text).toContain("Hello,");
    expect(email.text).toContain("Open the dashboard as of 1 Aug 2025: https://tw.example.org/?asOf=2025-08-01");
    expect(email.html).toContain('href="https://tw.example.org/?asOf=2025-08-01"');
    expect(email.html).toContain('href="https://tw.example.org/alerts/manage?token=manage.sig"');
    expect(email.html).toContain('href="https://tw.example.org/alerts/unsubscribe?token=unsub.sig"');
  });

  it("across the November DST change the same wall time reads EST (and 23:00 KST); August reads EDT (13:01 KST)", async () => {
    const nov3: AlertItem = { ...aug1, deadlineKey: "nov3", title: "Hearing", titleKo: null, dueAt: new Date("2025-11-03T14:00:00Z") };
    const email = await renderAlertEmail({ to: washingtonReader, items: [nov3, aug1], links, now: new Date("2025-07-01T00:00:00Z") });
    expect(email.text).toContain("Washington: Mon 3 Nov 2025, 09:00 EST");
    expect(email.text).toContain("Seoul: Mon 3 Nov 2025, 23:00 KST");
    expect(email.text).toContain("Washington: Fri 1 Aug 2025, 00:01 EDT");
    expect(email.text).toContain("Seoul: Fri 1 Aug 2025, 13:01 KST");
  });

  it("a late reminder says so, and states the time actually left rather than its offset", async () => {
    const twoDaysLate = new Date("2025-07-27T05:00:00Z");
    const email = await renderAlertEmail({ to: washingtonReader, items: [{ ...aug1, late: true }], links, now: twoDaysLate });
    const note = "This reminder is late: Tradewatch was not running when it fell due.";
    expect(email.text).toContain(note);
    expect(email.html).toContain(note);
    expect(email.subject).toMatch(/^In 5 days: /);
    const ko = await renderAlertEmail({ to: seoulReader, items: [{ ...aug1, late: true }], links, now: twoDaysLate });
    expect(ko.text).toContain("늦게 도착한 알림입니다.");
  });

  it("the due-time reminder reads 'now due'", async () => {
    const email = await renderAlertEmail({ to: washingtonReader, items: [{ ...aug1, offset: "0" }], links, now: AUG1 });
    expect(email.subject).toBe("Now due: US reciprocal tariff deadline (Aug 1, 00:01 EDT)");
    const ko = await renderAlertEmail({ to: seoulReader, items: [{ ...aug1, offset: "0" }], links, now: AUG1 });
    expect(ko.subject).toBe("지금 마감: 미국 상호관세 부과 시한 (8월 1일 13:01 KST)");
  });

  it("a postponement shows old → new in each zone and the new deadline", async () => {
    const jul9: AlertItem = {
      kind: "postponed",
      deadlineKey: "pause-end-jul9",
      title: "End of the 90-day pause",
      titleKo: "90일 유예 종료",
      dueAt: new Date("2025-07-09T04:01:00Z"),
      dueZone: "America/New_York",
      postponedTo: { key: "reciprocal-kr-aug1", title: "Reciprocal tariffs take effect", dueAt: AUG1, dueZone: "America/New_York" },
    };
    const now = new Date("2025-07-07T20:00:00Z");
    const email = await renderAlertEmail({ to: washingtonReader, items: [jul9], links, now });
    expect(email.subject).toBe("Postponed: End of the 90-day pause (→ Aug 1, 00:01 EDT)");
    expect(email.text).toContain("Washington: Wed 9 Jul 2025, 00:01 EDT → Fri 1 Aug 2025, 00:01 EDT");
    expect(email.text).toContain("Seoul: Wed 9 Jul 2025, 13:01 KST → Fri 1 Aug 2025, 13:01 KST");
    expect(email.text).toContain("New deadline: Reciprocal tariffs take effect");
    expect(email.text).toContain("The new deadline is in 24 days.");
    // A change links to the dashboard as of the day it was sent (Seoul: 8 July).
    expect(email.text).toContain("https://tw.example.org/?asOf=2025-07-08");
    expect(email.html).toContain("Wed 9 Jul 2025, 00:01 EDT → Fri 1 Aug 2025, 00:01 EDT");

    const ko = await renderAlertEmail({ to: seoulReader, items: [jul9], links, now });
    expect(ko.subject).toBe("연기: 90일 유예 종료 (→ 8월 1일 13:01 KST)");
    expect(ko.text).toContain("서울: 2025년 7월 9일 (수) 13:01 KST → 2025년 8월 1일 (금) 13:01 KST");
    expect(ko.text).toContain("새 마감은 24일 후입니다.");

    const events = parseIcs(email.ics!);
    expect(events).toHaveLength(2);
    const old = events.find((e) => e.uid === deadlineUid("pause-end-jul9"))!;
    const moved = events.find((e) => e.uid === deadlineUid("reciprocal-kr-aug1"))!;
    expect(old).toMatchObject({ status: "CANCELLED", summary: "Postponed: End of the 90-day pause" });
    expect(old.description).toContain("New deadline: Reciprocal tariffs take effect");
    expect(moved).toMatchObject({ status: "CONFIRMED", summary: "Reciprocal tariffs take effect" });
    expect(moved.start.getTime()).toBe(AUG1.getTime());
  });

  it("several reminders: counted in the subject with their titles, each with its own times; one .ics event each", async () => {
    const items: AlertItem[] = [
      aug1,
      { ...aug1, deadlineKey: "autos-232", title: "Auto tariff review", titleKo: "자동차 관세 검토", dueAt: new Date("2025-08-01T13:00:00Z") },
      { ...aug1, deadlineKey: "steel-hearing", title: "Steel hearing", titleKo: null, dueAt: new Date("2025-08-01T15:00:00Z") },
    ];
    const email = await renderAlertEmail({ to: washingtonReader, items, links, now: WEEK_BEFORE });
    expect(email.subject).toBe("3 deadline reminders: US reciprocal tariff deadline, Auto tariff review, Steel hearing");
    expect(email.text).toContain("Here are 3 Tradewatch alerts.");
    expect(email.text.match(/^\* In 7 days: /gm)).toHaveLength(3);
    const ko = await renderAlertEmail({ to: seoulReader, items, links, now: WEEK_BEFORE });
    expect(ko.subject).toBe("마감 알림 3건: 미국 상호관세 부과 시한, 자동차 관세 검토, Steel hearing");

    const events = parseIcs(email.ics!);
    expect(events.map((e) => e.uid)).toEqual(items.map((i) => deadlineUid(i.deadlineKey!)));
    expect(events.every((e) => e.sequence === 0 && e.status === "CONFIRMED")).toBe(true);
    expect(events[0]!.start.getTime()).toBe(AUG1.getTime());
    expect(events[0]!.description).toContain("Washington: Fri 1 Aug 2025, 00:01 EDT");
  });

  it("mixed kinds are 'alerts'; a long subject is cut with an ellipsis", async () => {
    const items: AlertItem[] = [
      aug1,
      { kind: "met", deadlineKey: "deal", title: "Trade deal signed", dueAt: AUG1, dueZone: "America/New_York", outcome: "Agreed at 15%" },
      { kind: "market_move", title: "KOSPI", summary: "KOSPI fell 3.9% on 1 Aug" },
      ...Array.from({ length: 6 }, (_, i) => ({ ...aug1, deadlineKey: `k${i}`, title: `A rather long deadline title number ${i}` })),
    ];
    const email = await renderAlertEmail({ to: washingtonReader, items, links, now: WEEK_BEFORE });
    expect(email.subject.startsWith("9 Tradewatch alerts: US reciprocal tariff deadline, Trade deal signed, KOSPI")).toBe(true);
    expect(email.subject.length).toBeLessThanOrEqual(150);
    expect(email.subject.endsWith("…")).toBe(true);
    expect(email.text).toContain("* Met: Trade deal signed");
    expect(email.text).toContain("Outcome: Agreed at 15%");
    expect(email.text).toContain("* Market move: KOSPI");
    expect(email.text).toContain("KOSPI fell 3.9% on 1 Aug");
  });

  it("each notice kind has its own heading (en and ko)", async () => {
    const now = new Date("2025-08-02T00:00:00Z");
    const cases: [AlertItem, string, string][] = [
      [{ kind: "met", title: "Deal", dueAt: AUG1, outcome: "Signed" }, "Met: Deal", "마감 충족: Deal"],
      [{ kind: "missed", title: "Deal", dueAt: AUG1 }, "Passed while Tradewatch was not running: Deal", "Tradewatch 중단 중 지난 마감: Deal"],
      [{ kind: "measure_change", title: "Autos 15%", summary: "25% → 15%" }, "Tariff change: Autos 15%", "관세 조치 변경: Autos 15%"],
      [{ kind: "market_move", title: "KOSPI −3.9%" }, "Market move: KOSPI −3.9%", "시장 변동: KOSPI −3.9%"],
    ];
    for (const [item, en, ko] of cases) {
      expect((await renderAlertEmail({ to: washingtonReader, items: [item], links, now })).subject).toBe(en);
      expect((await renderAlertEmail({ to: seoulReader, items: [item], links, now })).subject).toBe(ko);
    }
    const missed = await renderAlertEmail({ to: washingtonReader, items: [cases[1]![0]], links, now });
    expect(missed.text).toContain("No reminder went out in time for this deadline.");
    expect(missed.ics).toBeNull(); // only reminders and postponements go into the calendar attachment
  });

  it("escapes everything in HTML: a title or name with <script> arrives as text", async () => {
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const email = await renderAlertEmail({
      to: { ...washingtonReader, name: evil },
      items: [{ ...aug1, title: `Deadline ${evil}`, outcome: evil, summary: evil }],
      links,
      now: WEEK_BEFORE,
    });
    expect(email.html).not.toMatch(/<script/i);
    expect(email.html).not.toMatch(/<img/i);
    expect(email.html).toContain("&lt;script&gt;");
    // The text part is plain text: shown as written.
    expect(email.text).toContain(`Deadline ${evil}`);
  });

  it("keeps line breaks and control characters out of the subject", async () => {
    const email = await renderAlertEmail({ to: washingtonReader, items: [{ ...aug1, title: "Line one\r\nBcc: x@evil.example\u0007" }], links, now: WEEK_BEFORE });
    expect(email.subject).toBe("In 7 days: Line one Bcc: x@evil.example (Aug 1, 00:01 EDT)");
  });

  it("an unknown reader zone is left out instead of failing the email", async () => {
    const email = await renderAlertEmail({ to: { ...washingtonReader, timeZone: "Mars/Olympus" }, items: [aug1], links, now: WEEK_BEFORE });
    expect(email.text).not.toContain("Your time");
    expect(email.subject).toBe("In 7 days: US reciprocal tariff deadline (Aug 1, 00:01 EDT)"); // the stated zone
  });

  it("needs at least one item", async () => {
    await expect(renderAlertEmail({ to: washingtonReader, items: [], links, now: WEEK_BEFORE })).rejects.toThrow(RangeError);
  });
});

describe("countdownPhrase", () => {
  const en = MESSAGES.en;
  const ko = MESSAGES.ko;
  const due = new Date("2025-11-02T14:00:00Z"); // 09:00 EST, the day the clocks went back
  const H = 3_600_000;
  it.each([
    [new Date("2025-11-01T13:00:00Z"), "in 1 day", "1일 후"], // 1 calendar day before: 25 hours across the change
    [new Date(due.getTime() - 7 * 24 * H - H), "in 7 days", "7일 후"],
    [new Date(due.getTime() - 23 * H), "in 1 day", "1일 후"],
    [new Date(due.getTime() - 21 * H), "in 21 hours", "21시간 후"],
    [new Date(due.getTime() - H), "in 1 hour", "1시간 후"],
    [new Date(due.getTime() - 20 * 60_000), "in 20 minutes", "20분 후"],
    [new Date(due.getTime() - 30_000), "now due", "지금 마감"],
    [due, "now due", "지금 마감"],
    [new Date(due.getTime() + 9 * 60_000), "now due", "지금 마감"],
    [new Date(due.getTime() + 30 * 60_000), "due 30 minutes ago", "30분 전 마감"],
    [new Date(due.getTime() + 3 * H), "due 3 hours ago", "3시간 전 마감"],
    [new Date(due.getTime() + 50 * H), "due 2 days ago", "2일 전 마감"],
  ])("at %s", (now, english, korean) => {
    expect(countdownPhrase(due, now, en)).toBe(english);
    expect(countdownPhrase(due, now, ko)).toBe(korean);
  });
});

describe("digest email", () => {
  const now = new Date("2025-07-24T23:00:00Z"); // 08:00 KST on 25 July
  const postponed: AlertItem = {
    kind: "postponed",
    deadlineKey: "pause-end",
    title: "End of pause",
    dueAt: new Date("2025-07-09T04:01:00Z"),
    dueZone: "America/New_York",
    postponedTo: { key: "reciprocal-kr-aug1", title: "US reciprocal tariff deadline", dueAt: AUG1, dueZone: "America/New_York" },
  };
  const missed: AlertItem = { kind: "missed", deadlineKey: "hearing", title: "USTR hearing", dueAt: new Date("2025-07-24T14:00:00Z"), dueZone: "America/New_York" };

  it("lists upcoming, changes and missed in sections; subject counts them; the .ics has the upcoming deadlines", async () => {
    const email = await renderDigestEmail({ to: seoulReader, upcoming: [aug1], changes: [postponed], missed: [missed], links, now });
    expect(email.subject).toBe("Tradewatch 요약 (2025년 7월 25일): 다가오는 마감 1건, 변경 1건, 놓친 알림 1건");
    expect(email.text).toContain("Tradewatch 일일 요약 · 2025년 7월 25일 (금)");
    expect(email.text).toContain("앞으로 14일 안의 마감");
    expect(email.text).toContain("* 7일 후: 미국 상호관세 부과 시한");
    expect(email.text).toContain("지난 요약 이후 바뀐 내용");
    expect(email.text).toContain("* 연기: End of pause");
    expect(email.text).toContain("Tradewatch가 멈춰 있던 동안 놓친 알림");
    expect(email.text).toContain("* Tradewatch 중단 중 지난 마감: USTR hearing");
    const events = parseIcs(email.ics!);
    expect(events.map((e) => [e.uid, e.status])).toEqual([
      [deadlineUid("reciprocal-kr-aug1"), "CONFIRMED"],
      [deadlineUid("pause-end"), "CANCELLED"],
    ]);
  });

  it("in English, with nothing coming up: says so; no empty sections; no attachment", async () => {
    const email = await renderDigestEmail({ to: washingtonReader, upcoming: [], changes: [], missed: [], links, now });
    expect(email.subject).toBe("Tradewatch digest, 24 Jul 2025: nothing due soon"); // the reader's day in Washington
    expect(email.text).toContain("Your Tradewatch digest for Thu 24 Jul 2025");
    expect(email.text).toContain("Nothing is due in the next 14 days.");
    expect(email.text).not.toContain("Changes since");
    expect(email.text).not.toContain("Missed while");
    expect(email.ics).toBeNull();
    expect(email.html).toContain("Nothing is due in the next 14 days.");
  });
});

describe("confirm and test emails", () => {
  it("confirm: the link as a button and in clear, what was subscribed to, and what to do if it was not you", async () => {
    const confirmUrl = "https://tw.example.org/alerts/confirm?token=abc.def";
    const email = await renderConfirmEmail({ to: washingtonReader, confirmUrl, summary: "All deadlines (30d,7d,1d,0)", links });
    expect(email.subject).toBe("Confirm your Tradewatch alerts");
    expect(email.html).toContain(`href="${confirmUrl}"`);
    expect(email.html).toContain("Confirm my alerts");
    expect(email.text).toContain(`Confirm my alerts: ${confirmUrl}`);
    expect(email.text).toContain("All deadlines (30d,7d,1d,0)");
    expect(email.text).toContain("If you did not ask for this, ignore this email");
    const ko = await renderConfirmEmail({ to: seoulReader, confirmUrl, summary: "모든 마감", links });
    expect(ko.subject).toBe("Tradewatch 알림 신청을 확인해 주세요");
    expect(ko.text).toContain(`알림 신청 확인: ${confirmUrl}`);
  });

  it("test: says what it is and shows the time in the reader's zones", async () => {
    const now = new Date("2025-11-03T14:00:00Z");
    const email = await renderTestEmail({ to: berlinReader, links, now });
    expect(email.subject).toBe("Tradewatch test email");
    expect(email.text).toContain("Washington: Mon 3 Nov 2025, 09:00 EST");
    expect(email.text).toContain("Seoul: Mon 3 Nov 2025, 23:00 KST");
    expect(email.text).toContain("Your time (Europe/Berlin): Mon 3 Nov 2025, 15:00");
    const ko = await renderTestEmail({ to: seoulReader, links, now });
    expect(ko.subject).toBe("Tradewatch 테스트 메일");
    expect(ko.html).toContain("테스트 메일입니다");
  });
});
