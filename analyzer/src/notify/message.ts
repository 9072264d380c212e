import type { AlertLevel, AlertRecord } from '@yuqing/schemas';
import type { AlertEvidence, EvidenceDocument, EvidenceVolume } from '../alerts/types.ts';

export const LEVEL_NAMES: Record<AlertLevel, string> = {
  blue: '蓝色预警',
  yellow: '黄色预警',
  orange: '橙色预警',
  red: '红色预警',
};

export type NotifyReason = 'new' | 'escalated' | 'grown' | 'pending';
const REASON_NAMES: Record<NotifyReason, string> = {
  new: '新预警',
  escalated: '预警升级',
  grown: '事态扩大',
  pending: '预警更新',
};

/** What every channel says about an alert: a snapshot taken when the notification was decided. */
export interface AlertMessage {
  alertId: string;
  departmentId: string;
  level: AlertLevel;
  levelName: string;
  title: string;
  reason: NotifyReason;
  reasonName: string;
  documents: number;
  firstTriggeredAt: string;
  lastTriggeredAt: string;
  rules: string[];
  reasons: string[];
  volume: EvidenceVolume | null;
  firstReport: EvidenceDocument | null;
  samples: EvidenceDocument[];
  /** The alert in the dashboard, filled in by the deliverer when it knows the public URL. */
  link: string | null;
}

export function toAlertMessage(
  alert: AlertRecord,
  evidence: AlertEvidence,
  reason: NotifyReason,
): AlertMessage {
  return {
    alertId: alert.id,
    departmentId: alert.departmentId,
    level: alert.level,
    levelName: LEVEL_NAMES[alert.level],
    title: alert.title,
    reason,
    reasonName: REASON_NAMES[reason],
    documents: alert.documents,
    firstTriggeredAt: alert.firstTriggeredAt,
    lastTriggeredAt: alert.lastTriggeredAt,
    rules: evidence.rules.map((r) => r.name),
    reasons: [...new Set(evidence.rules.flatMap((r) => r.reasons))].slice(0, 8),
    volume: evidence.volume,
    firstReport: evidence.firstReport,
    samples: evidence.samples.slice(0, 3),
    link: null,
  };
}

const beijing = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

function volumeLine(v: EvidenceVolume): string {
  const period = v.window === 'hour' ? '近1小时' : '近24小时';
  const base = v.window === 'hour' ? '前12小时' : '前14天';
  return `${period} ${v.count} 篇，${base}平均 ${v.baselineMean} 篇（z=${v.z}）`;
}

/** Plain lines shared by every format. */
export function messageLines(m: AlertMessage): string[] {
  const lines = [
    `【${m.levelName}】${m.title}`,
    `${m.reasonName}：相关信息 ${m.documents} 条，规则：${m.rules.join('、')}`,
  ];
  if (m.reasons.length > 0) lines.push(`依据：${m.reasons.join('；')}`);
  if (m.volume) lines.push(`声量：${volumeLine(m.volume)}`);
  if (m.firstReport) {
    const f = m.firstReport;
    lines.push(`首发：${f.title}（${f.source}，${beijing(f.publishedAt ?? f.fetchedAt)}）${f.url}`);
  }
  for (const s of m.samples) lines.push(`· ${s.title} ${s.url}`);
  lines.push(`首次触发 ${beijing(m.firstTriggeredAt)}，最近 ${beijing(m.lastTriggeredAt)}（北京时间）`);
  if (m.link) lines.push(`查看：${m.link}`);
  return lines;
}

export const renderText = (m: AlertMessage): string => messageLines(m).join('\n');

/** Markdown for the robots; titles and links come from crawled pages, so brackets are escaped. */
export function renderMarkdown(m: AlertMessage): string {
  const esc = (s: string) => s.replace(/([[\]()*_`#>])/g, '\\$1');
  const lines = [`### 【${m.levelName}】${esc(m.title)}`, `**${m.reasonName}**：相关信息 ${m.documents} 条`];
  lines.push(`> 规则：${esc(m.rules.join('、'))}`);
  if (m.reasons.length > 0) lines.push(`> 依据：${esc(m.reasons.join('；'))}`);
  if (m.volume) lines.push(`> 声量：${volumeLine(m.volume)}`);
  if (m.firstReport)
    lines.push(`> 首发：[${esc(m.firstReport.title)}](${m.firstReport.url})（${esc(m.firstReport.source)}）`);
  for (const s of m.samples) lines.push(`- [${esc(s.title)}](${s.url})`);
  if (m.link) lines.push(`[查看预警](${m.link})`);
  return lines.join('\n\n');
}

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

export function renderHtml(m: AlertMessage): string {
  const items = messageLines(m)
    .slice(1)
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('\n');
  return `<h2>【${escapeHtml(m.levelName)}】${escapeHtml(m.title)}</h2>\n${items}`;
}
