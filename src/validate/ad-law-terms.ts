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

/** Everyday words that contain a listed character without being a superlative claim (最近 = recently). */
const NOT_CLAIMS = ['最近', '最后', '最初', '最终', '第一次', '第一步', '第一天', '第一批', '唯一码'];

/**
 * A finder for the given terms, prepared once per plan (sorted, lower-cased, English terms compiled to
 * whole-word patterns) because it runs on every text of a large plan. The finder returns the terms found in
 * a text, longest first so "全网第一" is reported rather than also "第一".
 */
export function termFinder(terms: readonly string[]): (text: string) => string[] {
  const prepared = [...terms]
    .sort((a, b) => b.length - a.length)
    .map((term) => {
      const lower = term.toLowerCase();
      const whole = /^\p{ASCII}+$/u.test(lower) ? new RegExp(`(^|[^a-z0-9])${lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9])`) : null;
      return { term, lower, whole };
    });
  return (text) => {
    let lower = text.toLowerCase();
    for (const word of NOT_CLAIMS) if (lower.includes(word)) lower = lower.split(word).join(' ');
    const hits: string[] = [];
    for (const { term, lower: t, whole } of prepared) {
      const found = whole ? whole.test(lower) : lower.includes(t);
      if (found && !hits.some((h) => h.includes(term))) hits.push(term);
    }
    return hits;
  };
}
