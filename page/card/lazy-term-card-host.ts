import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TermCardHost, TermCardHostOptions } from './term-card-host';
import type { TermCardModule } from './term-card-module';

export interface LazyTermCardHost extends TermCardHost {
  /** Starts loading the card, e.g. while the pointer rests on a term, so it is there when the card opens. */
  prepare(): void;
}

export interface LazyTermCardHostOptions extends Omit<TermCardHostOptions, 'explanations'> {
  /** Loads the card's UI and explanations (in the extension, `importTermCardModule`). */
  load: () => Promise<TermCardModule>;
}

/**
 * The card host the content script holds from the start. The card itself (Preact, Floating UI, its
 * CSS and every term's explanation) is loaded the first time a card is wanted: pages nobody hovers
 * never pay for it. Until it is there no card is open, so nothing is inside one and nothing has focus.
 */
export function createLazyTermCardHost(ctx: ContentScriptContext, options: LazyTermCardHostOptions): LazyTermCardHost {
  const { load, ...hostOptions } = options;
  let host: TermCardHost | null = null;
  let loading: Promise<TermCardHost | null> | null = null;
  /** Counts shows and hides: a show still waiting for the card gives way to anything later. */
  let latest = 0;
  let textSize: Parameters<TermCardHost['setTextSize']>[0] = 'normal';

  const loaded = () => {
    loading ??= load().then(
      (module) => {
        host = module.createTermCardHost(ctx, { ...hostOptions, explanations: module.explanations });
        host.setTextSize(textSize);
        return host;
      },
      () => {
        // A card that could not be loaded costs that card, never an error on the page; the next one tries again.
        loading = null;
        return null;
      },
    );
    return loading;
  };

  return {
    prepare() {
      if (!ctx.isInvalid) void loaded();
    },

    async show(range, termId) {
      const call = ++latest;
      const ready = host ?? (await loaded());
      if (!ready || call !== latest || ctx.isInvalid) return;
      await ready.show(range, termId);
    },

    hide() {
      latest++;
      host?.hide();
    },

    announce(termId) {
      if (host) host.announce(termId);
      else void loaded().then((ready) => ready?.announce(termId));
    },

    contains: (event) => host?.contains(event) ?? false,
    hasFocus: () => host?.hasFocus() ?? false,
    focusFirst: () => host?.focusFirst() ?? false,
    focusTitle: () => host?.focusTitle(),
    cycleFocus: (event) => host?.cycleFocus(event),
    setTextSize(size) {
      textSize = size;
      host?.setTextSize(size);
    },
  };
}
