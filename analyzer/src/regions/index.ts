export {
  type FindRegionsOptions,
  type Found as RegionNameHit,
  findRegions,
  type RegionMention,
  type RegionNameMention,
  regionMentions,
  scanRegionNames,
} from './find-regions.ts';
export {
  buildGazetteer,
  type Division,
  type Gazetteer,
  getGazetteer,
  type RegionLevel,
} from './gazetteer.ts';
export { SHORT_NAME_STOP_LIST, shortName } from './short-names.ts';
