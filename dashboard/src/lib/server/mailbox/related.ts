import type { BuiltQuery, Store } from '@yuqing/schemas';

/**
 * Letters related to one letter in both directions: those it names as similar (found when it
 * arrived) and the later ones that name it. Only letters of the owner departments are returned.
 */
export function buildRelatedLettersQuery(
  id: string,
  similar: readonly string[],
  ownerDepartmentIds: readonly string[],
): BuiltQuery {
  return {
    query: `SELECT id, title, state, received_at, has(similar, {id:String}) AS names_this
      FROM letters FINAL
      WHERE (id IN {similar:Array(String)} OR has(similar, {id:String}))
        AND id != {id:String}
        AND owner_department_id IN {owners:Array(String)}
      ORDER BY received_at DESC
      LIMIT 20`,
    params: { id, similar, owners: ownerDepartmentIds },
  };
}

export interface RelatedLetter {
  id: string;
  title: string;
  state: string;
  receivedAt: string;
  /** True for a later letter that found this one similar. */
  later: boolean;
}

export async function getRelatedLetters(
  store: Store,
  id: string,
  similar: readonly string[],
  ownerDepartmentIds: readonly string[],
): Promise<RelatedLetter[]> {
  const rows = await store.query<{
    id: string;
    title: string;
    state: string;
    received_at: string;
    names_this: number | boolean;
  }>('getRelatedLetters', buildRelatedLettersQuery(id, similar, ownerDepartmentIds));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    state: r.state,
    receivedAt: r.received_at,
    later: Boolean(Number(r.names_this)),
  }));
}
