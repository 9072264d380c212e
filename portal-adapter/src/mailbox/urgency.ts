/** Urgency of a letter from what it says: danger to life, safety hazards, groups, deadlines, repeats. */
export type Urgency = 'high' | 'medium' | 'low';

interface Signal {
  name: string;
  pattern: RegExp;
  weight: number;
}

/** Weights: 3 alone makes a letter urgent (high at ≥ 3), 1–2 make it medium. */
export const URGENCY_SIGNALS: readonly Signal[] = [
  { name: '生命危险', pattern: /生命危险|危及生命|人命关天|出人命|死亡|身亡|致死|轻生|自杀|跳楼/, weight: 3 },
  {
    name: '安全隐患',
    pattern: /安全隐患|重大隐患|倒塌|坍塌|塌方|垮塌|爆炸|起火|火灾|漏气|燃气泄漏|触电|危房|滑坡/,
    weight: 2,
  },
  { name: '紧急', pattern: /紧急|十万火急|刻不容缓|迫在眉睫|急需|马上|立即|尽快处理|火速/, weight: 1 },
  {
    name: '群体',
    pattern: /群体性|集体上访|联名|上百|数百|几百|上千|数千|全体业主|全村|全体村民|围堵|堵路|拉横幅|聚集/,
    weight: 2,
  },
  {
    name: '期限',
    pattern: /(明天|后天|今天|本周|这周|下周|月底|年前|春节前|\d+\s*[日天]内|截止|期限|到期|即将)/,
    weight: 1,
  },
  {
    name: '反复投诉',
    pattern:
      /(多次|再次|反复|屡次|一再|三番五次)[^，。！？]{0,10}(反映|投诉|举报|打电话|来电|求助|找)|一直(没有?|无)人?(处理|解决|回复)|至今(未|没有?|无)人?(处理|解决|答复|回复|理会)|无人(理会|过问|处理)|石沉大海/,
    weight: 1,
  },
  { name: '弱势群体', pattern: /老人|儿童|小孩|孩子|孕妇|残疾|重病|病重|癌症|学生安全/, weight: 1 },
  { name: '伤害', pattern: /受伤|伤害|殴打|打伤|中毒|烫伤|急救|抢救/, weight: 2 },
];

export interface UrgencyResult {
  urgency: Urgency;
  score: number;
  signals: string[];
}

export function assessUrgency(title: string, content: string): UrgencyResult {
  const text = `${title}\n${content}`;
  const signals: string[] = [];
  let score = 0;
  for (const s of URGENCY_SIGNALS) {
    if (s.pattern.test(text)) {
      signals.push(s.name);
      score += s.weight;
    }
  }
  const urgency: Urgency = score >= 3 ? 'high' : score >= 1 ? 'medium' : 'low';
  return { urgency, score, signals };
}
