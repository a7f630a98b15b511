// Names of the programmes, in English and Korean (the product page, the API's programmeLabel, the CSV exports).
export const PROGRAMME_LABELS: Record<string, { en: string; ko: string }> = {
  s232_semiconductors: { en: "Section 232 semiconductors", ko: "232조 반도체" },
  s232_autos: { en: "Section 232 autos", ko: "232조 자동차" },
  s232_auto_parts: { en: "Section 232 auto parts", ko: "232조 자동차 부품" },
  s232_auto_parts_r: { en: "Auto parts eligible for the 15% floor (Note 33(r))", ko: "15% 하한 적용 가능 자동차 부품(주 33(r))" },
  s232_mhd: { en: "Section 232 trucks and truck parts", ko: "232조 중대형 트럭·부품" },
  s232_buses: { en: "Section 232 buses", ko: "232조 버스" },
  s232_timber: { en: "Section 232 timber and lumber", ko: "232조 목재·제재목" },
  s232_wood_products: { en: "Section 232 furniture and cabinets", ko: "232조 가구·캐비닛" },
  s232_pharma: { en: "Section 232 medicines", ko: "232조 의약품" },
  s232_metals: { en: "Section 232 steel and aluminium", ko: "232조 철강·알루미늄" },
  s232_copper: { en: "Section 232 copper", ko: "232조 구리" },
  ieepa_reciprocal: { en: "Reciprocal tariff (IEEPA)", ko: "상호관세(IEEPA)" },
  ieepa_reciprocal_floor: { en: "Korea's 15% floor (IEEPA)", ko: "한국 15% 하한(IEEPA)" },
  s122: { en: "Section 122 surcharge", ko: "122조 추가관세" },
  s301_forced_labour: { en: "Section 301 duty (July 2026)", ko: "301조 관세(2026년 7월)" },
};
