import { describe, expect, it } from 'vitest';
import { computeIndex, documentInputs, documentNegativity, groupInputs, levelOf } from './compute.ts';
import { IndexConfigError, parseIndexConfig, regionPrefix } from './config.ts';

const config = parseIndexConfig();
const quiet = { volume: 1, velocity: 0, negativity: 0, sensitivity: 0, authority: 0.3, regional: null };
const hot = { volume: 400, velocity: 50, negativity: 0.9, sensitivity: 0.9, authority: 0.9, regional: null };

describe('opinion index', () => {
  it('is 0..100 and rises with every factor', () => {
    const low = computeIndex(quiet, config);
    const high = computeIndex(hot, config);
    expect(low.score).toBeGreaterThanOrEqual(0);
    expect(low.score).toBeLessThan(config.levels.blue);
    expect(low.level).toBe('');
    expect(high.score).toBeLessThanOrEqual(100);
    expect(high.level).toBe('red');
    for (const key of ['volume', 'velocity', 'negativity', 'sensitivity', 'authority'] as const) {
      const more = computeIndex(
        { ...quiet, [key]: key === 'volume' ? 100 : key === 'velocity' ? 20 : 0.8 },
        config,
      );
      expect(more.score, key).toBeGreaterThan(low.score);
    }
  });

  it('explains itself: part points add up to the score, inputs are kept', () => {
    const r = computeIndex(hot, config);
    const points = ['volume', 'velocity', 'negativity', 'sensitivity', 'authority', 'regional'].reduce(
      (s, k) => s + (r.parts[k] ?? 0),
      0,
    );
    expect(points).toBeCloseTo(r.score, 0);
    expect(r.parts['input.volume']).toBe(400);
    expect(r.parts.regional).toBe(0);
  });

  it('counts regional relevance only with home regions, renormalising the weights', () => {
    const home = parseIndexConfig({ homeRegions: ['330100'] });
    const doc = {
      sentiment: { label: 'negative' as const, score: -0.8, evidence: [] },
      sensitivity: { score: 60, categories: [], evidence: [] },
      source: 's',
      mediaType: 'news' as const,
    };
    const inside = computeIndex(
      documentInputs(
        { ...doc, regions: [{ code: '330106', name: '西湖区', level: 'county' }] },
        undefined,
        home,
      ),
      home,
    );
    const outside = computeIndex(
      documentInputs(
        { ...doc, regions: [{ code: '320100', name: '南京市', level: 'city' }] },
        undefined,
        home,
      ),
      home,
    );
    const noHome = computeIndex(documentInputs({ ...doc, regions: [] }, undefined, config), config);
    expect(inside.score).toBeGreaterThan(noHome.score);
    expect(outside.score).toBeLessThan(noHome.score);
    expect(inside.parts.regional).toBeGreaterThan(0);
  });

  it('uses configured weights, levels and source authority', () => {
    const onlySensitivity = parseIndexConfig({
      weights: { volume: 0, velocity: 0, negativity: 0, sensitivity: 1, authority: 0, regional: 0 },
    });
    expect(computeIndex({ ...quiet, sensitivity: 0.5 }, onlySensitivity).score).toBe(50);
    const strict = parseIndexConfig({ levels: { blue: 10, yellow: 20, orange: 30, red: 40 } });
    expect(levelOf(35, strict)).toBe('orange');
    const trusted = parseIndexConfig({ sourceAuthority: { xinhua: 1 } });
    const inputs = groupInputs(
      {
        volume: 10,
        velocity: 1,
        negative: 5,
        maxSensitivity: 50,
        sumSensitivity: 200,
        home: 0,
        bySource: [
          { source: 'xinhua', mediaType: 'news', documents: 2 },
          { source: 'bbs', mediaType: 'forum', documents: 8 },
        ],
      },
      trusted,
    );
    expect(inputs.negativity).toBe(0.5);
    expect(inputs.sensitivity).toBeCloseTo(0.38);
    expect(inputs.authority).toBeCloseTo(0.5 * 1 + 0.5 * ((2 * 1 + 8 * 0.25) / 10));
  });

  it('rejects bad configurations with every field named', () => {
    expect(() => parseIndexConfig({ weights: { volume: -1 } })).toThrow(/weights\.volume/);
    expect(() => parseIndexConfig({ levels: { blue: 90, yellow: 50, orange: 60, red: 70 } })).toThrow(
      IndexConfigError,
    );
    expect(() => parseIndexConfig({ homeRegions: ['hangzhou'] })).toThrow(/homeRegions\.0/);
    expect(() =>
      parseIndexConfig({
        weights: { volume: 0, velocity: 0, negativity: 0, sensitivity: 0, authority: 0, regional: 0 },
      }),
    ).toThrow(/at least one weight/);
  });

  it('reads negativity from the sentiment label and score', () => {
    expect(documentNegativity({ label: 'negative', score: -1, evidence: [] })).toBe(1);
    expect(documentNegativity({ label: 'negative', score: 0, evidence: [] })).toBe(0.5);
    expect(documentNegativity({ label: 'neutral', score: -0.4, evidence: [] })).toBeCloseTo(0.2);
    expect(documentNegativity({ label: 'positive', score: 0.9, evidence: [] })).toBe(0);
    expect(regionPrefix('330100')).toBe('3301');
    expect(regionPrefix('110000')).toBe('11');
    expect(regionPrefix('330106')).toBe('330106');
  });
});
