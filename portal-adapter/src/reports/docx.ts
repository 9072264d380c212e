import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  ImageRun,
  LineRuleType,
  Packer,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Chart } from './charts.ts';
import { CN_NUMBERS } from './labels.ts';
import type { Block, Cell, ReportModel, Run } from './model.ts';

/**
 * The report as a DOCX in the layout of an official document (GB/T 9704 党政机关公文格式, loosely):
 * A4 with 37/35/28/26 mm margins, a 小标宋 title in 二号, 仿宋_GB2312 body in 三号 on a fixed
 * 28 pt line, section headings 一、 in 黑体 and （一） in 楷体, tables in 小四, charts as PNG
 * images. Every figure and title is a hyperlink to its documents.
 */
const latin = 'Times New Roman';
const face = (eastAsia: string) => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin });
export const FONTS = {
  title: face('方正小标宋简体'),
  body: face('仿宋_GB2312'),
  heading: face('黑体'),
  subheading: face('楷体_GB2312'),
};
/**
 * The font table names a fallback for each official font (`w:altName`): Word uses it when the
 * font is not installed (方正小标宋简体 is rarely on a reader's machine).
 */
const FALLBACKS: ReadonlyArray<readonly [string, string]> = [
  ['方正小标宋简体', 'SimSun'],
  ['仿宋_GB2312', 'FangSong'],
  ['黑体', 'SimHei'],
  ['楷体_GB2312', 'KaiTi'],
];
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const FONT_TABLE = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${W}">${[
  ...FALLBACKS.map(
    ([name, alt]) =>
      `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
  ),
  `<w:font w:name="${latin}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`,
].join('')}</w:fonts>`;

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt. */
export const SIZES = { title: 44, body: 32, small: 28, table: 24 };
const TWIPS_PER_MM = 56.7;
const mm = (v: number) => Math.round(v * TWIPS_PER_MM);
/** The text width between the margins, in pixels at 96 dpi (images are sized in pixels). */
const TEXT_WIDTH_PX = Math.floor(((210 - 28 - 26) / 25.4) * 96);
const exact28 = { line: 560, lineRule: LineRuleType.EXACT };

function runs(list: readonly Run[], size: number, font = FONTS.body): ParagraphChild[] {
  return list.map((r) => {
    const t = new TextRun({
      text: r.text,
      bold: r.bold,
      font,
      size,
      ...(r.href ? { color: '1D4ED8', underline: {} } : {}),
    });
    return r.href && /^https?:\/\//i.test(r.href)
      ? new ExternalHyperlink({ link: r.href, children: [t] })
      : t;
  });
}

const cellRuns = (c: Cell): Run[] => [typeof c === 'string' ? { text: c } : c];
const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const borders = { top: border, bottom: border, left: border, right: border };

function table(columns: string[], rows: Cell[][]): Table {
  const row = (cells: Cell[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map(
        (c) =>
          new TableCell({
            borders,
            shading: header ? { fill: 'F2F2F2' } : undefined,
            children: [
              new Paragraph({
                children: runs(
                  cellRuns(c).map((r) => ({ ...r, bold: header || r.bold })),
                  SIZES.table,
                ),
              }),
            ],
          }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(columns, true), ...rows.map((r) => row(r, false))],
  });
}

function blockChildren(
  b: Block,
  pngs: ReadonlyMap<string, Buffer>,
  charts: ReadonlyMap<string, Chart>,
  sub: { n: number },
) {
  switch (b.type) {
    case 'paragraph':
      return [
        new Paragraph({ indent: { firstLine: 640 }, spacing: exact28, children: runs(b.runs, SIZES.body) }),
      ];
    case 'heading':
      return [
        new Paragraph({
          indent: { firstLine: 640 },
          spacing: exact28,
          children: [
            new TextRun({
              text: `（${CN_NUMBERS[sub.n++]}）${b.text}`,
              font: FONTS.subheading,
              size: SIZES.body,
            }),
          ],
        }),
      ];
    case 'figures':
      return [
        table(
          b.items.map((f) => f.label),
          [
            b.items.map((f) => ({ text: f.value, href: f.href, bold: true })),
            b.items.map((f) => f.note ?? ''),
          ],
        ),
      ];
    case 'table':
      return [table(b.columns, b.rows), new Paragraph({ children: [] })];
    case 'chart': {
      const png = pngs.get(b.chartId);
      const chart = charts.get(b.chartId);
      if (!png || !chart) return [];
      const width = Math.min(TEXT_WIDTH_PX, chart.width);
      const height = Math.round((chart.height * width) / chart.width);
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new ImageRun({
              type: 'png',
              data: png,
              transformation: { width, height },
              altText: { name: chart.id, title: chart.title, description: b.caption },
            }),
          ],
        }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: b.caption, font: FONTS.body, size: SIZES.small })],
        }),
      ];
    }
  }
}

export async function renderReportDocx(
  model: ReportModel,
  charts: readonly Chart[],
  pngs: ReadonlyMap<string, Buffer>,
): Promise<Buffer> {
  const byId = new Map(charts.map((c) => [c.id, c]));
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: model.title, font: FONTS.title, size: SIZES.title, color: 'C00000' })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exact28,
      children: [new TextRun({ text: model.subtitle, font: FONTS.body, size: SIZES.body })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 } },
      children: [new TextRun({ text: model.meta, font: FONTS.body, size: SIZES.table })],
    }),
  ];
  model.sections.forEach((s, n) => {
    children.push(
      new Paragraph({
        indent: { firstLine: 640 },
        spacing: exact28,
        children: [
          new TextRun({ text: `${CN_NUMBERS[n]}、${s.title}`, font: FONTS.heading, size: SIZES.body }),
        ],
      }),
    );
    const sub = { n: 0 };
    for (const b of s.blocks) children.push(...blockChildren(b, pngs, byId, sub));
  });
  const doc = new Document({
    title: model.title,
    creator: 'yuqing',
    styles: { default: { document: { run: { font: FONTS.body, size: SIZES.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}
