// Korean titles of the seed records, by record key. Shown when the reader's language is Korean.

export const MEASURE_TITLES_KO: Record<string, string> = {
  "steel-kr-quota-2018": "한국 철강 232조 쿼터 합의(쿼터 내 무관세)",
  "steel-alu-232-25": "232조 철강·알루미늄 25%, 전 국가 적용",
  "steel-alu-232-50": "232조 철강·알루미늄 50%로 인상",
  "autos-korus": "한미 FTA에 따른 한국산 승용차 무관세",
  "autos-232-25": "232조 자동차 25%",
  "autos-kr-15": "한미 합의에 따른 한국산 자동차 15%(최혜국 관세 포함)",
  "auto-parts-korus": "한미 FTA에 따른 한국산 자동차 부품 무관세",
  "auto-parts-232-25": "232조 핵심 자동차 부품 25%(엔진·변속기·파워트레인·전장)",
  "auto-parts-kr-15": "한미 합의에 따른 한국산 자동차 부품 15%(최혜국 관세 포함)",
  "all-goods-korus": "한미 FTA에 따른 한국산 상품 무관세(추가 관세 없음)",
  "reciprocal-baseline-10": "상호관세 기본세율 10%",
  "reciprocal-kr-25-apr": "한국 국가별 상호관세 25%",
  "reciprocal-kr-25-aug": "8월 1일부터 모든 한국산 상품 25%(트럼프 서한)",
  "reciprocal-kr-15": "한국 상호관세 15%(합의 세율, 최혜국 관세에 추가)",
  "reciprocal-kr-15-inclusive": "한국 상호관세 15%(최혜국 관세 포함, 비중첩)",
  "kr-threat-25-2026": "한국 자동차·목재·의약품·상호관세 15%→25% 인상 위협",
  "sec122-global-10": "무역법 122조 국제수지 추가관세(150일), 전 수입품",
  "copper-232-50": "232조 구리 50%(한국 합의 대상 아님)",
  "chips-232-25": "232조 반도체: 일부 첨단 연산용 칩 25%",
  "metals-232-annexes-2026": "232조 금속 관세 부속서 체계로 개편: I-A 50%, I-B 25%, III 15%(전체 가격 기준)",
  "s301-forced-labour-kr": "122조 추가관세를 대체한 301조 관세: 한국 12.5%(일반 관세 포함)",
  "lumber-232-10": "232조 침엽수 목재·제재목 10%",
  "pharma-232-kr-15": "232조 특허 의약품: 한국 15%(일반 관세 포함)",
};

export const DEADLINE_TITLES_KO: Record<string, string> = {
  "steel-alu-25-effective": "철강·알루미늄 25% 전 국가 적용 발효",
  "autos-25-effective": "232조 자동차 관세 25% 발효",
  "baseline-10-effective": "상호관세 기본세율 10% 발효",
  "reciprocal-kr-effective-apr9": "한국 국가별 상호관세 발효",
  "pause-end-jul9": "국가별 상호관세 90일 유예 종료",
  "reciprocal-kr-aug1": "모든 한국산 상품 25% 관세 발효",
  "election-jun3": "대한민국 조기 대통령 선거",
  "auto-parts-25-effective": "232조 핵심 자동차 부품 25% 발효",
  "steel-alu-50-effective": "철강·알루미늄 관세 50%로 인상 발효",
  "vehicle-tax-cut-end": "승용차 개별소비세 3.5% 인하 종료",
  "copper-50-effective": "232조 구리 관세 50% 발효",
  "reciprocal-kr-15-effective": "한국 상호관세 15% 발효",
  "auto-offset-expiry": "자동차 관세 상쇄(권장소비자가격의 3.75%) 만료",
  "ieepa-collection-ends": "대법원 판결 후 IEEPA 관세 징수 중단",
  "sec122-effective": "무역법 122조 추가관세 발효",
  "sec122-expiry": "122조 추가관세 150일 만료(의회 연장 없을 시)",
  "sec301-comments": "301조 과잉생산 조사: 서면 의견 마감",
  "sec301-hearing": "301조 과잉생산 조사: 공청회",
};

export const EVENT_TITLES_KO: Record<string, string> = {
  "2025-03-12-steel-25": "철강·알루미늄 25% 전 국가 적용, 한국 쿼터 합의 종료",
  "2025-03-26-autos-proclaimed": "자동차·부품 25% 포고(완성차 4월 3일, 부품 5월 3일까지)",
  "2025-03-31-extra-budget-proposed": "정부, 10조 원 추경 제안(산불·통상·민생)",
  "2025-04-02-liberation-day": "'해방의 날': 한국 상호관세 25% 발표(부속서 26%), 4월 5일부터 기본 10%",
  "2025-04-03-autos-effective": "한국산 자동차 25% 관세 발효(2024년 대미 자동차 수출 347억 달러)",
  "2025-04-05-baseline": "상호관세 기본세율 10% 발효",
  "2025-04-07-kospi-crash": "코스피 5.57% 급락해 2,328.20, 2024년 8월 이후 첫 사이드카",
  "2025-04-09-pause": "국가별 세율 발효 후 90일 유예(7월 9일까지), 기본 10% 유지",
  "2025-04-09-auto-package": "자동차 긴급 지원: 정책금융 13조→15조 원, 개별소비세 5%→3.5%, 전기차 보조금 확대",
  "2025-04-29-auto-offset": "자동차 관세 상쇄(미국 조립차 권장소비자가격의 3.75%)와 자동차·금속 관세 중복 부과 배제",
  "2025-05-01-extra-budget-passed": "국회, 13.8조 원 추경 의결(정부안 12.2조 원)",
  "2025-05-03-parts-effective": "핵심 자동차 부품 25% 발효",
  "2025-06-03-election": "조기 대선: 이재명 당선, 6월 4일 취임",
  "2025-06-04-steel-50": "철강·알루미늄 25%에서 50%로 인상",
  "2025-07-07-letter": "트럼프 서한: 8월 1일부터 모든 한국산 상품 25%, 유예 8월 1일까지 연장",
  "2025-07-30-deal": "합의: 상호관세·자동차 15%, 3,500억 달러 투자, 1,000억 달러 에너지 구매",
  "2025-07-31-eo-15": "행정명령, 8월 7일부터 한국 상호관세 15%(최혜국 관세에 추가)",
  "2025-08-01-copper": "구리 50% 발효, 한국 합의 대상 아님",
  "2025-08-25-summit": "워싱턴 첫 한미 정상회담, 한국 기업 약 1,500억 달러 대미 투자 발표",
  "2025-10-29-gyeongju": "경주 정상회담: 현금 2,000억 달러(연 최대 200억 달러)와 조선 1,500억 달러",
  "2025-11-01-autos-15": "자동차·부품 25%→15%(최혜국 관세 포함), 11월 1일 소급(12월 4일 공포)",
  "2025-11-13-fact-sheet": "공동 팩트시트, 11월 14일 투자 MOU 서명, 자동차·부품·목재·의약품 15% 상한",
  "2025-11-14-inclusive-15": "상호관세, 최혜국 관세 포함 15% 하한으로 전환(소급)",
  "2025-11-26-special-act-submitted": "더불어민주당, 한미 전략적 투자 특별법 발의",
  "2026-01-15-chips": "232조 반도체: 일부 첨단 연산용 칩 25%",
  "2026-01-26-threat": "트럼프, 특별법 지연 이유로 한국 자동차·목재·의약품·상호관세 25% 위협",
  "2026-02-20-scotus": "미 대법원(6대 3): IEEPA 관세 위법, 한국 상호관세 15% 무효",
  "2026-02-24-sec122": "122조 전 세계 추가관세 10%, 150일(15% 발표, 적용 여부 논란)",
  "2026-03-11-sec301": "USTR, 한국 포함 16개국 과잉생산 301조 조사 개시",
  "2026-03-12-special-act-passed": "국회, 한미 전략적 투자 특별법 의결(찬성 226, 반대 8)",
};

export const BUDGET_TITLES_KO: Record<string, string> = {
  "supplementary-budget-2025-1": "2025년 제1회 추가경정예산",
  "auto-policy-finance-2025": "자동차 산업 긴급 정책금융",
  "strategic-investment-corporation": "한미 전략적 투자 공사 자본금",
};

export const FIGURE_TITLES_KO: Record<string, string> = {
  "trade-balance-kr-us-2024": "한국의 대미 상품 무역흑자",
  "car-exports-us-2024": "한국의 대미 자동차 수출",
  "investment-pledge-350bn": "한국의 대미 투자 약속",
  "energy-purchases-100bn": "한국의 미국산 에너지 구매",
  "firm-investment-150bn": "8월 정상회담에서 한국 기업이 발표한 대미 투자",
  "car-purchase-tax-2025": "승용차 개별소비세",
};

/** Korean outcome of a deadline, by deadline key (applies to the version that records the outcome). */
export const DEADLINE_OUTCOMES_KO: Record<string, string> = {
  "steel-alu-25-effective": "발효, 한국 쿼터 합의 종료",
  "autos-25-effective": "한국산 자동차에 발효",
  "baseline-10-effective": "발효",
  "reciprocal-kr-effective-apr9": "당일 90일 유예",
  "pause-end-jul9": "서한과 행정명령 14316으로 8월 1일까지 유예 연장",
  "reciprocal-kr-aug1": "7월 30일 합의: 25% 대신 15%, 8월 7일 발효",
  "election-jun3": "이재명 당선(49.42%), 6월 4일 취임",
  "auto-parts-25-effective": "발효",
  "steel-alu-50-effective": "발효",
  "copper-50-effective": "발효, 한국 합의 대상 아님",
  "reciprocal-kr-15-effective": "발효, 최혜국 관세에 추가",
  "ieepa-collection-ends": "징수 중단, 한국 상호관세 15% 무효",
  "sec122-effective": "10%로 발효",
};

/** Korean rate notes, by measure key. */
export const RATE_NOTES_KO: Record<string, string> = {
  "steel-kr-quota-2018": "쿼터 내 0%",
  "autos-kr-15": "최혜국 관세 + 232조 = 15%, 최혜국 관세가 15% 이상이면 추가 관세 없음",
  "auto-parts-kr-15": "최혜국 관세 + 232조 = 15%",
  "reciprocal-kr-25-apr": "25%로 발표, 행정명령 부속서에는 26%",
  "reciprocal-kr-25-aug": "품목별 관세와 별도",
  "reciprocal-kr-15": "최혜국 관세에 추가",
  "reciprocal-kr-15-inclusive": "최혜국 관세 포함 15% 하한, 목재 15% 이하, 민간 항공기 면제",
  "kr-threat-25-2026": "시행 여부 불분명",
  "sec122-global-10": "2월 21일 15% 발표, 적용 여부는 출처마다 다름",
  "chips-232-25": "적용 범위 좁음: 메모리 제외, 최종 용도별 면제 다수",
  "metals-232-annexes-2026": "부속서 I-A 50%, I-B 25%, III 15%(2027년 말까지), II 적용 제외; 한국 상한 없음(I-C 장비는 2026년 6월 8일부터 한국 15%)",
  "s301-forced-labour-kr": "최종 공고 기준 일반 관세 포함 12.5%(한미 FTA 세율 인정); 6월 2일 제안은 12.5% 추가; 10%로 읽는 견해도 있음. 232조 품목 제외",
  "lumber-232-10": "가구·주방 캐비닛 25%(한국은 2025년 11월 14일부터 일반 관세 포함 15%)",
  "pharma-232-kr-15": "특허 의약품만(제네릭 0%); 부속서 III 기업은 2026년 7월 31일, 그 외 9월 29일부터",
};

/** Korean conflict titles, by conflict key. */
export const CONFLICT_TITLES_KO: Record<string, string> = {
  "reciprocal-kr-rate-apr2025": "4월 2일 한국 상호관세율: 발표 25%, 행정명령 부속서 26%",
  "trade-balance-2024": "2024년 한국의 대미 상품 무역흑자: 557억 달러 또는 556억 달러",
  "sec122-rate-2026": "122조 추가관세: 적용된 10%, 또는 2월 21일 발표된 15%",
};
