import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml, detectCharset } from './charset.ts';

const page = (body: string, head = '') =>
  `<html><head>${head}<title>标题</title></head><body><p>${body}</p></body></html>`;
const TEXT = '国务院办公厅关于进一步做好稳就业工作的通知，各省、自治区、直辖市人民政府。';

describe('decodeHtml', () => {
  it('reads GBK without any declared charset', () => {
    const got = decodeHtml(iconv.encode(page(TEXT), 'gbk'));
    expect(got).toMatchObject({ charset: 'gb18030', from: 'detected' });
    expect(got.html).toContain(TEXT);
  });

  it('reads Big5 without any declared charset', () => {
    const trad = '行政院新聞傳播處表示，這項計畫將於明年開始實施，民眾可以上網查詢。';
    const got = decodeHtml(iconv.encode(page(trad), 'big5'));
    expect(got.charset).toBe('big5');
    expect(got.html).toContain(trad);
  });

  it('follows the header, then the meta tag; gb2312 is read as GB18030', () => {
    const bytes = iconv.encode(page(TEXT, '<meta charset="gb2312">'), 'gb18030');
    expect(decodeHtml(bytes)).toMatchObject({ charset: 'gb18030', from: 'meta' });
    expect(decodeHtml(bytes, 'text/html; charset=GBK')).toMatchObject({ charset: 'gb18030', from: 'header' });
  });

  it('trusts valid UTF-8 over a gb2312 label, and a BOM over everything', () => {
    const bytes = Buffer.from(
      page(TEXT, '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'),
    );
    expect(decodeHtml(bytes).html).toContain(TEXT);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(TEXT))]);
    expect(decodeHtml(bom, 'text/html; charset=big5')).toMatchObject({ charset: 'utf-8', from: 'bom' });
  });

  it('detects UTF-8 and falls back to GB18030 for ASCII-looking bytes', () => {
    expect(detectCharset(Buffer.from(TEXT))).toBe('utf-8');
    expect(detectCharset(iconv.encode(TEXT, 'gb18030'))).toBe('gb18030');
  });
});
