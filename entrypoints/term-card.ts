import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { glossary } from '@/content/glossary';
import { seriesParts } from '@/content/parts';
import { cardControlRequests } from '@/page/card/card-control-requests';
import { watchHelpChoice } from '@/page/card/card-help-choice';
import { createTermCardHost } from '@/page/card/term-card-host';
import { provideTermCardModule } from '@/page/card/term-card-module';
import { explainGlossary } from '@/utils/term-explanation';

/** The hover card, run by the content script the first time a card is wanted: see page/card/term-card-module.ts. */
export default defineUnlistedScript(() => {
  // The card's own controls ask the background; they come with the card, so pages never load them otherwise.
  const controls = cardControlRequests();
  provideTermCardModule({
    explanations: explainGlossary(glossary, seriesParts),
    // Conditions' cards point to help lines as the settings say (page/card/card-help-choice.ts).
    createTermCardHost: (ctx, options) =>
      createTermCardHost(ctx, { ...options, controls, helpChoice: watchHelpChoice(ctx) }),
  });
});
