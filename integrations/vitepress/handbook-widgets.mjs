// VitePress integration for handbook-widgets: wrap the site's config with it.
//
//   import { withHandbookWidgets } from './handbook-widgets.mjs'
//   export default withHandbookWidgets(defineConfig({ ... }))
//
// It loads the bundle's entry script on every page (the bundle copied to docs/public/widgets/v1/,
// or `bundle` naming another URL), lets the highlighter read the widgets' fences as JSON, and
// after `vitepress build` runs `handbook-widgets prerender <outDir> --strict` (the program on
// PATH, or the one the HANDBOOK_WIDGETS variable names), so every page has its widgets in it
// before any script runs. The runtime finds the fences Shiki wrote and mounts beside Vue's DOM.
import { spawnSync } from 'node:child_process';

/** The widgets' fence names (the runtime's registry; fences of other names stay code). */
const WIDGETS = ['hiring-timeline', 'level-comparison', 'owner-directory', 'onboarding-checklist'];

/**
 * Returns `config` with the widgets added.
 * @param {object} config the site's VitePress config
 * @param {{ bundle?: string }} options `bundle`: the folder URL of the bundle; default
 *   `widgets/v1/` under the site's `base`
 */
export function withHandbookWidgets(config, { bundle } = {}) {
  const base = config.base ?? '/';
  const entry = `${bundle ?? `${base}widgets/v1/`}handbook-widgets.js`;
  const { buildEnd } = config;
  return {
    ...config,
    head: [...(config.head ?? []), ['script', { type: 'module', src: entry }]],
    markdown: {
      ...config.markdown,
      // Shiki colours the data as JSON instead of warning about an unknown language.
      languageAlias: { ...Object.fromEntries(WIDGETS.map((w) => [w, 'json'])), ...config.markdown?.languageAlias },
    },
    async buildEnd(siteConfig) {
      await buildEnd?.(siteConfig);
      const program = process.env.HANDBOOK_WIDGETS || 'handbook-widgets';
      const done = spawnSync(program, ['prerender', siteConfig.outDir, '--strict'], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 600_000 });
      if (done.error) throw new Error(`handbook-widgets: could not run \`${program}\` (${done.error.code}): install it, or set HANDBOOK_WIDGETS to the program`);
      if (done.status !== 0) throw new Error('handbook-widgets prerender failed: see the messages above');
    },
  };
}
