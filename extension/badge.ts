import { browser } from 'wxt/browser';
import { badgeText } from '@/utils/badge-text';

/** Frame id → highlighted terms in that frame, for one tab. */
type FrameCounts = Record<string, number>;

export interface FrameCountStore {
  get(tabId: number): Promise<FrameCounts>;
  set(tabId: number, counts: FrameCounts): Promise<void>;
  remove(tabId: number): Promise<void>;
}

const sessionKey = (tabId: number) => `badge.${tabId}`;

/**
 * Counts kept in storage.session when there is one: an MV3 service worker is stopped when idle, and
 * forgetting the other frames' counts would make the badge show only the last frame that spoke.
 */
export function frameCountStore(): FrameCountStore {
  const session = browser.storage?.session;
  if (!session) {
    const memory = new Map<number, FrameCounts>();
    return {
      get: async (tabId) => ({ ...memory.get(tabId) }),
      set: async (tabId, counts) => void memory.set(tabId, counts),
      remove: async (tabId) => void memory.delete(tabId),
    };
  }
  return {
    get: async (tabId) => ((await session.get(sessionKey(tabId)))[sessionKey(tabId)] as FrameCounts | undefined) ?? {},
    set: (tabId, counts) => session.set({ [sessionKey(tabId)]: counts }),
    remove: (tabId) => session.remove(sessionKey(tabId)),
  };
}

export type ShowBadge = (tabId: number, text: string) => Promise<void>;

/** Both builds are Manifest V3, so both have `action`. */
export const showBadge: ShowBadge = async (tabId, text) => {
  const action = browser.action;
  if (!action) return;
  await action.setBadgeText({ tabId, text });
  if (text !== '') await action.setBadgeBackgroundColor({ tabId, color: '#7a4b00' });
};

/**
 * The toolbar badge of each tab: the terms highlighted in all of its frames. Reports arrive from
 * every frame; they are applied one at a time so two frames never overwrite each other's count.
 */
export class TabBadges {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: FrameCountStore = frameCountStore(),
    private readonly show: ShowBadge = showBadge,
  ) {}

  /** `count` null: the frame shows nothing (switched off, hidden, or gone). */
  report(tabId: number, frameId: number, count: number | null): Promise<void> {
    return this.serially(async () => {
      const counts = await this.store.get(tabId);
      if (count === null) delete counts[frameId];
      else counts[frameId] = count;
      if (Object.keys(counts).length === 0) await this.store.remove(tabId);
      else await this.store.set(tabId, counts);
      await this.show(tabId, badgeText(counts));
    });
  }

  forget(tabId: number): Promise<void> {
    return this.serially(() => this.store.remove(tabId));
  }

  private serially(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => {});
    return run;
  }
}
