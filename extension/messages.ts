import { defineExtensionMessaging } from '@webext-core/messaging';
import type { TermReport } from '@/utils/research-log-visits';
import type { PageAddress } from '@/utils/site-rules';
import type { SwitchChange } from '@/utils/site-switch-rules';
import type { TermDirection } from '@/utils/term-step-commands';
import type { CardControlOutcome } from './card-control-saves';

/** What the popup learns from the page it is about: no page text, only counts. */
export interface PageState {
  site: string | null;
  /** The page's URL path, for path rules. */
  path: string;
  /** Whether the page shows highlights now. */
  enabled: boolean;
  /** In "only on pages about mental health" with no rule deciding: whether it is; null otherwise or not yet known. */
  relevant: boolean | null;
  /** Highlighted occurrences per glossary term id. */
  termCounts: Record<string, number>;
}

/** A page's terms for the research log, asked for when the page shows none. */
export interface PageTermCount extends TermReport {
  highlighted: boolean;
  url: string;
  title: string;
}

/** Every message in the extension, with its request and response types. */
interface ProtocolMap {
  /** Content script or popup → background: open the series reader at `anchor` in a new tab. */
  openReader(anchor: string): void;
  /** Popup or background → content script of a tab. */
  getPageState(): PageState;
  /**
   * Content script (every frame) → background: highlighted terms in this frame, for the toolbar badge
   * and (top frame, when the reader keeps one) the research log; null when it shows none.
   */
  reportTermCount(report: TermReport | null): void;
  /**
   * Background → top frame, only when the research log records pages without highlights: the page's
   * terms counted whether shown or not, and its address and title (which the background cannot read
   * of a tab without the "tabs" permission); null where the page was not read at all.
   */
  countPageTerms(): PageTermCount | null;
  /** Dashboard → background: delete the research log's entries of one site (null: all), pending ones too. */
  eraseResearchLog(site: string | null): void;
  /** Background (keyboard command) → top frame of a tab: explain the next or previous term; false if none. */
  showAdjacentTerm(direction: TermDirection): boolean;
  /** Popup → top frame of a tab: scroll to a term's first occurrence and explain it; false if it is gone. */
  showTermOnPage(termId: string): boolean;
  /** Card → background: "Not on this site", as the popup's switch turned off here; `change` undoes it. */
  pauseSite(address: PageAddress): CardControlOutcome & { change?: SwitchChange };
  /** Card's undo notice → background: takes a "Not on this site" back. */
  undoSitePause(change: SwitchChange): CardControlOutcome;
  /** Card → background: "Hide this term" (hidden: true) and its undo. */
  setTermHidden(request: { termId: string; hidden: boolean }): CardControlOutcome;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
