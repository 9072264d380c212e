/**
 * The report as a small document model that both the HTML and the DOCX renderers walk, so the two
 * formats say the same thing. Text is plain text: renderers escape it.
 */
export interface Run {
  text: string;
  href?: string;
  bold?: boolean;
}

export type Cell = string | Run;

export type Block =
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'heading'; text: string }
  | { type: 'figures'; items: Array<{ label: string; value: string; href?: string; note?: string }> }
  | { type: 'table'; columns: string[]; rows: Cell[][] }
  | { type: 'chart'; chartId: string; caption: string };

export interface Section {
  title: string;
  blocks: Block[];
}

export interface ReportModel {
  title: string;
  subtitle: string;
  issuer: string;
  sections: Section[];
  /** Line under the title: period, generated time. */
  meta: string;
}

export const text = (t: string): Run => ({ text: t });
export const link = (t: string, href: string): Run => ({ text: t, href });
export const para = (...runs: Array<Run | string>): Block => ({
  type: 'paragraph',
  runs: runs.map((r) => (typeof r === 'string' ? { text: r } : r)),
});
