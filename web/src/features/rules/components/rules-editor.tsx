import { useQueryClient } from '@tanstack/react-query';
import type { MemberRole } from '@tiltmeter/shared/accounts';
import { CATEGORIES } from '@tiltmeter/shared/entries';
import type { DraftRule, ListRulesResponse, StoredRule } from '@tiltmeter/shared/rules';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Select } from '../../../components/ui/field.tsx';
import { PlusIcon } from '../../../components/ui/icons.tsx';
import { SkeletonRows } from '../../../components/ui/loading.tsx';
import { isRecomputeActive, useRecompute } from '../api/get-recompute.ts';
import { useRules } from '../api/get-rules.ts';
import { useTeams } from '../api/get-teams.ts';
import { usePreviewRules } from '../api/preview-rules.ts';
import { ruleKeys } from '../api/query-keys.ts';
import { useSaveRuleSet } from '../api/save-rule-set.ts';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';
import {
  type EditorRule,
  isRuleSetDirty,
  newEditorKey,
  type RuleErrors,
  sameRuleContent,
  stableJson,
  toDraft,
  validateDraft,
} from '../utils/draft.ts';
import { CATEGORY_LABELS } from './category-badge.tsx';
import { PreviewPanel, type PreviewState, type PreviewWindow } from './preview-panel.tsx';
import { RecomputeProgress } from './recompute-status.tsx';
import { RuleForm } from './rule-form.tsx';
import { RuleRow } from './rule-row.tsx';

export interface RulesEditorProps {
  role: MemberRole;
  memberId: string;
  /** A rule to open unsaved at the top of the organization's set ("make a rule from this"). */
  incomingDraft?: DraftRule | undefined;
  /** Called once the incoming draft is in the editor, so a reload does not add it twice. */
  onIncomingDraftConsumed?: () => void;
}

/** The rules screen: pick a rule set, edit it as a draft with a live preview, save it as a whole. */
export function RulesEditor({ role, memberId, incomingDraft, onIncomingDraftConsumed }: RulesEditorProps) {
  const [teamId, setTeamId] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const teams = useTeams();
  const rules = useRules(teamId);

  const editableTeams = (teams.data ?? []).filter(
    (team) =>
      role === 'admin' || team.members.some((member) => member.memberId === memberId && member.isLead),
  );
  const canEdit = teamId === null ? role === 'admin' : editableTeams.some((team) => team.id === teamId);

  return (
    <div className="@container space-y-5">
      {editableTeams.length > 0 && (
        <div className="flex flex-wrap items-center gap-3">
          <Select
            aria-label="Rule set"
            className="w-72 max-w-full"
            value={teamId ?? ''}
            disabled={dirty}
            onChange={(event) => setTeamId(event.target.value || null)}
            options={[
              { value: '', label: 'Organization rules' },
              ...editableTeams.map((team) => ({ value: team.id, label: `Team: ${team.name}` })),
            ]}
          />
          <p className="text-[13px] text-slate-600">
            {dirty
              ? 'Save or discard your changes to switch rule sets.'
              : teamId
                ? 'Team rules run before the organization’s, for the team’s members only.'
                : 'Rules for everyone in the organization. Teams can add their own on top.'}
          </p>
        </div>
      )}
      {!canEdit && (
        <Alert tone="info" title="You can read these rules, but not change them">
          {teamId === null
            ? 'Only admins change the organization’s rules, because a change reclassifies everyone’s history. The preview still shows how the rules sort your own entries; ask an admin for a change.'
            : 'Only the team’s leads and admins change its rules.'}
        </Alert>
      )}
      {rules.isPending ? (
        <div className="rounded-xl border border-slate-200 bg-white p-5">
          <SkeletonRows rows={5} label="Loading rules" />
        </div>
      ) : rules.isError ? (
        <Alert
          tone="error"
          title="The rules could not be loaded"
          action={
            <Button variant="secondary" size="sm" onClick={() => rules.refetch()}>
              Try again
            </Button>
          }
        >
          {rules.error.message}
        </Alert>
      ) : (
        <RuleSetEditor
          key={teamId ?? 'organization'}
          teamId={teamId}
          response={rules.data}
          readOnly={!canEdit}
          incomingDraft={teamId === null ? incomingDraft : undefined}
          onIncomingDraftConsumed={onIncomingDraftConsumed}
          onDirtyChange={setDirty}
        />
      )}
    </div>
  );
}

const signedCount = (value: number) => `${value > 0 ? '+' : '−'}${Math.abs(value)}`;

/** The preview in one line, for the save bar: how many entries move, and where to. */
function PreviewHeadline({ state }: { state: PreviewState }) {
  let text: string;
  if (state.kind === 'paused') text = 'Preview paused until the highlighted rule is fixed.';
  else if (state.kind === 'loading') text = 'Updating the preview…';
  else if (state.kind === 'error') text = 'The preview is not available.';
  else {
    const { data } = state;
    const moves = CATEGORIES.flatMap((category) => {
      const delta = data.after[category].entries - data.before[category].entries;
      return delta === 0 ? [] : [`${CATEGORY_LABELS[category]} ${signedCount(delta)}`];
    });
    text =
      data.changed === 0
        ? `No change to your ${data.total} previewed entries.`
        : `${data.changed} of your ${data.total} previewed entries change${moves.length ? `: ${moves.join(', ')}` : ''}.`;
  }
  return (
    <p className="text-[13px] text-slate-600">
      {text}{' '}
      <button
        type="button"
        onClick={() => {
          const panel = document.getElementById('rule-preview');
          panel?.scrollIntoView({ behavior: 'smooth', block: 'start' });
          panel?.focus({ preventScroll: true });
        }}
        className="font-medium whitespace-nowrap text-accent-700 underline underline-offset-2"
      >
        See the preview
      </button>
    </p>
  );
}

function editorRulesOf(saved: readonly StoredRule[]): EditorRule[] {
  return saved.map((rule) => ({ key: newEditorKey(), rule: toDraft(rule) }));
}

const NEW_RULE: DraftRule = {
  name: 'New rule',
  enabled: true,
  conditions: { titleKeywords: [] },
  outcome: { category: 'maker', subtype: null },
};

function daysAgo(days: number): string {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

function RuleSetEditor({
  teamId,
  response,
  readOnly,
  incomingDraft,
  onIncomingDraftConsumed,
  onDirtyChange,
}: {
  teamId: string | null;
  response: ListRulesResponse;
  readOnly: boolean;
  incomingDraft: DraftRule | undefined;
  onIncomingDraftConsumed: (() => void) | undefined;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const saved = response.items;
  const [items, setItems] = useState<EditorRule[]>(() => {
    const base = editorRulesOf(saved);
    return incomingDraft
      ? [{ key: newEditorKey(), rule: { ...incomingDraft, id: undefined } }, ...base]
      : base;
  });
  const [expanded, setExpanded] = useState<string | null>(() =>
    incomingDraft ? (items[0]?.key ?? null) : null,
  );
  const [previewWindow, setPreviewWindow] = useState<PreviewWindow>('28');
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const [announcement, setAnnouncement] = useState('');
  const [showRecompute, setShowRecompute] = useState(false);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dragOver, setDragOver] = useState<number | null>(null);
  const save = useSaveRuleSet();
  const recompute = useRecompute();
  const rowRefs = useRef(new Map<string, HTMLLIElement>());

  // biome-ignore lint/correctness/useExhaustiveDependencies: consumed once, when the editor opens with it
  useEffect(() => {
    if (incomingDraft) onIncomingDraftConsumed?.();
  }, []);

  const drafts = useMemo(() => items.map((item) => item.rule), [items]);
  const dirty = isRuleSetDirty(saved, drafts);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  // Someone else saved (or a refetch brought news) while nothing here was edited: show theirs.
  const savedKey = stableJson(saved.map(toDraft));
  const lastSavedKey = useRef(savedKey);
  useEffect(() => {
    if (savedKey === lastSavedKey.current) return;
    lastSavedKey.current = savedKey;
    setItems((current) =>
      isRuleSetDirty(
        saved,
        current.map((item) => item.rule),
      ) && !save.isPending
        ? current
        : editorRulesOf(saved),
    );
  }, [savedKey, saved, save.isPending]);

  const validations = useMemo(() => items.map((item) => validateDraft(item.rule)), [items]);
  const errorsByKey = new Map<string, RuleErrors>();
  validations.forEach((validation, index) => {
    const item = items[index];
    if (!validation.ok && item) errorsByKey.set(item.key, validation.errors);
  });
  const firstInvalid = validations.findIndex((validation) => !validation.ok);

  const body =
    firstInvalid === -1
      ? {
          teamId,
          rules: validations.map((validation) => (validation.ok ? validation.rule : NEW_RULE)),
          sampleSize: 8,
          ...range,
        }
      : null;
  const debouncedBody = useDebouncedValue(body, stableJson(body), 400);
  const preview = usePreviewRules(debouncedBody);

  let previewState: PreviewState;
  if (firstInvalid !== -1) {
    const rule = items[firstInvalid]?.rule;
    previewState = {
      kind: 'paused',
      reason: `Rule ${firstInvalid + 1}${rule?.name.trim() ? ` “${rule.name.trim()}”` : ''} needs a fix before the preview can update.`,
    };
  } else if (preview.isError && !preview.data) {
    previewState = { kind: 'error', message: preview.error.message, retry: () => preview.refetch() };
  } else if (!preview.data) {
    previewState = { kind: 'loading' };
  } else {
    previewState = {
      kind: 'ready',
      data: preview.data,
      updating: preview.isFetching || stableJson(debouncedBody) !== stableJson(body),
    };
  }

  // When a reclassification this page started finishes, every view of entries is out of date.
  const recomputeStatus = recompute.data ?? response.recompute;
  const wasActive = useRef(isRecomputeActive(recomputeStatus));
  useEffect(() => {
    const active = isRecomputeActive(recomputeStatus);
    if (wasActive.current && !active) {
      void queryClient.invalidateQueries({
        predicate: (query) => stableJson(query.queryKey) !== stableJson(ruleKeys.recompute()),
      });
    }
    wasActive.current = active;
  }, [recomputeStatus, queryClient]);

  function update(key: string, rule: DraftRule) {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, rule } : item)));
  }

  function move(index: number, delta: -1 | 1) {
    const target = index + delta;
    if (target < 0 || target >= items.length) return;
    const next = [...items];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    next.splice(target, 0, moved);
    setItems(next);
    setAnnouncement(`Moved “${moved.rule.name}” to position ${target + 1} of ${next.length}.`);
    // Keep the keyboard where the rule went.
    requestAnimationFrame(() => {
      const row = rowRefs.current.get(moved.key);
      const button = row?.querySelector<HTMLButtonElement>(
        `button[aria-label^="Move"][aria-label$="${delta < 0 ? 'up' : 'down'}"]`,
      );
      if (button && !button.disabled) button.focus();
      else row?.querySelector<HTMLButtonElement>('button[aria-expanded]')?.focus();
    });
  }

  function moveTo(from: number, to: number) {
    if (from === to) return;
    const next = [...items];
    const [moved] = next.splice(from, 1);
    if (!moved) return;
    next.splice(to, 0, moved);
    setItems(next);
    setAnnouncement(`Moved “${moved.rule.name}” to position ${to + 1} of ${next.length}.`);
  }

  function remove(index: number) {
    const item = items[index];
    if (!item) return;
    setItems(items.filter((_, i) => i !== index));
    setAnnouncement(`Deleted “${item.rule.name}”. Discard changes to bring it back.`);
  }

  function add() {
    const item = { key: newEditorKey(), rule: structuredClone(NEW_RULE) };
    setItems([item, ...items]);
    setExpanded(item.key);
    setAnnouncement('Added a new rule at the top of the list.');
  }

  function discard() {
    setItems(editorRulesOf(saved));
    setExpanded(null);
    save.reset();
    setAnnouncement('Changes discarded.');
  }

  function onSave() {
    if (firstInvalid !== -1) {
      const item = items[firstInvalid];
      if (item) setExpanded(item.key);
      return;
    }
    const valid = validations.map((validation) => (validation.ok ? validation.rule : NEW_RULE));
    save.mutate(
      { teamId, saved, drafts: valid },
      {
        onSuccess: () => {
          const fresh = queryClient.getQueryData<ListRulesResponse>(ruleKeys.list(teamId));
          if (fresh) {
            lastSavedKey.current = stableJson(fresh.items.map(toDraft));
            setItems(editorRulesOf(fresh.items));
          }
          setExpanded(null);
          setShowRecompute(true);
        },
      },
    );
  }

  function onWindowChange(next: PreviewWindow) {
    setPreviewWindow(next);
    setRange(next === '28' ? {} : { from: daysAgo(Number(next)), to: daysAgo(0) });
  }

  const savedById = new Map(saved.map((rule) => [rule.id, rule]));
  const added = items.filter((item) => !item.rule.id).length;
  const edited = items.filter((item) => {
    const before = item.rule.id ? savedById.get(item.rule.id) : undefined;
    return before && !sameRuleContent(before, item.rule);
  }).length;
  const keptIds = new Set(items.flatMap((item) => (item.rule.id ? [item.rule.id] : [])));
  const deleted = saved.filter((rule) => !keptIds.has(rule.id)).length;
  const changeSummary = [
    edited && `${edited} edited`,
    added && `${added} new`,
    deleted && `${deleted} deleted`,
  ].filter(Boolean);

  return (
    // The preview sits beside the list when there is room, and above it otherwise; the save bar repeats
    // its headline so the effect of a change stays in sight while editing further down.
    <div className="grid items-start gap-5 @4xl:grid-cols-[minmax(0,1fr)_20rem] @4xl:gap-6 @6xl:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="min-w-0 @4xl:sticky @4xl:top-6 @4xl:order-2">
        <PreviewPanel state={previewState} window={previewWindow} onWindowChange={onWindowChange} />
      </div>
      <div className="min-w-0 space-y-4 @4xl:order-1">
        {recomputeStatus && (isRecomputeActive(recomputeStatus) || showRecompute) && (
          <RecomputeProgress status={recomputeStatus} onDismiss={() => setShowRecompute(false)} />
        )}
        <section
          aria-labelledby="rule-list-title"
          className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs"
        >
          <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-100 px-4 py-3.5">
            <div>
              <h2 id="rule-list-title" className="text-[15px] font-semibold text-slate-900">
                {items.length} {items.length === 1 ? 'rule' : 'rules'}, top to bottom
              </h2>
              <p className="text-[13px] text-slate-600">
                The first rule that matches an entry decides. Move specific rules up.
              </p>
            </div>
            {!readOnly && (
              <Button variant="secondary" size="sm" onClick={add}>
                <PlusIcon />
                Add rule
              </Button>
            )}
          </header>
          {items.length === 0 ? (
            <div className="px-5 py-10 text-center">
              <p className="text-sm font-medium text-slate-900">No rules in this set yet</p>
              <p className="mt-1 text-sm text-slate-600">
                {readOnly
                  ? 'Entries fall through to the next rule set.'
                  : 'Add a rule to classify entries before the organization’s rules do.'}
              </p>
            </div>
          ) : (
            <ol className="divide-y divide-slate-100" aria-label="Rules in evaluation order">
              {items.map((item, index) => {
                const before = item.rule.id ? savedById.get(item.rule.id) : undefined;
                return (
                  <RuleRow
                    key={item.key}
                    rowRef={(node) => {
                      if (node) rowRefs.current.set(item.key, node);
                      else rowRefs.current.delete(item.key);
                    }}
                    rule={item.rule}
                    index={index}
                    count={items.length}
                    expanded={expanded === item.key}
                    isNew={!item.rule.id}
                    isChanged={Boolean(before && !sameRuleContent(before, item.rule))}
                    hasErrors={errorsByKey.has(item.key)}
                    readOnly={readOnly}
                    onToggleExpanded={() => setExpanded(expanded === item.key ? null : item.key)}
                    onMove={(delta) => move(index, delta)}
                    onEnabledChange={(enabled) => update(item.key, { ...item.rule, enabled })}
                    onDelete={() => remove(index)}
                    drag={{
                      onDragStart: () => setDragFrom(index),
                      onDragOver: () => setDragOver(index),
                      onDrop: () => {
                        if (dragFrom !== null) moveTo(dragFrom, index);
                        setDragFrom(null);
                        setDragOver(null);
                      },
                      onDragEnd: () => {
                        setDragFrom(null);
                        setDragOver(null);
                      },
                      over: dragFrom !== null && dragOver === index && dragFrom !== index,
                    }}
                  >
                    <RuleForm
                      rule={item.rule}
                      errors={errorsByKey.get(item.key)}
                      readOnly={readOnly}
                      onChange={(rule) => update(item.key, rule)}
                    />
                  </RuleRow>
                );
              })}
            </ol>
          )}
        </section>
        <p role="status" className="sr-only">
          {announcement}
        </p>
        {!readOnly && (dirty || save.isError) && (
          <div className="sticky bottom-4 z-10 flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white/95 px-4 py-3 shadow-lg backdrop-blur">
            <div className="min-w-0 flex-1 text-sm">
              <p className="font-medium text-slate-900">
                Unsaved changes
                <span className="font-normal text-slate-600">
                  {' '}
                  · {changeSummary.length > 0 ? changeSummary.join(', ') : 'order changed'}
                </span>
              </p>
              <PreviewHeadline state={previewState} />
              {save.isError && (
                <p className="mt-1 text-[13px] font-medium text-critical">
                  Saving failed: {save.error.message}
                </p>
              )}
            </div>
            <Button variant="secondary" onClick={discard} disabled={save.isPending}>
              Discard
            </Button>
            <Button onClick={onSave} loading={save.isPending}>
              Save and reclassify
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}
