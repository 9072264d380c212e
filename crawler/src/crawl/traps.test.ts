import { describe, expect, it } from 'vitest';
import { trapReason } from './traps.ts';

const now = Date.UTC(2026, 10, 23);
const opts = { now, maxPagination: 100 };

describe('trapReason', () => {
  it('lets ordinary article and list URLs through, old articles included', () => {
    for (const url of [
      'https://www.example.gov.cn/zwyw/201905/t20190506_123.html',
      'https://news.example.cn/2026-11-20/abc.html',
      'https://news.example.cn/list_7.html',
      'https://bbs.example.cn/forum.php?mod=viewthread&tid=123&page=3',
      'https://news.example.cn/update/2015/05/07/old.html',
    ]) {
      expect(trapReason(url, opts), url).toBeNull();
    }
  });

  it('stops calendars that run into the future or far into the past', () => {
    expect(trapReason('http://e.cn/calendar/2031-04.html', opts)).toBe('calendar');
    expect(trapReason('http://e.cn/events?date=2027-03-01', opts)).toBe('calendar');
    expect(trapReason('http://e.cn/calendar?year=1987&month=3', opts)).toBe('calendar');
    expect(trapReason('http://e.cn/calendar?year=2026&month=10', opts)).toBeNull();
  });

  it('stops endless pagination and repeating or deep paths', () => {
    expect(trapReason('http://e.cn/list?page=101', opts)).toBe('pagination');
    expect(trapReason('http://e.cn/news/list_250.html', opts)).toBe('pagination');
    expect(trapReason('http://e.cn/a/b/a/b/a/x.html', opts)).toBe('repeated_path');
    expect(
      trapReason(`http://e.cn/${'d/'.repeat(2)}${Array.from({ length: 13 }, (_, i) => i).join('/')}`, opts),
    ).toBe('deep_path');
  });
});
