/** Subject categories of a document (信息自动分类), in a fixed order: the model's class index. */
export const CATEGORIES = [
  '时政',
  '社会',
  '财经',
  '证券',
  '房产',
  '汽车',
  '教育',
  '科技',
  '体育',
  '娱乐',
  '游戏',
  '文化',
  '旅游',
  '军事',
  '国际',
  '农业',
] as const;

export type Category = (typeof CATEGORIES)[number];

const INDEX = new Map<string, number>(CATEGORIES.map((c, i) => [c, i]));

export function isCategory(value: string): value is Category {
  return INDEX.has(value);
}

export function categoryIndex(category: Category): number {
  return INDEX.get(category) ?? -1;
}

/** Toutiao's 15 classes (by English code) mapped onto ours; toutiao has no 时政 class. */
export const TOUTIAO_TO_CATEGORY: Readonly<Record<string, Category>> = {
  news_story: '社会',
  news_culture: '文化',
  news_entertainment: '娱乐',
  news_sports: '体育',
  news_finance: '财经',
  news_house: '房产',
  news_car: '汽车',
  news_edu: '教育',
  news_tech: '科技',
  news_military: '军事',
  news_travel: '旅游',
  news_world: '国际',
  stock: '证券',
  news_agriculture: '农业',
  news_game: '游戏',
};
