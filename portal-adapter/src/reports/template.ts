import { REPORT_SENSITIVE_SCORE, type ReportDocument } from '@yuqing/schemas';
import type { NamedItem, ReportData } from './data.ts';
import {
  change,
  changeShort,
  LETTER_STATE_NAMES,
  percent,
  SENTIMENT_NAMES,
  TOPIC_STATE_NAMES,
} from './labels.ts';
import { documentLink, type LinkBase, phrase, type SearchLinkFilter, searchLink } from './links.ts';
import { type Block, type Cell, link, para, type ReportModel, type Section } from './model.ts';
import { KIND_NAMES } from './period.ts';
import { recommendations } from './recommend.ts';

/** The report template: sections in the order of a government opinion report. */

const LEVEL_NAMES: Record<string, string> = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' };

const beijingTime = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export function reportTitle(d: ReportData): string {
  const issuer = d.spec.issuer ?? '';
  if (d.spec.kind === 'special')
    return `${issuer}关于“${d.spec.subject || d.spec.plan?.name || d.spec.query?.text || '专题'}”的舆情专报`;
  return `${issuer}${KIND_NAMES[d.spec.kind]}`;
}

export function buildReportModel(d: ReportData, dashboardUrl: string): ReportModel {
  const base: LinkBase = {
    dashboardUrl,
    firstDay: d.period.firstDay,
    lastDay: d.period.lastDay,
    q: d.spec.query?.text,
    plan: d.spec.plan?.id,
  };
  const s = (f: SearchLinkFilter = {}) => searchLink(base, f);
  const doc = (id: string) => documentLink(base, id);
  const o = d.overview;
  const count = (n: number, f: SearchLinkFilter): Cell => link(String(n), s(f));
  const itemTable = (
    items: NamedItem[],
    head: string,
    filter: (i: NamedItem) => SearchLinkFilter,
  ): Block => ({
    type: 'table',
    columns: [head, '信息量', '负面', '敏感', '较上期'],
    rows: items.map((i) => [
      link(i.name, s(filter(i))),
      count(i.documents, filter(i)),
      count(i.negative, { ...filter(i), sentiment: 'negative' }),
      count(i.sensitive, { ...filter(i), minSensitivity: REPORT_SENSITIVE_SCORE }),
      changeShort(i.documents, i.previous),
    ]),
  });
  const none = (what: string): Block => para(`本期无${what}。`);
  const sections: Section[] = [];

  sections.push({
    title: '总体态势',
    blocks: [
      para(
        `${d.period.label}，共监测到${d.spec.kind === 'special' ? '相关' : ''}信息 `,
        link(`${o.documents} 条`, s()),
        `，${change(o.documents, o.previous.documents)}；其中负面信息 `,
        link(`${o.negative} 条`, s({ sentiment: 'negative' })),
        `，占 ${percent(o.negative, o.documents)}（上期 ${percent(o.previous.negative, o.previous.documents)}）；敏感信息 `,
        link(`${o.sensitive} 条`, s({ minSensitivity: REPORT_SENSITIVE_SCORE })),
        `，${change(o.sensitive, o.previous.sensitive)}；信息来自 ${o.sources} 个来源。`,
      ),
      {
        type: 'figures',
        items: [
          {
            label: '信息总量',
            value: String(o.documents),
            href: s(),
            note: change(o.documents, o.previous.documents),
          },
          {
            label: '负面信息',
            value: String(o.negative),
            href: s({ sentiment: 'negative' }),
            note: `占比 ${percent(o.negative, o.documents)}`,
          },
          {
            label: '敏感信息',
            value: String(o.sensitive),
            href: s({ minSensitivity: REPORT_SENSITIVE_SCORE }),
            note: change(o.sensitive, o.previous.sensitive),
          },
          { label: '信息来源', value: String(o.sources), href: s(), note: `上期 ${o.previous.sources} 个` },
        ],
      },
      { type: 'chart', chartId: 'trend', caption: '图1 信息量走势' },
      { type: 'chart', chartId: 'sentiment', caption: '图2 情感分布' },
      {
        type: 'table',
        columns: ['情感', '信息量', '占比'],
        rows: (['negative', 'neutral', 'positive'] as const).map((k) => [
          SENTIMENT_NAMES[k] as string,
          count(o[k], { sentiment: k }),
          percent(o[k], o.documents),
        ]),
      },
    ],
  });

  sections.push({
    title: '传播分布',
    blocks: [
      { type: 'heading', text: '媒体类型' },
      { type: 'chart', chartId: 'media', caption: '图3 媒体类型分布' },
      d.mediaTypes.length ? itemTable(d.mediaTypes, '媒体类型', (i) => ({ mediaType: i.key })) : none('信息'),
      { type: 'heading', text: '主要来源' },
      d.sources.length ? itemTable(d.sources, '来源', (i) => ({ source: i.key })) : none('信息'),
      { type: 'heading', text: '内容分类' },
      d.categories.length
        ? itemTable(d.categories, '分类', (i) => ({ category: i.key }))
        : none('已分类信息'),
    ],
  });

  const topicRows = d.topics.map((t, n) => {
    const name = t.label || t.representativeTitle || t.id;
    const f: SearchLinkFilter = { q: t.keywords.slice(0, 2).join(' ') || phrase(name) };
    return [
      String(n + 1),
      link(name, s(f)),
      count(t.documents, f),
      count(t.negative, { ...f, sentiment: 'negative' }),
      changeShort(t.documents, t.previous),
      TOPIC_STATE_NAMES[t.state] ?? (t.state || '—'),
      t.representativeDocId ? link(t.representativeTitle || '查看', doc(t.representativeDocId)) : '—',
    ];
  });
  const eventRows = d.events.map((e, n) => {
    const f: SearchLinkFilter = { q: e.keywords.slice(0, 2).join(' ') || phrase(e.title) };
    return [
      String(n + 1),
      link(e.title || e.id, new URL(`/events/${encodeURIComponent(e.id)}`, dashboardUrl).toString()),
      count(e.volume, f),
      count(e.negative, { ...f, sentiment: 'negative' }),
      LEVEL_NAMES[e.indexLevel] ?? (e.indexLevel || '—'),
      e.firstReport.docId
        ? link(
            `${e.firstReport.site || e.firstReport.source} ${beijingTime(new Date(e.firstReport.time).toISOString())}`,
            doc(e.firstReport.docId),
          )
        : '—',
    ];
  });
  sections.push({
    title: '热点话题与事件',
    blocks: [
      { type: 'heading', text: '热点话题' },
      d.topics.length === 0
        ? para('本期未形成热点话题（话题聚类尚无本期数据）。')
        : {
            type: 'table',
            columns: ['序号', '话题', '信息量', '负面', '较上期', '态势', '代表报道'],
            rows: topicRows,
          },
      { type: 'heading', text: '热点事件' },
      d.events.length === 0
        ? para('本期无达到事件标准的热点。')
        : {
            type: 'table',
            columns: ['序号', '事件', '累计信息', '负面', '舆情指数', '首发'],
            rows: eventRows,
          },
    ],
  });

  const docTable = (docs: ReportDocument[]): Block => ({
    type: 'table',
    columns: ['标题', '来源', '时间', '情感', '敏感度', '敏感类别'],
    rows: docs.map((x) => [
      link(x.title || x.url, doc(x.id)),
      link(x.site || x.source, x.url),
      beijingTime(x.eventTime),
      SENTIMENT_NAMES[x.sentiment] ?? x.sentiment,
      String(x.sensitivityScore),
      x.sensitivityCategories.join('、') || '—',
    ]),
  });
  sections.push({
    title: '敏感信息',
    blocks: [
      { type: 'chart', chartId: 'sensitivity', caption: '图4 敏感类别分布' },
      d.sensitivityCategories.length
        ? itemTable(d.sensitivityCategories, '敏感类别', () => ({ minSensitivity: 1 }))
        : none('命中敏感类别的信息'),
      { type: 'heading', text: `重点敏感信息（敏感度≥${REPORT_SENSITIVE_SCORE}）` },
      d.sensitiveDocuments.length ? docTable(d.sensitiveDocuments) : none('敏感度达到阈值的信息'),
      { type: 'heading', text: '重点负面信息' },
      d.negativeDocuments.length ? docTable(d.negativeDocuments) : none('负面信息'),
    ],
  });

  sections.push({
    title: '地域分布',
    blocks: [
      { type: 'chart', chartId: 'regions', caption: '图5 地域分布（省级）' },
      { type: 'heading', text: '省级' },
      d.provinces.length
        ? itemTable(d.provinces, '地区', (i) => ({ region: i.key }))
        : none('可识别地域的信息'),
      { type: 'heading', text: '地市级' },
      d.cities.length ? itemTable(d.cities, '地区', (i) => ({ region: i.key })) : none('可识别到地市的信息'),
    ],
  });

  sections.push({
    title: '涉及人物与机构',
    blocks: [
      { type: 'heading', text: '人物' },
      d.persons.length
        ? itemTable(d.persons, '人物', (i) => ({ q: phrase(i.key) }))
        : none('识别出人物的信息'),
      { type: 'heading', text: '机构' },
      d.orgs.length ? itemTable(d.orgs, '机构', (i) => ({ q: phrase(i.key) })) : none('识别出机构的信息'),
    ],
  });

  sections.push({ title: '群众来信', blocks: mailboxBlocks(d) });

  sections.push({
    title: '研判建议',
    blocks: recommendations(d).map((r, n) =>
      para(
        { text: `${n + 1}. ${r.text}`, bold: r.level === 'high' },
        `依据：${r.basis}`,
        link('查看相关信息', s(r.link)),
      ),
    ),
  });

  return {
    title: reportTitle(d),
    subtitle: d.period.label,
    issuer: d.spec.issuer ?? '',
    meta: `统计时段：${d.period.label}（北京时间）　生成时间：${beijingTime(d.generatedAt)}`,
    sections,
  };
}

function mailboxBlocks(d: ReportData): Block[] {
  const m = d.mailbox;
  if (!m.available) return [para('暂无信箱数据：群众来信表尚未建立，本节在信箱模块启用后自动生成。')];
  if (m.received === 0) return [para('暂无信箱数据：本期未收到群众来信。')];
  const table = (
    head: string,
    rows: Array<{ key: string; letters: number }>,
    names: Record<string, string> = {},
  ) =>
    ({
      type: 'table',
      columns: [head, '信件数', '占比'],
      rows: rows.map((r) => [names[r.key] ?? r.key, String(r.letters), percent(r.letters, m.received)]),
    }) satisfies Block;
  const blocks: Block[] = [
    para(
      `本期共收到群众来信 ${m.received} 件` +
        (m.overdue === null ? '。' : `，其中超期未办结 ${m.overdue} 件。`),
    ),
  ];
  if (m.byCategory.length) blocks.push({ type: 'heading', text: '按类别' }, table('类别', m.byCategory));
  if (m.byDepartment.length)
    blocks.push({ type: 'heading', text: '按承办部门' }, table('部门', m.byDepartment));
  if (m.byState.length)
    blocks.push({ type: 'heading', text: '按办理状态' }, table('状态', m.byState, LETTER_STATE_NAMES));
  return blocks;
}
