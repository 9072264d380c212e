import { REPORT_SENSITIVE_SCORE } from '@yuqing/schemas';
import type { ReportData } from './data.ts';
import { percent } from './labels.ts';
import { phrase, type SearchLinkFilter } from './links.ts';

/**
 * The recommendations section (研判建议), derived from the figures by fixed rules. Each says what
 * it is based on and links to the documents behind it. Thresholds are deliberately simple and
 * documented in REPORTS.md.
 */
export interface Recommendation {
  level: 'high' | 'medium' | 'low';
  text: string;
  basis: string;
  link: SearchLinkFilter;
}

export const RULES = {
  /** A topic whose negative documents at least doubled and number this many. */
  risingNegativeTopic: 3,
  /** A sensitivity category that at least doubled and has this many documents. */
  sensitiveSpike: 3,
  /** Negative share worth a warning, with at least `minDocuments` documents. */
  negativeShare: 0.3,
  minDocuments: 10,
  /** Volume at least this many times the previous period's, with at least `minDocuments`. */
  volumeSurge: 1.5,
  /** A region holding at least this share of the negative documents (and 3 of them). */
  regionNegativeShare: 0.4,
  /** A person named in at least this many negative documents. */
  personNegative: 3,
} as const;

const rose = (now: number, before: number, min: number) => now >= min && now >= 2 * Math.max(1, before);

export function recommendations(d: ReportData): Recommendation[] {
  const out: Recommendation[] = [];
  const o = d.overview;
  for (const t of d.topics) {
    if (!rose(t.negative, t.previousNegative, RULES.risingNegativeTopic)) continue;
    const name = t.label || t.representativeTitle || t.id;
    out.push({
      level: 'high',
      text: `话题“${name}”负面信息快速上升，建议相关部门及时回应关切，核实情况并发布权威信息。`,
      basis: `本期负面 ${t.negative} 条，上期 ${t.previousNegative} 条；涉及来源 ${t.sources} 个。`,
      link: { q: t.keywords.slice(0, 2).join(' ') || phrase(name), sentiment: 'negative' },
    });
  }
  for (const c of d.sensitivityCategories) {
    if (!rose(c.documents, c.previous, RULES.sensitiveSpike)) continue;
    out.push({
      level: 'high',
      text: `“${c.name}”类敏感信息明显增多，建议核查信息真伪，必要时会同主管部门研判处置。`,
      basis: `本期 ${c.documents} 条，上期 ${c.previous} 条。`,
      // The search page has no sensitivity-category filter yet: the link shows every sensitive document.
      link: { minSensitivity: REPORT_SENSITIVE_SCORE },
    });
  }
  if (o.documents >= RULES.minDocuments && o.negative / o.documents >= RULES.negativeShare) {
    out.push({
      level: 'medium',
      text: '负面信息占比偏高，建议加强研判，关注负面信息集中的话题和地区，做好回应准备。',
      basis: `负面 ${o.negative} 条，占 ${percent(o.negative, o.documents)}（上期 ${percent(o.previous.negative, o.previous.documents)}）。`,
      link: { sentiment: 'negative' },
    });
  }
  if (
    o.documents >= RULES.minDocuments &&
    o.documents >= RULES.volumeSurge * Math.max(1, o.previous.documents)
  ) {
    out.push({
      level: 'medium',
      text: '舆情总量明显上升，建议增加监测频次，关注声量上升的来源和话题。',
      basis: `本期 ${o.documents} 条，上期 ${o.previous.documents} 条。`,
      link: {},
    });
  }
  const regions = d.cities.length > 0 ? d.cities : d.provinces;
  for (const r of regions) {
    if (r.negative < 3 || o.negative === 0 || r.negative / o.negative < RULES.regionNegativeShare) continue;
    out.push({
      level: 'medium',
      text: `负面信息集中在${r.name}，建议属地部门关注并及时处置。`,
      basis: `${r.name}负面 ${r.negative} 条，占全部负面的 ${percent(r.negative, o.negative)}。`,
      link: { region: r.key, sentiment: 'negative' },
    });
  }
  for (const p of d.persons) {
    if (p.negative < RULES.personNegative) continue;
    out.push({
      level: 'low',
      text: `涉及“${p.name}”的负面信息较多，建议关注相关动态，防止舆情发酵。`,
      basis: `本期涉及该人物的负面信息 ${p.negative} 条。`,
      link: { q: phrase(p.name), sentiment: 'negative' },
    });
  }
  if (d.mailbox.available && d.mailbox.overdue) {
    out.push({
      level: 'medium',
      text: '有群众来信超过办理时限，建议督促承办部门尽快办结并答复。',
      basis: `超期未办结信件 ${d.mailbox.overdue} 件。`,
      link: {},
    });
  }
  if (out.length === 0) {
    out.push({
      level: 'low',
      text: '本期舆情总体平稳，建议保持常态化监测，关注新出现的热点话题。',
      basis: `本期信息 ${o.documents} 条，负面占 ${percent(o.negative, o.documents)}，敏感信息 ${o.sensitive} 条。`,
      link: {},
    });
  }
  const rank = { high: 0, medium: 1, low: 2 } as const;
  return out.sort((a, b) => rank[a.level] - rank[b.level]);
}
