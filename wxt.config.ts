import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports keep every module's dependencies visible to the boundary lint.
  imports: false,
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
  }),
  manifest: ({ browser }) => ({
    name: 'Mental Health Explainer',
    description:
      'Explains mental-health terms where you read about them, from a bundled article series. Runs entirely in your browser.',
    permissions: ['storage'],
    action: { default_title: 'Mental Health Explainer' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'explainer@mental-health-explainer.local', strict_min_version: '140.0' },
          },
        }
      : {}),
  }),
});
