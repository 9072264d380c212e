export { analyzeSentiment, type SentimentOptions, type SentimentResult } from './analyze.ts';
export {
  COMMENT_SETS,
  type DataSet,
  type LabelledText,
  labelledComments,
  loadNlpcc,
  loadSentimentData,
  loadWeiboSenti,
  nlpccHeldOutByEmotion,
} from './datasets.ts';
export {
  evaluateSet,
  formatFigures,
  predictLabels,
  predictProbabilities,
  type SetFigures,
} from './evaluate.ts';
export { type Scores, score, scoreBinary } from './metrics.ts';
export {
  DEFAULT_MODEL_PATH,
  getSentimentModel,
  LABELS,
  labelOf,
  NEGATIVE,
  type SentimentLabel,
  SentimentModel,
  setSentimentModel,
} from './model.ts';
export { type TrainOptions, type TrainResult, trainSentiment } from './train.ts';
