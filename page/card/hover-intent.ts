export interface HoverIntentOptions<T> {
  /** How long the pointer must rest on a target before it opens. */
  openDelayMs: number;
  /** How long a card stays after the pointer leaves both target and card. */
  closeDelayMs: number;
  open: (target: T) => void;
  close: () => void;
  setTimer: (callback: () => void, ms: number) => number;
  clearTimer: (id: number) => void;
}

/**
 * Opens a card for what the pointer rests on, not for what it merely crosses, and keeps it while
 * the pointer moves between the target and the card. A pinned card ignores the pointer: it stays
 * until it is unpinned or dismissed.
 */
export class HoverIntent<T> {
  private shown: T | null = null;
  private pending: T | null = null;
  private openTimer: number | null = null;
  private closeTimer: number | null = null;
  private overCard = false;
  private pinned = false;
  private openDelayMs: number;

  constructor(private readonly options: HoverIntentOptions<T>) {
    this.openDelayMs = options.openDelayMs;
  }

  /** Takes effect from the next rest on a term. */
  setOpenDelay(ms: number): void {
    this.openDelayMs = ms;
  }

  /** The pointer is now over `target` (null: over nothing of ours). */
  pointerOver(target: T | null): void {
    if (this.overCard || this.pinned) return;
    if (target !== null && target === this.shown) {
      this.cancelOpen();
      this.cancelClose();
      return;
    }
    if (target !== this.pending) {
      this.cancelOpen();
      this.pending = target;
      if (target !== null) {
        this.openTimer = this.options.setTimer(() => this.show(target), this.openDelayMs);
      }
    }
    if (this.shown !== null && target === null) this.scheduleClose();
  }

  cardEntered(): void {
    this.overCard = true;
    this.cancelClose();
    this.cancelOpen();
  }

  cardLeft(): void {
    this.overCard = false;
    if (!this.pinned) this.scheduleClose();
  }

  /** Shows `target` at once (if it is not already shown) and keeps it until unpinned or dismissed. */
  pin(target: T): void {
    this.cancelOpen();
    this.cancelClose();
    this.pinned = true;
    if (target !== this.shown) this.show(target);
  }

  /** Shows `target` at once, without the wait, and then follows the pointer as after a rest (not pinned). */
  showNow(target: T): void {
    if (this.pinned && target === this.shown) return;
    this.cancelOpen();
    this.cancelClose();
    this.pinned = false;
    if (target !== this.shown) this.show(target);
  }

  /** Back to following the pointer: the card closes once the pointer has left both term and card. */
  unpin(): void {
    this.pinned = false;
  }

  get isPinned(): boolean {
    return this.pinned;
  }

  dismiss(): void {
    this.cancelOpen();
    this.cancelClose();
    this.overCard = false;
    this.pinned = false;
    if (this.shown !== null) {
      this.shown = null;
      this.options.close();
    }
  }

  get current(): T | null {
    return this.shown;
  }

  private show(target: T): void {
    this.openTimer = null;
    this.pending = null;
    this.cancelClose();
    this.shown = target;
    this.options.open(target);
  }

  private scheduleClose(): void {
    if (this.closeTimer !== null) return;
    this.closeTimer = this.options.setTimer(() => {
      this.closeTimer = null;
      this.dismiss();
    }, this.options.closeDelayMs);
  }

  private cancelOpen(): void {
    if (this.openTimer !== null) this.options.clearTimer(this.openTimer);
    this.openTimer = null;
    this.pending = null;
  }

  private cancelClose(): void {
    if (this.closeTimer !== null) this.options.clearTimer(this.closeTimer);
    this.closeTimer = null;
  }
}
