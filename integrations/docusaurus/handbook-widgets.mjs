// Docusaurus integration for handbook-widgets: a plugin and a remark plugin.
//
//   import handbookWidgets, { remarkHandbookWidgets } from './handbook-widgets.mjs';
//   plugins: [handbookWidgets],
//   presets: [['classic', { docs: { remarkPlugins: [remarkHandbookWidgets] } }]],
//
// The plugin loads the bundle's entry script on every page (the bundle copied to
// static/widgets/v1/), and after `docusaurus build` runs `handbook-widgets prerender <outDir>
// --strict` (the program on PATH, or the one the HANDBOOK_WIDGETS variable names), so every page
// has its widgets in it before any script runs. The remark plugin writes each widget fence as a
// plain `div.language-<widget>` around `pre > code` instead of the theme's CodeBlock, which React
// renders again after hydration (and with it would go the pre-rendered widget); the runtime
// mounts on that div, beside React's DOM, and reads the code's text.
import { spawnSync } from 'node:child_process';

/** The widgets' fence names (the runtime's registry; fences of other names stay code). */
const WIDGETS = new Set(['hiring-timeline', 'level-comparison', 'owner-directory', 'onboarding-checklist']);

const element = (name, attributes, children) => ({
  type: 'mdxJsxFlowElement',
  name,
  attributes: Object.entries(attributes).map(([key, value]) => ({ type: 'mdxJsxAttribute', name: key, value })),
  children,
  // As if written as JSX in the page: MDX then keeps the element, not the theme's component.
  data: { _mdxExplicitJsx: true },
});

/** Remark plugin: each widget fence becomes `<div className="language-W"><pre><code>text`. */
export function remarkHandbookWidgets() {
  return (tree) => {
    // The fences are blocks: the tree's children, or inside lists, quotes and JSX; a stack, not
    // recursion, so the page's nesting depth costs no stack.
    const stack = [tree];
    while (stack.length > 0) {
      const node = stack.pop();
      node.children?.forEach((child, i) => {
        if (child.type === 'code' && WIDGETS.has(child.lang)) {
          node.children[i] = element('div', { className: `language-${child.lang}` }, [
            element('pre', {}, [element('code', {}, [{ type: 'text', value: `${child.value}\n` }])]),
          ]);
        } else {
          stack.push(child);
        }
      });
    }
  };
}

/** The Docusaurus plugin: the entry script, and pre-rendering after the build. */
export default function handbookWidgets(context, { bundle } = {}) {
  return {
    name: 'handbook-widgets',
    injectHtmlTags() {
      const src = `${bundle ?? `${context.baseUrl}widgets/v1/`}handbook-widgets.js`;
      return { headTags: [{ tagName: 'script', attributes: { type: 'module', src } }] };
    },
    async postBuild({ outDir }) {
      const program = process.env.HANDBOOK_WIDGETS || 'handbook-widgets';
      const done = spawnSync(program, ['prerender', outDir, '--strict'], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 600_000 });
      if (done.error) throw new Error(`handbook-widgets: could not run \`${program}\` (${done.error.code}): install it, or set HANDBOOK_WIDGETS to the program`);
      if (done.status !== 0) throw new Error('handbook-widgets prerender failed: see the messages above');
    },
  };
}
