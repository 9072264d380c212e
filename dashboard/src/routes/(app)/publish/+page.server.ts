import { appContext } from '$lib/server/context.ts';
import { portalAdapter } from '$lib/server/publish/adapter.ts';
import { DRAFT_STATE_VALUES } from '$lib/server/publish/requests.ts';
import { draftScope, publishActor } from '$lib/server/publish/service.ts';
import type { PageServerLoad } from './$types';

type DraftState = (typeof DRAFT_STATE_VALUES)[number];
const isState = (s: string | null): s is DraftState => DRAFT_STATE_VALUES.includes(s as DraftState);

/** Drafts of the user's departments, newest change first, with counts per state. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const actor = publishActor(locals);
  const state = url.searchParams.get('state');
  const selected = isState(state) ? state : null;
  const { allowedActions, getDrafts } = await portalAdapter();
  const { store } = appContext();
  const departments = [...(await draftScope(actor))];
  // One read of the latest 500 drafts gives the counts; a selected state is read on its own so
  // older drafts of that state are not cut off.
  const recent = await getDrafts(store, { departments, limit: 500 });
  const counts = Object.fromEntries(DRAFT_STATE_VALUES.map((s) => [s, 0])) as Record<DraftState, number>;
  for (const d of recent) counts[d.state] += 1;
  const drafts = selected ? await getDrafts(store, { departments, states: [selected], limit: 200 }) : recent;
  return {
    selected,
    counts,
    total: recent.length,
    drafts: drafts.slice(0, 200).map((d) => ({
      id: d.id,
      title: d.title,
      column: d.column,
      state: d.state,
      version: d.version,
      updatedAt: d.updatedAt,
      publishedAt: d.publishedAt,
      sourceName: d.source.site || d.source.name,
      actions: allowedActions(d.state, actor.roles),
    })),
  };
};
