// Absolute terms China's Advertising Law (《广告法》第九条第三项) forbids in advertising, as regulators
// and platforms enforce them (极限词). A plan can add terms or allow some in plan.yaml `advertisingLaw`.
export const DEFAULT_FORBIDDEN_TERMS: readonly string[] = [
  '国家级', '世界级', '最高级', '最佳', '最优', '最好', '最低价', '最便宜', '最', '第一', '全网第一', '销量第一', '唯一', '首个', '首选', '首家',
  '顶级', '极品', '极致', '绝对', '独家', '万能', '王牌', '冠军', '巅峰', '史无前例', '永久', '100%', '特供', '专供', '领导品牌', '全球领先',
  'best', 'number one', 'No.1', 'world-class',
];

export interface AdLawConfig {
  extraTerms?: string[];
  allowedTerms?: string[];
  replaceDefaults?: boolean;
}

export function forbiddenTerms(config: AdLawConfig | undefined): string[] {
  const base = config?.replaceDefaults ? [] : DEFAULT_FORBIDDEN_TERMS;
  const allowed = new Set(config?.allowedTerms ?? []);
  return [...new Set([...base, ...(config?.extraTerms ?? [])])].filter((t) => !allowed.has(t));
}

/** Terms found in a text, longest first so "全网第一" is reported rather than also "第一". */
export function findTerms(text: string, terms: readonly string[]): string[] {
  const lower = text.toLowerCase();
  const hits: string[] = [];
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    if (lower.includes(term.toLowerCase()) && !hits.some((h) => h.includes(term))) hits.push(term);
  }
  return hits;
}
