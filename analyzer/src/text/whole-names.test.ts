import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze-text.ts';
import { withWholeNames } from './whole-names.ts';

describe('withWholeNames', () => {
  it('joins the pieces of a name and cuts a glued character off it', () => {
    const tokens = ['李', '双江', '之子', '李', '天一', '发言人', '华春莹答', '华答'];
    expect(withWholeNames(tokens, ['李天一', '李双江', '华春莹'])).toEqual([
      '李双江',
      '之子',
      '李天一',
      '发言人',
      '华春莹',
      '华答',
    ]);
  });

  it('leaves tokens that only start like a name, and returns the same array when nothing changes', () => {
    const tokens = ['李', '双', '江南', '王小明', '王小明家里'];
    expect(withWholeNames(tokens, ['李双江', '王小明', '张'])).toBe(tokens);
  });

  it('gives a document the people it names as tokens, in simplified script', () => {
    const analysis = analyzeText({
      id: 'p',
      title: '',
      content: '李雙江之子李天一涉嫌強姦罪被批捕，律師稱其無罪。',
    });
    expect(analysis.persons).toContain('李雙江');
    expect(analysis.tokens).toContain('李双江');
    expect(analysis.tokens).toContain('李天一');
    expect(analysis.tokens).not.toContain('双江');
  });
});
