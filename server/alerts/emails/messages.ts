// Every word the alert emails say, in English and Korean. Functions where a number or a name goes in.
import type { Locale } from "@/server/core/constants";

export type Messages = {
  greeting: (name: string | null) => string;
  // countdown
  inDays: (n: number) => string;
  inHours: (n: number) => string;
  inMinutes: (n: number) => string;
  nowDue: string;
  agoHours: (n: number) => string;
  agoDays: (n: number) => string;
  agoMinutes: (n: number) => string;
  // zones
  washington: string;
  seoul: string;
  yourTime: (zone: string) => string;
  legalTime: (zone: string) => string;
  // items
  late: string;
  held: string;
  postponed: (title: string) => string;
  newDeadline: (title: string) => string;
  newDueIn: (countdown: string) => string;
  met: (title: string) => string;
  outcome: (text: string) => string;
  missed: (title: string) => string;
  missedLine: string;
  measureChange: (title: string) => string;
  marketMove: (title: string) => string;
  productChange: (title: string) => string;
  openAsOf: (date: string) => string;
  // alert email
  /** The email's title: "Deadline reminder", "3 deadline reminders", "3 Tradewatch alerts". */
  alertCount: (n: number, allReminders: boolean) => string;
  alertIntro: (n: number) => string;
  // digest
  digestTitle: (date: string) => string;
  digestSubject: (date: string, counts: { upcoming: number; changes: number; missed: number }) => string;
  upcomingHeading: (days: number) => string;
  nothingUpcoming: (days: number) => string;
  changesHeading: string;
  missedHeading: string;
  // confirm
  confirmSubject: string;
  confirmIntro: string;
  confirmButton: string;
  confirmIgnore: string;
  // test
  testSubject: string;
  testIntro: string;
  testSentAt: string;
  // footer
  footerWhy: string;
  manage: string;
  unsubscribe: string;
  openDashboard: string;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const en: Messages = {
  greeting: (name) => (name ? `Hello ${name},` : "Hello,"),
  inDays: (n) => `in ${plural(n, "day", "days")}`,
  inHours: (n) => `in ${plural(n, "hour", "hours")}`,
  inMinutes: (n) => `in ${plural(n, "minute", "minutes")}`,
  nowDue: "now due",
  agoDays: (n) => `due ${plural(n, "day", "days")} ago`,
  agoHours: (n) => `due ${plural(n, "hour", "hours")} ago`,
  agoMinutes: (n) => `due ${plural(n, "minute", "minutes")} ago`,
  washington: "Washington",
  seoul: "Seoul",
  yourTime: (zone) => `Your time (${zone})`,
  legalTime: (zone) => `As stated (${zone})`,
  late: "This reminder is late: Tradewatch was not running when it fell due.",
  held: "Held during your quiet hours and sent when they ended.",
  postponed: (title) => `Postponed: ${title}`,
  newDeadline: (title) => `New deadline: ${title}`,
  newDueIn: (countdown) => `The new deadline is ${countdown}.`,
  met: (title) => `Met: ${title}`,
  outcome: (text) => `Outcome: ${text}`,
  missed: (title) => `Passed while Tradewatch was not running: ${title}`,
  missedLine: "No reminder went out in time for this deadline.",
  measureChange: (title) => `Tariff change: ${title}`,
  marketMove: (title) => `Market move: ${title}`,
  productChange: (title) => `Duty change on a watched product: ${title}`,
  openAsOf: (date) => `Open the dashboard as of ${date}`,
  alertCount: (n, allReminders) =>
    n === 1 ? (allReminders ? "Deadline reminder" : "Tradewatch alert") : allReminders ? `${n} deadline reminders` : `${n} Tradewatch alerts`,
  alertIntro: (n) => (n === 1 ? "Here is your Tradewatch alert." : `Here are ${n} Tradewatch alerts.`),
  digestTitle: (date) => `Your Tradewatch digest for ${date}`,
  digestSubject: (date, c) => {
    const parts = [
      c.upcoming ? plural(c.upcoming, "upcoming deadline", "upcoming deadlines") : "",
      c.changes ? plural(c.changes, "change", "changes") : "",
      c.missed ? `${c.missed} missed` : "",
    ].filter(Boolean);
    return `Tradewatch digest, ${date}: ${parts.length ? parts.join(", ") : "nothing due soon"}`;
  },
  upcomingHeading: (days) => `Coming up in the next ${days} days`,
  nothingUpcoming: (days) => `Nothing is due in the next ${days} days.`,
  changesHeading: "Changes since your last digest",
  missedHeading: "Missed while Tradewatch was not running",
  confirmSubject: "Confirm your Tradewatch alerts",
  confirmIntro: "Please confirm that you want these email alerts from Tradewatch:",
  confirmButton: "Confirm my alerts",
  confirmIgnore: "If you did not ask for this, ignore this email: nothing will be sent to you.",
  testSubject: "Tradewatch test email",
  testIntro: "This is a test email from Tradewatch. If you can read it, alert emails reach you.",
  testSentAt: "Sent at",
  footerWhy: "You receive this email because you subscribed to Tradewatch alerts.",
  manage: "Manage alerts",
  unsubscribe: "Unsubscribe",
  openDashboard: "Open the dashboard",
};

const ko: Messages = {
  greeting: (name) => (name ? `${name}님, 안녕하세요.` : "안녕하세요."),
  inDays: (n) => `${n}일 후`,
  inHours: (n) => `${n}시간 후`,
  inMinutes: (n) => `${n}분 후`,
  nowDue: "지금 마감",
  agoDays: (n) => `${n}일 전 마감`,
  agoHours: (n) => `${n}시간 전 마감`,
  agoMinutes: (n) => `${n}분 전 마감`,
  washington: "워싱턴",
  seoul: "서울",
  yourTime: (zone) => `현지 시간 (${zone})`,
  legalTime: (zone) => `발표 기준 (${zone})`,
  late: "늦게 도착한 알림입니다. 알림 시각에 Tradewatch가 실행되고 있지 않았습니다.",
  held: "방해 금지 시간 동안 보류되었다가 그 시간이 끝난 뒤 보낸 알림입니다.",
  postponed: (title) => `연기: ${title}`,
  newDeadline: (title) => `새 마감: ${title}`,
  newDueIn: (countdown) => `새 마감은 ${countdown}입니다.`,
  met: (title) => `마감 충족: ${title}`,
  outcome: (text) => `결과: ${text}`,
  missed: (title) => `Tradewatch 중단 중 지난 마감: ${title}`,
  missedLine: "이 마감에 대한 알림을 제때 보내지 못했습니다.",
  measureChange: (title) => `관세 조치 변경: ${title}`,
  marketMove: (title) => `시장 변동: ${title}`,
  productChange: (title) => `관심 품목 관세 변경: ${title}`,
  openAsOf: (date) => `${date} 기준 대시보드 열기`,
  alertCount: (n, allReminders) =>
    n === 1 ? (allReminders ? "마감 알림" : "Tradewatch 알림") : allReminders ? `마감 알림 ${n}건` : `Tradewatch 알림 ${n}건`,
  alertIntro: (n) => (n === 1 ? "Tradewatch 알림을 보내 드립니다." : `Tradewatch 알림 ${n}건을 보내 드립니다.`),
  digestTitle: (date) => `Tradewatch 일일 요약 · ${date}`,
  digestSubject: (date, c) => {
    const parts = [
      c.upcoming ? `다가오는 마감 ${c.upcoming}건` : "",
      c.changes ? `변경 ${c.changes}건` : "",
      c.missed ? `놓친 알림 ${c.missed}건` : "",
    ].filter(Boolean);
    return `Tradewatch 요약 (${date}): ${parts.length ? parts.join(", ") : "곧 다가오는 마감 없음"}`;
  },
  upcomingHeading: (days) => `앞으로 ${days}일 안의 마감`,
  nothingUpcoming: (days) => `앞으로 ${days}일 안에 다가오는 마감이 없습니다.`,
  changesHeading: "지난 요약 이후 바뀐 내용",
  missedHeading: "Tradewatch가 멈춰 있던 동안 놓친 알림",
  confirmSubject: "Tradewatch 알림 신청을 확인해 주세요",
  confirmIntro: "아래 Tradewatch 이메일 알림을 받으시려면 신청을 확인해 주세요.",
  confirmButton: "알림 신청 확인",
  confirmIgnore: "직접 신청하지 않으셨다면 이 메일을 무시하셔도 됩니다. 알림은 발송되지 않습니다.",
  testSubject: "Tradewatch 테스트 메일",
  testIntro: "Tradewatch에서 보낸 테스트 메일입니다. 이 메일이 보이면 알림 메일을 정상적으로 받을 수 있습니다.",
  testSentAt: "보낸 시각",
  footerWhy: "Tradewatch 알림을 신청하셔서 받으시는 메일입니다.",
  manage: "알림 관리",
  unsubscribe: "수신 거부",
  openDashboard: "대시보드 열기",
};

export const MESSAGES: Record<Locale, Messages> = { en, ko };
