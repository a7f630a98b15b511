// Sources behind the seed data. Titles marked "(descriptive)" are our own description where the reference names only
// an outlet and an article id; `note` keeps the reference exactly as it was recorded. Statements are in our words.
import type { SourceSeed } from "./types";

type Statement = NonNullable<SourceSeed["states"]>[number];
/** A statement of a kind, its value in the kind's unit (keys in the order the checksum has always hashed). */
const stated = (kind: string, unit?: string) => (summary: string, value?: number): Statement =>
  unit === undefined ? { kind, summary } : { kind, summary, value, unit };
const budget = stated("budget", "KRW");
const deadline = stated("deadline");
const marketMove = stated("market_move", "pct");
const tariffRate = stated("tariff_rate", "pct");
const taxChange = stated("tax_change", "pct");
const tradeBalance = stated("trade_balance", "USD");

const kbsNews = (ncd: string) => `https://news.kbs.co.kr/news/pc/view/view.do?ncd=${ncd}`;
const kbsWorld = (seq: string) => `https://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=${seq}`;
const herald = (id: string) => `https://www.koreaherald.com/article/${id}`;

export const SOURCES: SourceSeed[] = [
  // The five articles of the seed corpus (shared/corpus/seeds), named by headline and kind of report (the corpus
  // file is in `note`). Publication dates are inferred from their content.
  { key: "article-000", title: "Struggling Under Tariffs, South Korea Seeks Balance with U.S. Trade Talks",
    publisher: "Syndicated news report (no byline)", publishedOn: "2025-04-09", url: null, kind: "news", note: "corpus/seeds/000_58b0a9d0a139493d.txt; date inferred from the auto support package it reports",
    states: [
      budget("Policy financing for carmakers raised to KRW 15 trillion for 2025 (about USD 10 billion)", 15e12),
      taxChange("Vehicle purchase tax cut from 5% to 3.5% until June", 3.5),
      tradeBalance("Korea's trade surplus with the US put at USD 55.7 billion", 55.7e9),
    ] },
  { key: "article-001", title: "Korea eases auto taxes as negotiators head to Washington (our headline: the report has none)",
    publisher: "News report, machine-translated from Korean", publishedOn: "2025-04-09", url: null, kind: "news", note: "corpus/seeds/001_34a5052d3554a3df.txt; 'Wednesday' resolved against the week of the April 2025 auto package",
    states: [
      tariffRate("A 25% US tariff hits Korea's biggest exports, autos above all", 25),
      budget("Support for automakers raised to KRW 15 trillion in 2025", 15e12),
      taxChange("Car purchase tax lowered from 5% to 3.5%", 3.5),
      tradeBalance("Korea's surplus with the US given as USD 55.7 billion", 55.7e9),
    ] },
  { key: "article-002", title: "South Korea Begins U.S. Trade Talks, Seeks Relief on Auto Tariffs",
    publisher: "News report (Washington talks)", publishedOn: "2025-04-24", url: null, kind: "news", note: "corpus/seeds/002_f388e2193fd5523a.txt; date inferred from the Washington talks it reports",
    states: [
      tariffRate("Korea faces 25% US tariffs, painful for its auto industry", 25),
      deadline("Snap presidential election set for June 3 (2025)"),
      deadline("The 90-day tariff pause is running out"),
    ] },
  { key: "article-003", title: "South Korea to Accelerate US Trade Talks Ahead of Tariff Deadline",
    publisher: "News report (tariff deadline)", publishedOn: "2025-07-08", url: null, kind: "news", note: "corpus/seeds/003_4771eb1907b96c5d.txt; 'letters on Monday' = 7 July 2025",
    states: [
      tariffRate("25% tariff on all Korean goods proposed from August 1", 25),
      deadline("August 1 deadline, moved back from July 9"),
      tariffRate("25% on automobiles and 50% on steel cited as in place", 50),
      tradeBalance("2024 surplus with the US put at a record USD 55.6 billion (Korea Customs Service)", 55.6e9),
      marketMove("KOSPI rose as much as 1.8% on hopes of a deal", 1.8),
    ] },
  { key: "article-004", title: "South Korea reviews packages to cut US trade surplus (our headline: the wire copy has none)",
    publisher: "The Business Times, wire report from Bloomberg", publishedOn: "2025-04-08", url: null, kind: "news", note: "corpus/seeds/004_a44d2b94a242b928.txt; dated Tuesday (Apr 8)",
    states: [
      tariffRate("Korea hit with a 25% levy the week before", 25),
      tariffRate("US 25% auto tariff took effect; 25% steel and aluminium tariffs since March", 25),
      tradeBalance("2024 surplus with the US of USD 55.7 billion (customs data)", 55.7e9),
      budget("A KRW 10 trillion extra budget to be unveiled the following week", 10e12),
    ] },

  // Legal instruments and official documents
  { key: "eo-14257", title: "Executive Order 14257, Regulating Imports With a Reciprocal Tariff (Annex I lists Korea at 26%)",
    publisher: "Federal Register (90 FR 15269)", publishedOn: "2025-04-07", url: "https://www.federalregister.gov/documents/2025/04/07/2025-06063/regulating-imports-with-a-reciprocal-tariff-to-rectify-trade-practices-that-contribute-to-large-and-persistent-annual-united-states-goods-trade-deficits", kind: "legal" },
  { key: "fr-2025-21940", title: "Implementing the US–Korea framework: modifications to Section 232 and reciprocal duties (FR doc. 2025-21940)",
    publisher: "Federal Register (90 FR 55964), via govinfo.gov", publishedOn: "2025-12-04", url: "https://www.govinfo.gov/content/pkg/FR-2025-12-04/pdf/2025-21940.pdf", kind: "legal", note: "HTS 9903.94.60/.61 (autos, parts); 9903.02.79/.80 (reciprocal)" },
  { key: "whitehouse-fact-sheet-2025-11-13", title: "Joint Fact Sheet on the United States–Republic of Korea trade and investment arrangement",
    publisher: "The White House (copy at pubt.io)", publishedOn: "2025-11-13", url: null, kind: "government", note: "reference: pubt.io/view/52B008DC…" },
  { key: "scotus-learning-resources", title: "Learning Resources, Inc. v. Trump, 607 U.S. ___ (2026)",
    publisher: "Supreme Court of the United States", publishedOn: "2026-02-20", url: null, kind: "legal", note: "6–3: tariffs imposed under IEEPA held unlawful" },

  { key: "procl-11021-metals", title: "Proclamation 11021: restructuring the Section 232 steel, aluminium and copper duties into product annexes",
    publisher: "Federal Register (91 FR 18201)", publishedOn: "2026-04-07", url: null, kind: "legal", note: "signed 2 Apr 2026; in effect 6 Apr 2026; Annex I-A 50%, I-B 25%, II out of scope, III 15% to end-2027" },
  { key: "procl-11020-pharma", title: "Proclamation 11020: Section 232 duties on patented pharmaceutical products",
    publisher: "Federal Register (91 FR 18183)", publishedOn: "2026-04-07", url: null, kind: "legal", note: "signed 2 Apr 2026; Korea capped at 15% inclusive of MFN (9903.04.62); Annex III companies from 31 Jul 2026, others from 29 Sep 2026" },
  { key: "ustr-301-fl-proposal-2026-06", title: "USTR: Section 301 determinations on forced-labour practices and proposed action (FR doc. 2026-11296)",
    publisher: "Federal Register (91 FR 34272)", publishedOn: "2026-06-05", url: null, kind: "legal", note: "determinations of 2 Jun 2026; Korea in the 12.5% tier; comments to 6 Jul, hearings 7–9 Jul 2026" },
  { key: "ustr-301-fl-final-2026-07", title: "USTR: notice of action under Section 301 replacing the Section 122 surcharge (FR doc. 2026-15181)",
    publisher: "Federal Register (91 FR 47318)", publishedOn: "2026-07-23", url: null, kind: "legal", note: "from 24 Jul 2026; Korea 9903.05.70/.71: 12.5% including the column-1 rate; Section 232 goods excluded" },
  { key: "procl-11012-s122", title: "Proclamation 11012: temporary import surcharge under Section 122 of the Trade Act of 1974 (FR doc. 2026-03824)",
    publisher: "Federal Register (91 FR 9339)", publishedOn: "2026-02-24", url: null, kind: "legal", note: "10% under 9903.03.01 from 24 Feb 2026 for 150 days; exemptions 9903.03.02–.11" },
  { key: "cit-slip-26-47", title: "US Court of International Trade, Slip Op. 26-47: the Section 122 surcharge exceeds the statute (relief for the plaintiffs only)",
    publisher: "US Court of International Trade", publishedOn: "2026-05-07", url: null, kind: "legal", note: "stayed pending appeal by the Federal Circuit about 11 Jun 2026; collection continued to 24 Jul" },
  { key: "baker-mckenzie-2026-05-08", title: "Trade court strikes down the Section 122 surcharge for the plaintiffs (descriptive)",
    publisher: "Baker McKenzie", publishedOn: "2026-05-08", url: null, kind: "research" },
  { key: "cbp-cape-csms-68315804", title: "CBP CSMS #68315804: IEEPA refunds through CAPE (Consolidated Administration and Processing of Entries)",
    publisher: "US Customs and Border Protection", publishedOn: "2026-04-10", url: null, kind: "government", note: "phase 1 live 20 Apr 2026 in the ACE portal; phase 2 from 29 Jun" },
  { key: "cit-atmus-refund-orders", title: "Atmus Filtration v. United States (CIT 26-01259): refund orders for IEEPA duties (descriptive)",
    publisher: "US Court of International Trade, via law-firm notes (Hogan Lovells, mondaq 1757192)", publishedOn: "2026-03-04", url: null, kind: "legal", note: "orders of 4 Mar, ~20 Mar and (per one broker note) 27 Mar; 17 Apr order reached finally liquidated entries per law firms" },
  { key: "broker-note-2026-03-27", title: "Trade court widens IEEPA refunds to liquidated entries (descriptive)",
    publisher: "Customs broker newsletter (krenzhannanintl.com)", publishedOn: "2026-03-27", url: null, kind: "news", note: "single source for the 27 Mar date" },
  { key: "greenwich-mercantile-2026-06-27", title: "USTR forced-labour Section 301: proposed duties by tier and hearing schedule (descriptive)",
    publisher: "Greenwich Mercantile", publishedOn: "2026-06-27", url: null, kind: "research", note: "Korea in the proposed 12.5% tier (on top of MFN); requests to appear 22 Jun, comments 6 Jul, hearings 7–9 Jul" },
  { key: "cbp-csms-70054007", title: "CBP CSMS #70054007: Section 232 pharmaceuticals, second phase from 29 Sep 2026",
    publisher: "US Customs and Border Protection", publishedOn: "2026-09-28", url: null, kind: "government" },
  { key: "procl-11032-annex-1c", title: "Proclamation 11032: Section 232 metals Annex I-C (mobile industrial equipment); Korea 15% including MFN",
    publisher: "Federal Register (91 FR 34085)", publishedOn: "2026-06-04", url: null, kind: "legal", note: "from 8 Jun 2026; Annex I-C and III 15% tiers end 31 Dec 2027" },
  { key: "procl-11055-drones", title: "Proclamation 11055: Section 232 duties on unmanned aircraft systems and components",
    publisher: "Federal Register (91 FR 53699)", publishedOn: "2026-08-19", url: null, kind: "legal", note: "from 3 Sep 2026; Korea 15% total (9903.08.24) if the components test is met; Annex III components from 9 Feb 2027" },
  { key: "procl-11052-polysilicon", title: "Proclamation 11052: Section 232 polysilicon and derivatives (minimum import prices plus 15%)",
    publisher: "Federal Register (91 FR 51975)", publishedOn: "2026-08-11", url: null, kind: "legal", note: "from 4 Dec 2026 00:01 ET; Korea capped at 15% combined" },
  { key: "procl-11000-wood-deferral", title: "Proclamation 11000: wood products step-ups deferred to 1 Jan 2027 (descriptive)",
    publisher: "Federal Register, as summarised by trade-law notes", publishedOn: "2025-12-31", url: null, kind: "legal", note: "kitchen cabinets and vanities 25% → 50%, upholstered furniture 25% → 30% from 1 Jan 2027; Korea's 15% cap (9903.76.23)" },
  { key: "nielcos-rev19-note", title: "Engineering note on HTS 2026 Rev 19: heading 9903.05.71 rate text read as +10% (descriptive)",
    publisher: "Public customs-calculator repository (nielcos.ai customs v8)", publishedOn: "2026-09-30", url: null, kind: "research", note: "single reading, flagged unresolved by its author" },
  { key: "yale-hts-product-lists", title: "tariff-rate-tracker: HTS-10 crosswalk and programme product lists (snapshot 2026-05-11, MIT licence)",
    publisher: "The Budget Lab at Yale", publishedOn: "2026-05-11", url: "https://github.com/Budget-Lab-Yale/tariff-rate-tracker", kind: "research", note: "commit 8315fffd; upstream: USITC HTS archives, Chapter 99 US Notes, Section 232 annexes in the Federal Register" },

  // Research and trackers
  { key: "yale-tariff-tracker", title: "tariff-rate-tracker: policy parameters, policy timing and revision dates",
    publisher: "The Budget Lab at Yale", publishedOn: null, url: "https://github.com/Budget-Lab-Yale/tariff-rate-tracker", kind: "research", note: "files config/policy_params.yaml, docs/policy_timing.md, revision dates (rev_32 2025-11-15; 2026_rev_4)" },
  { key: "thompson-hine-trump-and-trade", title: "Trump and Trade (tariff tracker blog)", publisher: "Thompson Hine LLP", publishedOn: "2025-04-09", url: null, kind: "research", note: "reference: trumpandtrade.lexblogplatformthree.com" },
  { key: "cleary-trade-watch", title: "Cleary Trade Watch: reciprocal tariff implementation", publisher: "Cleary Gottlieb", publishedOn: "2025-04-05", url: "https://www.clearytradewatch.com/", kind: "research" },
  { key: "shin-kim-2799", title: "Shin & Kim newsletter no. 2799: US reciprocal tariffs and Korea (descriptive)", publisher: "Shin & Kim LLC", publishedOn: "2025-04-03", url: null, kind: "research" },
  { key: "mondaq-1716460", title: "US implements Korea framework: reciprocal rate becomes an inclusive 15% (descriptive)", publisher: "Mondaq (article 1716460)", publishedOn: "2025-12-05", url: null, kind: "research" },
  { key: "mondaq-1732382", title: "Section 232 tariffs on advanced computing semiconductors (descriptive)", publisher: "Mondaq (article 1732382)", publishedOn: "2026-01-16", url: null, kind: "research" },
  { key: "mondaq-1753392", title: "Section 122 balance-of-payments surcharge of 10% (descriptive)", publisher: "Mondaq (article 1753392)", publishedOn: "2026-02-25", url: null, kind: "research" },
  { key: "uhy-us-sec122", title: "Section 122 surcharge: 15% announced (descriptive)", publisher: "UHY LLP (uhy-us.com)", publishedOn: "2026-02-23", url: null, kind: "research" },
  { key: "clark-hill-2026-03-13", title: "USTR opens Section 301 investigations into structural excess capacity (descriptive)", publisher: "Clark Hill", publishedOn: "2026-03-13", url: null, kind: "research" },
  { key: "buckland-chips-2026", title: "Section 232 semiconductor tariff: scope and exemptions (descriptive)", publisher: "Buckland Customs", publishedOn: "2026-01-16", url: null, kind: "research" },

  // News
  { key: "devdiscourse-reuters-2025-06-02", title: "US steel tariffs and Korea's quota arrangement (descriptive)", publisher: "Devdiscourse (Reuters)", publishedOn: "2025-06-02", url: null, kind: "news" },
  { key: "steelmarketupdate-2025-03-29", title: "Auto tariff proclamation: vehicles April 3, parts by May 3 (descriptive)", publisher: "Steel Market Update", publishedOn: "2025-03-29", url: null, kind: "news" },
  { key: "kbs-8214540", title: "Government proposes KRW 10 trillion extra budget (descriptive)", publisher: "KBS News", publishedOn: "2025-03-31", url: kbsNews("8214540"), kind: "news", language: "ko" },
  { key: "koreaherald-10457411", title: "US announces 25% reciprocal tariff on Korea (descriptive)", publisher: "The Korea Herald", publishedOn: "2025-04-03", url: herald("10457411"), kind: "news" },
  { key: "kbs-8218144", title: "Korea faces 25% reciprocal tariff (descriptive)", publisher: "KBS News", publishedOn: "2025-04-03", url: kbsNews("8218144"), kind: "news", language: "ko" },
  { key: "asiae-2025040314125231975", title: "25% auto tariff takes effect; 2024 car exports to US $34.7bn (descriptive)", publisher: "Asia Economy", publishedOn: "2025-04-03", url: "https://cm.asiae.co.kr/article/2025040314125231975", kind: "news", language: "ko" },
  { key: "joongang-2025-04-07", title: "Kospi plummets 5.57%", publisher: "Korea JoongAng Daily", publishedOn: "2025-04-07", url: null, kind: "news" },
  { key: "joongang-2025-04-09", title: "Kospi closes at 2,293.70 as reciprocal tariffs start (descriptive)", publisher: "Korea JoongAng Daily", publishedOn: "2025-04-09", url: null, kind: "news" },
  { key: "reuters-timeslive-2025-04-09", title: "South Korea unveils emergency support for carmakers (descriptive)", publisher: "TimesLIVE (Reuters)", publishedOn: "2025-04-09", url: null, kind: "news" },
  { key: "chosun-biz-2025-04-09", title: "Emergency auto support: policy finance to KRW 15tn, purchase tax to 3.5% (descriptive)", publisher: "Chosun Biz", publishedOn: "2025-04-09", url: null, kind: "news", language: "ko" },
  { key: "theinvestor-10479872", title: "US eases auto tariff stacking and offers MSRP offset (descriptive)", publisher: "The Investor", publishedOn: "2025-04-30", url: "https://m.theinvestor.co.kr/article/10479872", kind: "news" },
  { key: "kbs-world-192781", title: "National Assembly passes KRW 13.8 trillion extra budget (descriptive)", publisher: "KBS World", publishedOn: "2025-05-01", url: kbsWorld("192781"), kind: "news" },
  { key: "chosun-biz-2025-05-01", title: "Extra budget passed at KRW 13.8tn (descriptive)", publisher: "Chosun Biz", publishedOn: "2025-05-01", url: null, kind: "news", language: "ko" },
  { key: "bloomingbit-91579", title: "25% tariff on key auto parts takes effect (descriptive)", publisher: "Bloomingbit", publishedOn: "2025-05-03", url: "https://en.bloomingbit.io/feed/news/91579", kind: "news" },
  { key: "digitimes-a20250604vl200", title: "Lee Jae-myung wins Korea's snap election (descriptive)", publisher: "DigiTimes", publishedOn: "2025-06-04", url: null, kind: "news" },
  { key: "diplomaticwatch-2025-06", title: "Korea's new president sworn in (descriptive)", publisher: "Diplomatic Watch", publishedOn: "2025-06-04", url: null, kind: "news" },
  { key: "businesslive-reuters-2025-06-02", title: "US to double steel and aluminium tariffs to 50% (descriptive)", publisher: "BusinessLIVE (Reuters)", publishedOn: "2025-06-02", url: null, kind: "news" },
  { key: "business-standard-2025-07-07", title: "Trump letters set 25% tariff on Korea from August 1 (descriptive)", publisher: "Business Standard", publishedOn: "2025-07-07", url: null, kind: "news" },
  { key: "kbs-8298468", title: "Trump letter: 25% on Korean goods from August 1 (descriptive)", publisher: "KBS News", publishedOn: "2025-07-08", url: kbsNews("8298468"), kind: "news", language: "ko" },
  { key: "vietnamnews-2025-07-31", title: "US and Korea agree 15% tariff deal (descriptive)", publisher: "Viet Nam News", publishedOn: "2025-07-31", url: null, kind: "news" },
  { key: "koreatimes-20250731", title: "Korea–US deal: 15% tariff, USD 350bn investment (descriptive)", publisher: "The Korea Times", publishedOn: "2025-07-31", url: null, kind: "news" },
  { key: "devdiscourse-lutnick-2025-07-31", title: "Lutnick: Korea deal leaves steel, aluminium and copper unchanged (descriptive)", publisher: "Devdiscourse", publishedOn: "2025-07-31", url: null, kind: "news" },
  { key: "joongang-2025-08-01", title: "Executive order sets Korea's reciprocal rate at 15% from Aug 7 (descriptive)", publisher: "Korea JoongAng Daily", publishedOn: "2025-08-01", url: null, kind: "news" },
  { key: "donga-20250802", title: "15% reciprocal tariff stacked on MFN rates (descriptive)", publisher: "Dong-A Ilbo", publishedOn: "2025-08-02", url: null, kind: "news", language: "ko" },
  { key: "bizweekly-2025-08-25", title: "Korean firms announce about USD 150bn in US investment at summit (descriptive)", publisher: "BizWeekly", publishedOn: "2025-08-26", url: null, kind: "news" },
  { key: "infomarine-2025-10-29", title: "Gyeongju summit: USD 200bn cash plus USD 150bn shipbuilding (descriptive)", publisher: "InfoMarine", publishedOn: "2025-10-30", url: null, kind: "news" },
  { key: "joongang-2025-11-14", title: "Joint fact sheet and investment MOU signed (descriptive)", publisher: "Korea JoongAng Daily", publishedOn: "2025-11-14", url: null, kind: "news" },
  { key: "livemint-2025-11-14", title: "US–Korea fact sheet caps tariffs at 15% (descriptive)", publisher: "Mint", publishedOn: "2025-11-14", url: null, kind: "news" },
  { key: "joongang-2025-11-26", title: "Democratic Party submits special act on Korea–US strategic investment (descriptive)", publisher: "Korea JoongAng Daily", publishedOn: "2025-11-26", url: null, kind: "news" },
  { key: "koreaherald-10629298", title: "US cuts Korean auto tariff to 15%, retroactive to Nov 1 (descriptive)", publisher: "The Korea Herald", publishedOn: "2025-12-04", url: herald("10629298"), kind: "news" },
  { key: "internationaltradetoday-2025-12-03", title: "CBP guidance on Korea's 15% inclusive rate (descriptive)", publisher: "International Trade Today", publishedOn: "2025-12-03", url: null, kind: "news" },
  { key: "koreaherald-10663227", title: "Trump says Korea tariffs go back to 25% (descriptive)", publisher: "The Korea Herald", publishedOn: "2026-01-27", url: herald("10663227"), kind: "news" },
  { key: "asiafinancial-2026-02-02", title: "Korea says US measures have begun; implementation unclear (descriptive)", publisher: "Asia Financial", publishedOn: "2026-02-02", url: null, kind: "news" },
  { key: "chosun-biz-2026-02-21", title: "Supreme Court strikes down IEEPA tariffs (descriptive)", publisher: "Chosun Biz", publishedOn: "2026-02-21", url: null, kind: "news", language: "ko" },
  { key: "kbs-world-199635", title: "Korea's 15% reciprocal tariff void after court ruling (descriptive)", publisher: "KBS World", publishedOn: "2026-02-21", url: kbsWorld("199635"), kind: "news" },
  { key: "fnnews-2026-02-24", title: "10% Section 122 surcharge applied; 15% timing undetermined (descriptive)", publisher: "The Financial News", publishedOn: "2026-02-24", url: null, kind: "news" },
  { key: "koreaherald-10692432", title: "USTR launches Section 301 probes into 16 economies including Korea (descriptive)", publisher: "The Korea Herald", publishedOn: "2026-03-12", url: herald("10692432"), kind: "news" },
  { key: "ap-2026-03-12", title: "South Korea's parliament passes US investment act (descriptive)", publisher: "Associated Press (via Springfield News-Sun)", publishedOn: "2026-03-12", url: null, kind: "news" },
  { key: "bairdmaritime-2026-03-12", title: "Korea passes special act backing US shipbuilding investment (descriptive)", publisher: "Baird Maritime", publishedOn: "2026-03-12", url: null, kind: "news" },

  // Market data
  { key: "kospi-daily-kis", title: "KOSPI daily OHLCV (data/kospi.csv, commit 08dd3e7c15a6d12776944f4c9e064e53cf51b673)",
    publisher: "Isaac-Lee/market-indicator-tracker, from the Korea Investment & Securities Open API", publishedOn: null, url: "https://github.com/Isaac-Lee/market-indicator-tracker", kind: "data", note: "2025 month-end closes cross-checked against an independent monthly series; spot checks against JoongAng Daily, Yonhap, fnnews, Dong-A, KBS, Chosun" },
];
