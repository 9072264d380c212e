import { describe, expect, it } from 'vitest';
import { PersonError, validatePerson, WatchList } from './watch-list.ts';

describe('watch list', () => {
  const list = new WatchList([
    { id: 'p-zhang', name: '张伟', aliases: ['张市长'] },
    { id: 'p-li', name: '李明', aliases: [] },
    { id: 'p-smith', name: 'John Smith', aliases: [] },
  ]);

  it('finds names as entities first, then in the text, once per person', () => {
    expect(list.match({ text: '张市长今天调研，张伟指出', persons: ['张伟'] })).toEqual([
      { personId: 'p-zhang', matched: '张伟', via: 'entity' },
    ]);
    expect(list.match({ text: '张市长今天到现场调研', persons: [] })).toEqual([
      { personId: 'p-zhang', matched: '张市长', via: 'text' },
    ]);
    expect(list.match({ text: 'JOHN SMITH visited', persons: [] })[0]?.personId).toBe('p-smith');
    expect(list.match({ text: '李华和王明', persons: ['李华'] })).toEqual([]);
  });

  it('validates entries with the field at fault', () => {
    expect(() => validatePerson({ departmentId: 'd', name: '张' })).toThrow(PersonError);
    try {
      validatePerson({ departmentId: 'd', name: '张伟', aliases: ['x'] });
    } catch (e) {
      expect((e as PersonError).field).toBe('aliases.0');
    }
    expect(validatePerson({ departmentId: 'd', name: ' 张伟 ' }).name).toBe('张伟');
  });
});
