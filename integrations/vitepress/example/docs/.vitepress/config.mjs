import { defineConfig } from 'vitepress';
import { withHandbookWidgets } from './handbook-widgets.mjs';

export default withHandbookWidgets(defineConfig({
  title: 'Example handbook',
  // Where the tests serve the built site; a site at its domain's root leaves `base` out.
  base: '/sites/vitepress/site/',
  outDir: '../site',
  themeConfig: { nav: [{ text: 'Home', link: '/' }, { text: 'Hiring', link: '/hiring' }] },
}));
