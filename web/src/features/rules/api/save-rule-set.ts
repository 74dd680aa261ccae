import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type DraftRule,
  type RecomputeStatus,
  type RuleMutationResponse,
  ruleEndpoints,
  type StoredRule,
} from '@tiltmeter/shared/rules';
import { apiDelete, apiPatch, apiPost, apiPut } from '../../../lib/api-client.ts';
import { sameRuleContent } from '../utils/draft.ts';
import { ruleKeys } from './query-keys.ts';

const schema = ruleEndpoints.create.schema.response[201];
const idUrl = (url: string, id: string) => url.replace(':id', encodeURIComponent(id));

export interface SaveRuleSetInput {
  teamId: string | null;
  /** The set as the server has it. */
  saved: readonly StoredRule[];
  /** The set as edited, in evaluation order; rules without an id are new. */
  drafts: readonly DraftRule[];
}

export interface SaveRuleSetResult {
  /** Requests made; 0 when nothing differed. */
  changes: number;
  /** The reclassification the last change scheduled, to follow until it finishes. */
  recompute: RecomputeStatus | null;
}

/**
 * Applies an edited rule set with the per-rule endpoints: deletions, then edits, then additions, then
 * one reorder when the order of the set is not the order the additions left. Each change schedules a
 * reclassification; the last one covers them all.
 */
export async function saveRuleSet({ teamId, saved, drafts }: SaveRuleSetInput): Promise<SaveRuleSetResult> {
  let last: RuleMutationResponse | null = null;
  let changes = 0;
  const track = async (request: Promise<RuleMutationResponse>) => {
    last = await request;
    changes += 1;
    return last;
  };

  const keptIds = new Set(drafts.flatMap((draft) => (draft.id ? [draft.id] : [])));
  for (const rule of saved) {
    if (!keptIds.has(rule.id)) await track(apiDelete(idUrl(ruleEndpoints.remove.url, rule.id), schema));
  }

  const savedById = new Map(saved.map((rule) => [rule.id, rule]));
  for (const draft of drafts) {
    const before = draft.id ? savedById.get(draft.id) : undefined;
    if (!draft.id || !before || sameRuleContent(before, draft)) continue;
    const { name, enabled, conditions, outcome } = draft;
    await track(
      apiPatch(idUrl(ruleEndpoints.update.url, draft.id), { name, enabled, conditions, outcome }, schema),
    );
  }

  const finalIds: string[] = [];
  for (const draft of drafts) {
    if (draft.id) {
      finalIds.push(draft.id);
      continue;
    }
    const { name, enabled, conditions, outcome } = draft;
    const created = await track(
      apiPost(ruleEndpoints.create.url, { teamId, name, enabled, conditions, outcome }, schema),
    );
    if (!created.rule) throw new Error('The server did not return the new rule.');
    finalIds.push(created.rule.id);
  }

  // Additions were appended, so the server's order now is: kept rules in their old order, then new ones.
  const serverOrder = [
    ...saved.filter((rule) => keptIds.has(rule.id)).map((rule) => rule.id),
    ...finalIds.filter((id) => !savedById.has(id)),
  ];
  if (finalIds.length > 0 && finalIds.some((id, index) => serverOrder[index] !== id)) {
    await track(apiPut(ruleEndpoints.reorder.url, { teamId, ids: finalIds }, schema));
  }

  const result: SaveRuleSetResult = {
    changes,
    recompute: (last as RuleMutationResponse | null)?.recompute ?? null,
  };
  return result;
}

export function useSaveRuleSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveRuleSet,
    onSuccess: async (result, input) => {
      if (result.recompute) queryClient.setQueryData(ruleKeys.recompute(), result.recompute);
      await queryClient.invalidateQueries({ queryKey: ruleKeys.list(input.teamId) });
    },
    // A partly applied save leaves the server ahead of the screen: show what it has now.
    onError: (_error, input) => queryClient.invalidateQueries({ queryKey: ruleKeys.list(input.teamId) }),
  });
}
