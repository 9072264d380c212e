import type { BuiltQuery, Store } from '../store/engine.ts';

/** A person often named in recent documents who is not on the watch list (by name or alias). */
export interface PersonSuggestion {
  name: string;
  documents: number;
  sources: number;
  negative: number;
  lastSeen: number;
}

export interface SuggestionOptions {
  /** Epoch ms; documents published since then count. */
  since: number;
  minDocuments?: number;
  limit?: number;
}

export function buildPeopleSuggestionsQuery(o: SuggestionOptions): BuiltQuery {
  return {
    query: `SELECT person AS name, count() AS documents, uniqExact(source) AS sources,
        countIf(sentiment_label = 'negative') AS negative, toUnixTimestamp64Milli(max(event_time)) AS last_seen
      FROM (SELECT persons, source, sentiment_label, event_time FROM documents FINAL
        WHERE event_time >= fromUnixTimestamp64Milli({since:Int64}, 'UTC') AND notEmpty(persons))
      ARRAY JOIN persons AS person
      WHERE char_length(person) >= 2
        AND person NOT IN (SELECT arrayJoin(arrayConcat([name], aliases)) FROM watched_people FINAL WHERE deleted = 0)
      GROUP BY person
      HAVING documents >= {minDocuments:UInt32}
      ORDER BY documents DESC, sources DESC, person
      LIMIT {limit:UInt32}`,
    params: { since: o.since, minDocuments: o.minDocuments ?? 3, limit: o.limit ?? 20 },
  };
}

type Num = number | string;

export async function getPeopleSuggestions(store: Store, o: SuggestionOptions): Promise<PersonSuggestion[]> {
  const rows = await store.query<{
    name: string;
    documents: Num;
    sources: Num;
    negative: Num;
    last_seen: Num;
  }>('getPeopleSuggestions', buildPeopleSuggestionsQuery(o));
  return rows.map((r) => ({
    name: r.name,
    documents: Number(r.documents),
    sources: Number(r.sources),
    negative: Number(r.negative),
    lastSeen: Number(r.last_seen),
  }));
}
