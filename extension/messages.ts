import { defineExtensionMessaging } from '@webext-core/messaging';

/** What the popup learns from the page it is about: no page text, only counts. */
export interface PageState {
  site: string | null;
  enabled: boolean;
  /** Highlighted occurrences per glossary term id. */
  termCounts: Record<string, number>;
}

/** Every message in the extension, with its request and response types. */
interface ProtocolMap {
  /** Content script or popup → background: open the series reader at `anchor` in a new tab. */
  openReader(anchor: string): void;
  /** Popup → content script of a tab. */
  getPageState(): PageState;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
