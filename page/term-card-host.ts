import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { TermCard } from '@/components/TermCard';
import cardCss from '@/components/term-card.css?inline';
import type { TermExplanation } from '@/utils/term-explanation';

export interface TermCardHost {
  show(range: Range, explanation: TermExplanation): Promise<void>;
  hide(): void;
}

export interface TermCardHostOptions {
  hostTag: string;
  onReadMore: (anchor: string) => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}

/**
 * The card lives in a shadow root so page CSS cannot restyle it. The host element is only added
 * to the page when a card first opens: pages nobody hovers stay exactly as they were.
 */
export function createTermCardHost(ctx: ContentScriptContext, options: TermCardHostOptions): TermCardHost {
  let ui: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  let stopFollowing: (() => void) | null = null;

  const mountedUi = () => {
    ui ??= createShadowRootUi(ctx, {
      name: options.hostTag,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      css: cardCss,
      onMount: (container) => container,
      onRemove: (container) => {
        if (container) render(null, container);
      },
    }).then((created) => {
      created.mount();
      return created;
    });
    return ui;
  };

  const hide = () => {
    stopFollowing?.();
    stopFollowing = null;
    void ui?.then((created) => {
      if (created.mounted) render(null, created.mounted);
    });
  };

  return {
    async show(range, explanation) {
      const created = await mountedUi();
      const container = created.mounted;
      if (!container || ctx.isInvalid) return;
      stopFollowing?.();
      render(
        h(TermCard, {
          explanation,
          onReadMore: options.onReadMore,
          onPointerEnter: options.onPointerEnter,
          onPointerLeave: options.onPointerLeave,
        }),
        container,
      );
      const card = container.querySelector<HTMLElement>('.term-card');
      if (!card) return;
      const reference = {
        getBoundingClientRect: () => range.getBoundingClientRect(),
        getClientRects: () => range.getClientRects(),
        contextElement: range.startContainer.parentElement ?? undefined,
      };
      stopFollowing = autoUpdate(reference, card, () => {
        void computePosition(reference, card, {
          strategy: 'fixed',
          placement: 'bottom-start',
          middleware: [offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
        }).then(({ x, y }) => {
          card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
        });
      });
    },
    hide,
  };
}
