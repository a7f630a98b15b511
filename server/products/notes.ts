// What the duty answer says about itself: assumptions, exclusions and the places where the rules or the sources are
// uncertain. English here (the API's language); the product page shows the Korean text from messages/ko.json.
export const NOTE_TEXT = {
  korus_base: { uncertain: false, text: "Assumes the good enters under KORUS at its preferential rate (free for almost every Korean good); an all-in rate such as Korea's 15% adds less where a general duty is paid." },
  semiconductor_gate: { uncertain: true, text: "Only chips that pass the proclamation's technical test pay the semiconductor duty (others enter under 9903.79.02 at 0%), and some end uses are exempt: the line alone cannot tell." },
  pharma_patented: { uncertain: true, text: "Patented (brand) medicines from Korea pay 15% including the general rate under Proclamation 11020 (companies named in its Annex III from 31 Jul 2026, all others from 29 Sep 2026); generics and biosimilars pay nothing. The HTS line cannot tell which: the figure assumes a generic." },
  computer_as_auto_part: { uncertain: true, text: "Heading 8471 is on the auto-parts list as a whole; general-purpose computers are not treated as car parts here." },
  car_or_truck_part: { uncertain: true, text: "The line is on both the car-parts and the truck-parts list: a part for a medium or heavy truck pays 25% under 9903.74.08 instead of Korea's 15%." },
  certified_part: { uncertain: true, text: "Parts certified for US vehicle production or repair (US Note 33(r)) pay Korea's 15% floor and are outside the metals annexes." },
  annex_inferred: { uncertain: true, text: "The line is not on the annex list in the data: its tier is inferred from its chapter (metal chapters: Annex I-A) or from the earlier derivatives list (Annex I-B)." },
  annex_heading_8471: { uncertain: true, text: "The annex list names heading 8471 as a whole; computers with little metal may enter under 9903.82.01 or .03 at 0%." },
  annex_ii_removed: { uncertain: false, text: "Annex II of Proclamation 11021 took the line out of the Section 232 metals duties from 6 Apr 2026." },
  korea_aluminium_2018: { uncertain: true, text: "Korea's 2018 arrangement covered steel only, so Korean aluminium paid the 10% of 2018; the tracker's configuration treats it as exempt." },
  metal_content: { uncertain: true, text: "The metals duty falls on the value of the metal content only: shown at half the value (the tracker's default share) since the entry's share is not known; the rest of the value pays the other duties." },
  reciprocal_exempt: { uncertain: false, text: "Exempt from the reciprocal tariff (Annex II of EO 14257 and later exemptions, matched on eight digits)." },
  s232_outside_reciprocal: { uncertain: false, text: "Goods under a Section 232 programme are outside the reciprocal tariff (EO 14257, sec. 3(b))." },
  civil_aircraft: { uncertain: true, text: "Civil aircraft and their parts are outside Korea's 15% floor (9903.02.81) when entered for civil aircraft use." },
  ieepa_refund: { uncertain: false, text: "The Supreme Court held the IEEPA tariffs unlawful (Learning Resources v. Trump, 20 Feb 2026); duties paid are refundable through CBP (refunds from 20 Apr 2026)." },
  s122_rate_disputed: { uncertain: false, text: "Section 122 surcharge: 15% was announced on 21 Feb 2026 but never put into the tariff schedule; CBP collected 10% (9903.03.01). Sources disagreed at the time." },
  s122_exempt: { uncertain: false, text: "Exempt from the Section 122 surcharge (its annex of exempt products)." },
  s232_outside_s122: { uncertain: false, text: "Section 232 goods are outside the Section 122 surcharge (9903.03.06)." },
  s301_tier_disputed: { uncertain: true, text: "Section 301 duty from 24 Jul 2026: the final notice puts Korea at 12.5% including the general rate; some sources report 12.5% on top of it, or 10%." },
  s232_outside_s301: { uncertain: false, text: "Section 232 goods are excluded from the Section 301 duty of July 2026 (US Note 52(f))." },
  s301_exemptions_proxy: { uncertain: true, text: "The Section 301 action's own list of exempt products is not in the data: the Section 122 exemptions stand in for it." },
  s301_exempt_proxy: { uncertain: true, text: "Treated as exempt from the Section 301 duty because it was exempt from the Section 122 surcharge (the action's own list is not in the data)." },
  s232_precedence: { uncertain: false, text: "One Section 232 programme applies per good: the vehicle, part or product programme replaces the metals duty." },
} as const satisfies Record<string, { uncertain: boolean; text: string }>;

export type NoteCode = keyof typeof NOTE_TEXT;
