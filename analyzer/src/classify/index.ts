export { CATEGORIES, type Category, isCategory } from './categories.ts';
export { type Classification, classify } from './classify.ts';
export { type CategoryModel, getCategoryModel, loadModel } from './model.ts';
