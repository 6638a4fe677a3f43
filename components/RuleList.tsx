import { useMemo, useState } from 'preact/hooks';
import { normalizeRulePattern } from '@/utils/rule-patterns';
import { SCOPE_NAMES } from '@/utils/rule-text';
import { RULE_SCOPES, type RuleScope, ruleKey, type SiteRule, upsertRule } from '@/utils/site-rules';

export interface RuleListProps {
  rules: readonly SiteRule[];
  /** Applies a change to the stored rules (read afresh, so changes made elsewhere meanwhile are kept). */
  onChange: (change: (rules: SiteRule[]) => SiteRule[]) => Promise<void>;
}

type SortKey = 'added' | 'pattern' | 'scope' | 'state';
interface Sort {
  key: SortKey;
  descending: boolean;
}

/** Long lists stay quick to render and to read; the search narrows them down. */
const PAGE_SIZE = 200;

const compareBy: Record<Exclude<SortKey, 'added'>, (a: SiteRule, b: SiteRule) => number> = {
  pattern: (a, b) => a.pattern.localeCompare(b.pattern),
  scope: (a, b) => RULE_SCOPES.indexOf(a.scope) - RULE_SCOPES.indexOf(b.scope) || a.pattern.localeCompare(b.pattern),
  state: (a, b) => Number(a.enabled) - Number(b.enabled) || a.pattern.localeCompare(b.pattern),
};

interface Draft {
  pattern: string;
  scope: RuleScope;
  enabled: boolean;
}

interface RuleFormProps {
  draft: Draft;
  onDraft: (draft: Draft) => void;
  idPrefix: string;
}

/** The three inputs a rule is made of, shared by the add form and a row being edited. */
function RuleFields({ draft, onDraft, idPrefix }: RuleFormProps) {
  return (
    <>
      <label for={`${idPrefix}-pattern`} class="visually-hidden">
        Site, host or path
      </label>
      <input
        id={`${idPrefix}-pattern`}
        type="text"
        class="rule-pattern-input"
        placeholder="example.org or example.org/health/"
        spellcheck={false}
        autocomplete="off"
        value={draft.pattern}
        onInput={(event) => onDraft({ ...draft, pattern: event.currentTarget.value })}
      />
      <label for={`${idPrefix}-scope`} class="visually-hidden">
        Applies to
      </label>
      <select
        id={`${idPrefix}-scope`}
        value={draft.scope}
        onChange={(event) => onDraft({ ...draft, scope: event.currentTarget.value as RuleScope })}
      >
        {RULE_SCOPES.map((scope) => (
          <option key={scope} value={scope}>
            {SCOPE_NAMES[scope]}
          </option>
        ))}
      </select>
      <label for={`${idPrefix}-state`} class="visually-hidden">
        Highlighting
      </label>
      <select
        id={`${idPrefix}-state`}
        value={draft.enabled ? 'on' : 'off'}
        onChange={(event) => onDraft({ ...draft, enabled: event.currentTarget.value === 'on' })}
      >
        <option value="off">Off</option>
        <option value="on">On</option>
      </select>
    </>
  );
}

function ruleFrom(draft: Draft): { rule: SiteRule } | { error: string } {
  const normalized = normalizeRulePattern(draft.scope, draft.pattern);
  return normalized.ok
    ? { rule: { scope: draft.scope, pattern: normalized.pattern, enabled: draft.enabled } }
    : { error: normalized.error };
}

/** The site rules: add, search, sort, edit, switch and remove. */
export function RuleList({ rules, onChange }: RuleListProps) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'added', descending: false });
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [adding, setAdding] = useState<Draft>({ pattern: '', scope: 'domain', enabled: false });
  const [addError, setAddError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ key: string; draft: Draft; error: string | null } | null>(null);

  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const matching = needle === '' ? [...rules] : rules.filter((rule) => rule.pattern.toLowerCase().includes(needle));
    if (sort.key !== 'added') matching.sort(compareBy[sort.key]);
    if (sort.descending) matching.reverse();
    return matching;
  }, [rules, query, sort]);

  const add = async (event: Event) => {
    event.preventDefault();
    const made = ruleFrom(adding);
    if ('error' in made) {
      setAddError(made.error);
      return;
    }
    setAddError(null);
    await onChange((current) => upsertRule(current, made.rule));
    setAdding({ ...adding, pattern: '' });
  };

  const saveEdit = async (event: Event) => {
    event.preventDefault();
    if (!editing) return;
    const made = ruleFrom(editing.draft);
    if ('error' in made) {
      setEditing({ ...editing, error: made.error });
      return;
    }
    const { key } = editing;
    setEditing(null);
    // In place of the edited rule; a rule the edit now duplicates gives way.
    await onChange((current) => {
      const newKey = ruleKey(made.rule);
      return current
        .filter((rule) => ruleKey(rule) !== newKey || newKey === key)
        .map((rule) => (ruleKey(rule) === key ? made.rule : rule));
    });
  };

  const header = (key: Exclude<SortKey, 'added'>, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button
          type="button"
          class="sort"
          onClick={() => setSort({ key, descending: active ? !sort.descending : false })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <div class="rule-list">
      <form class="rule-add" onSubmit={(event) => void add(event)}>
        <RuleFields draft={adding} onDraft={setAdding} idPrefix="add-rule" />
        <button type="submit">Add rule</button>
      </form>
      {addError && (
        <p class="form-error" role="alert">
          {addError}
        </p>
      )}

      <div class="rule-tools">
        <label for="rule-search">Search rules</label>
        <input
          id="rule-search"
          type="search"
          value={query}
          placeholder="example.org"
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setLimit(PAGE_SIZE);
          }}
        />
        {sort.key !== 'added' && (
          <button type="button" class="link" onClick={() => setSort({ key: 'added', descending: false })}>
            Back to the order added
          </button>
        )}
      </div>

      {rules.length === 0 ? (
        <p class="muted">No rules yet: the global mode decides everywhere.</p>
      ) : (
        <table class="rules">
          <caption class="muted">
            {shown.length === rules.length
              ? `${rules.length} ${rules.length === 1 ? 'rule' : 'rules'}`
              : `${shown.length} of ${rules.length} rules match`}
          </caption>
          <thead>
            <tr>
              {header('pattern', 'Site, host or path')}
              {header('scope', 'Applies to')}
              {header('state', 'Highlighting')}
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((rule) => {
              const key = ruleKey(rule);
              if (editing?.key === key) {
                return (
                  <tr key={key} class="editing">
                    <td colSpan={4}>
                      <form class="rule-edit" onSubmit={(event) => void saveEdit(event)}>
                        <RuleFields
                          draft={editing.draft}
                          onDraft={(draft) => setEditing({ ...editing, draft })}
                          idPrefix="edit-rule"
                        />
                        <button type="submit">Save</button>
                        <button type="button" onClick={() => setEditing(null)}>
                          Cancel
                        </button>
                      </form>
                      {editing.error && (
                        <p class="form-error" role="alert">
                          {editing.error}
                        </p>
                      )}
                    </td>
                  </tr>
                );
              }
              return (
                <tr key={key}>
                  <td>
                    <code>{rule.pattern}</code>
                  </td>
                  <td>{SCOPE_NAMES[rule.scope]}</td>
                  <td>
                    <button
                      type="button"
                      role="switch"
                      aria-checked={rule.enabled}
                      aria-label={`Highlighting on ${rule.pattern}`}
                      class={rule.enabled ? 'state on' : 'state off'}
                      onClick={() =>
                        void onChange((current) =>
                          current.map((candidate) =>
                            ruleKey(candidate) === key ? { ...candidate, enabled: !candidate.enabled } : candidate,
                          ),
                        )
                      }
                    >
                      {rule.enabled ? 'On' : 'Off'}
                    </button>
                  </td>
                  <td class="actions">
                    <button
                      type="button"
                      aria-label={`Edit the rule for ${rule.pattern}`}
                      onClick={() => setEditing({ key, draft: { ...rule }, error: null })}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      aria-label={`Remove the rule for ${rule.pattern}`}
                      onClick={() =>
                        void onChange((current) => current.filter((candidate) => ruleKey(candidate) !== key))
                      }
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {shown.length > limit && (
        <button type="button" class="link" onClick={() => setLimit(shown.length)}>
          Show all {shown.length} rules
        </button>
      )}
    </div>
  );
}
