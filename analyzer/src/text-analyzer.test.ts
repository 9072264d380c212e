import { describe, expect, it } from 'vitest';
import { TextAnalyzer } from './text-analyzer.ts';

describe('TextAnalyzer.addUserWords', () => {
  it('makes this thread’s jieba cut a watched name whole when there are no workers', async () => {
    const analyzer = new TextAnalyzer(0);
    const doc = { id: 'a', title: '', content: '昨天，欧阳朵朵在市政府门口接受了记者采访。' };
    const [before] = await analyzer.analyze([doc]);
    expect(before?.tokens).not.toContain('欧阳朵朵');
    await analyzer.addUserWords([{ word: '欧阳朵朵', tag: 'nr' }]);
    await analyzer.addUserWords([{ word: '欧阳朵朵', tag: 'nr' }]); // known: not added twice
    const [after] = await analyzer.analyze([doc]);
    expect(after?.tokens).toContain('欧阳朵朵');
    expect(after?.persons).toContain('欧阳朵朵');
  });
});
