import { readFileSync } from 'node:fs';
import { segment } from '@yuqing/analyzer';
import { getTaxonomy, type Taxonomy, type TaxonomyRow } from './taxonomy.ts';
import { upsert } from './util.ts';

const LEXICON_FILE = new URL('../../dict/mailbox-lexicon.txt', import.meta.url);

/** A matchable term with its weight per level-1 class, and the taxonomy rows it names (for level 2/3). */
export interface LexiconTerm {
  term: string;
  weights: Map<string, number>;
  rows: TaxonomyRow[];
}

export interface Lexicon {
  classes: readonly string[];
  terms: Map<string, LexiconTerm>;
}

/** Words of taxonomy names that say nothing about the class on their own. */
const GENERIC = new Set(
  [
    '其他 时间 分配 管理 问题 建设 政策 服务 工作 待遇 纠纷 人员 发展 规划 监管 体制 改革 事务 行业 安全 工程 处理',
    '使用 资金 设计 方案 执行 申请 决定 保护 补偿 人员待遇 其他补贴 职工 经营 质量 标准 市场 资源 办理 城市 居民',
    '服务设施 公共设施 冬季 历史 手续 城镇 住房 开发 困难 登记 补贴 制度 组织 信息 报告 危险 示范 模范 城区 创建',
    '淘汰 落后 损害 破坏 之风 财产 设施 维护 转让 运营 保险 基金 资产 企业 区域 收入 经济 活动 产品 依法 申报',
    '干部 基层 社区 调整 边界 社会 生活 无着 医疗 国有 价格 流通 推广应用 后期 扶持 工程建设 治理 战略 监督 检验',
    '监控 认可 突发 事件处理 预防 控制 人口 家庭 违法 父母 奖励 争议 技术 不服 防范 打击 人事 力量 行政 规范 机构',
    '统筹 异地 公共 物质 鉴定 发放 培训 休息 内部 关系 协议 解除 集体 动物 疫情 防控 权属 农场 储备 进出口 生效',
    '证件 流失 重组 兼并 来源不明 纵容 模范城区创建 生态示范',
  ]
    .join(' ')
    .split(' '),
);

const CURATED_WEIGHT_DEFAULT = 2;
/** Taxonomy-derived words are weaker than curated ones: many are bureaucratic, not how citizens write. */
const TAXONOMY_WORD_WEIGHT = 1;
const TAXONOMY_NAME_WEIGHT = 2;

/** Parses the curated lexicon (`@类名` sections; `term[:weight]` separated by spaces). */
export function parseCuratedLexicon(
  text: string,
  classes: readonly string[],
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  let current: string | undefined;
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('@')) {
      current = line.slice(1).trim();
      if (!classes.includes(current)) throw new Error(`lexicon line ${i + 1}: unknown class ${current}`);
      continue;
    }
    if (!current) throw new Error(`lexicon line ${i + 1}: terms before any @class`);
    for (const item of line.split(/\s+/)) {
      const [term, w] = item.split(':');
      const weight = w === undefined ? CURATED_WEIGHT_DEFAULT : Number(w);
      if (!term || !Number.isFinite(weight)) throw new Error(`lexicon line ${i + 1}: bad term ${item}`);
      const m = upsert(out, term, () => new Map<string, number>());
      m.set(current, Math.max(m.get(current) ?? 0, weight));
    }
  }
  return out;
}

function add(terms: Map<string, LexiconTerm>, term: string, cls: string, weight: number, row?: TaxonomyRow) {
  const t = upsert(terms, term, (): LexiconTerm => ({ term, weights: new Map(), rows: [] }));
  if ((t.weights.get(cls) ?? 0) < weight) t.weights.set(cls, weight);
  if (row && !t.rows.includes(row)) t.rows.push(row);
}

/**
 * Curated words plus the taxonomy's own level-2/3 names and their words. A taxonomy word used by
 * three or more level-1 classes is dropped as unspecific; curated weights win over derived ones.
 */
export function buildLexicon(taxonomy: Taxonomy = getTaxonomy(), curatedText?: string): Lexicon {
  const curated = parseCuratedLexicon(curatedText ?? readFileSync(LEXICON_FILE, 'utf8'), taxonomy.level1);
  const terms = new Map<string, LexiconTerm>();
  const wordClasses = new Map<string, Set<string>>();
  const wordRows = new Map<string, TaxonomyRow[]>();
  for (const row of taxonomy.rows) {
    for (const name of [row.level2, row.level3]) {
      if (name === '其他' || name === row.level1) continue;
      for (const part of name.split(/[、和及与]/)) {
        if (part.length >= 2 && !GENERIC.has(part)) add(terms, part, row.level1, TAXONOMY_NAME_WEIGHT, row);
      }
      for (const w of segment(name)) {
        if (w.length < 2 || GENERIC.has(w)) continue;
        const s = upsert(wordClasses, w, () => new Set<string>());
        s.add(row.level1);
        const r = upsert(wordRows, w, (): TaxonomyRow[] => []);
        r.push(row);
      }
    }
  }
  for (const [w, classes] of wordClasses) {
    if (classes.size >= 3) continue;
    for (const row of wordRows.get(w) ?? []) add(terms, w, row.level1, TAXONOMY_WORD_WEIGHT, row);
  }
  // Curated weights replace derived ones for the same term and class.
  for (const [term, weights] of curated) {
    const t = upsert(terms, term, (): LexiconTerm => ({ term, weights: new Map(), rows: [] }));
    for (const [cls, w] of weights) t.weights.set(cls, w);
  }
  return { classes: taxonomy.level1, terms };
}

let cached: Lexicon | undefined;
export function getLexicon(): Lexicon {
  cached ??= buildLexicon();
  return cached;
}
