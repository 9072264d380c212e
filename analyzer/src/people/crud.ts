import { randomUUID } from 'node:crypto';
import {
  getPeople,
  nextVersion,
  type PersonMentionRecord,
  type Store,
  type WatchedPersonRecord,
  writePersonMentions,
  writeWatchedPerson,
} from '@yuqing/schemas';
import { type ScanOptions, scanDocuments } from '../plans/backfill.ts';
import { PersonError, validatePerson, WatchList } from './watch-list.ts';

/** Records a person's mentions over the stored history (after adding a person or an alias). */
export async function backfillPerson(
  store: Store,
  person: Pick<WatchedPersonRecord, 'id' | 'name' | 'aliases'>,
  options: ScanOptions = {},
): Promise<{ scanned: number; mentions: number }> {
  const list = new WatchList([person]);
  let mentions = 0;
  const scanned = await scanDocuments(store, options, async (batch, texts) => {
    const taggedAt = Date.now();
    const rows: PersonMentionRecord[] = [];
    for (const d of batch) {
      for (const m of list.match({
        text: texts.get(d.id) ?? `${d.title}\n${d.summary}`,
        persons: d.persons,
      })) {
        rows.push({
          personId: m.personId,
          documentId: d.id,
          matched: m.matched,
          via: m.via,
          eventTime: d.time,
          source: d.source,
          topicId: d.topicId,
          sentimentLabel: d.sentimentLabel,
          sentimentScore: d.sentimentScore,
          taggedAt,
        });
      }
    }
    mentions += rows.length;
    await writePersonMentions(store, rows);
  });
  return { scanned, mentions };
}

/**
 * Adds or changes a watched person (a new version). New names or aliases are looked for in the
 * stored history unless `backfill: false`. Throws PersonError on bad input.
 */
export async function savePerson(
  store: Store,
  input: unknown,
  actor: string,
  options: { backfill?: boolean; scan?: ScanOptions } = {},
): Promise<{ person: WatchedPersonRecord; backfill?: { scanned: number; mentions: number } }> {
  const valid = validatePerson(input);
  const id = valid.id ?? `person-${randomUUID()}`;
  const [existing] = valid.id ? await getPeople(store, { ids: [id], includeDeleted: true }) : [];
  if (existing && existing.departmentId !== valid.departmentId) {
    throw new PersonError(
      'departmentId: a watched person stays with the department that owns it',
      'departmentId',
    );
  }
  const person: WatchedPersonRecord = {
    id,
    version: nextVersion(),
    departmentId: valid.departmentId,
    name: valid.name,
    aliases: valid.aliases,
    roles: valid.roles,
    note: valid.note,
    enabled: valid.enabled,
    deleted: false,
    updatedBy: actor,
    updatedAt: Date.now(),
  };
  await writeWatchedPerson(store, person);
  const known = new Set(existing && !existing.deleted ? [existing.name, ...existing.aliases] : []);
  const added = [person.name, ...person.aliases].filter((n) => !known.has(n));
  if (added.length === 0 || options.backfill === false || !person.enabled) return { person };
  return { person, backfill: await backfillPerson(store, person, options.scan) };
}

export async function deletePerson(store: Store, id: string, actor: string): Promise<boolean> {
  const [existing] = await getPeople(store, { ids: [id] });
  if (!existing) return false;
  await writeWatchedPerson(store, {
    ...existing,
    version: nextVersion(),
    deleted: true,
    updatedBy: actor,
    updatedAt: Date.now(),
  });
  return true;
}
