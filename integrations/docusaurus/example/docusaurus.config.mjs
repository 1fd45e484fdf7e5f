import handbookWidgets, { remarkHandbookWidgets } from './handbook-widgets.mjs';

export default {
  title: 'Example handbook',
  url: 'http://127.0.0.1',
  // Where the tests serve the built site; a site at its domain's root has '/'.
  baseUrl: '/sites/docusaurus/build/',
  onBrokenLinks: 'throw',
  plugins: [handbookWidgets],
  presets: [
    ['classic', {
      docs: { routeBasePath: '/', sidebarPath: false, remarkPlugins: [remarkHandbookWidgets] },
      blog: false,
      pages: false,
      theme: {},
    }],
  ],
};
