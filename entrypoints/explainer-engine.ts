import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideEngineModule } from '@/page/engine/engine-module';
import { startPageEngine } from '@/page/engine/page-engine';

/** The term engine, run by the content script's gate where a page will be highlighted: see page/engine/engine-module.ts. */
export default defineUnlistedScript(() => {
  provideEngineModule({ startEngine: (ctx, start) => startPageEngine(ctx, start) });
});
