import { type Browser, chromium } from 'playwright-core';
import type { Chart } from './charts.ts';

/**
 * Debian's Chromium through playwright-core: one browser per report prints the PDF and turns the
 * SVG charts into PNG images for the DOCX. Flags as the crawler and the tests use them
 * (headless, as root, in a container; see shared/notes/dependencies.md).
 */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class ReportBrowser {
  private constructor(private readonly browser: Browser) {}

  static async launch(executablePath = DEFAULT_CHROMIUM): Promise<ReportBrowser> {
    try {
      return new ReportBrowser(
        await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS }),
      );
    } catch (error) {
      throw new Error(
        `cannot start Chromium at ${executablePath} for the PDF and DOCX reports ` +
          `(install it with: apt-get install -y chromium fonts-noto-cjk): ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  /** Prints the self-contained report page to an A4 PDF (its @page rule sets the margins). */
  async pdf(html: string): Promise<Buffer> {
    const context = await this.browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      // The page references nothing outside itself: block any request it might still make.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    } finally {
      await context.close();
    }
  }

  /** Every chart as a PNG at twice its size (sharp when printed), in one page. */
  async chartPngs(charts: readonly Chart[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    if (charts.length === 0) return out;
    const context = await this.browser.newContext({ javaScriptEnabled: false, deviceScaleFactor: 2 });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      const body = charts.map(
        (c, i) => `<div id="c${i}" style="width:${c.width}px;height:${c.height}px">${c.svg}</div>`,
      );
      await page.setContent(
        `<!doctype html><meta charset="utf-8"><body style="margin:0;background:#fff">${body.join('')}</body>`,
      );
      for (const [i, c] of charts.entries())
        out.set(c.id, await page.locator(`#c${i}`).screenshot({ type: 'png' }));
      return out;
    } finally {
      await context.close();
    }
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
