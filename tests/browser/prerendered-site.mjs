// A small built site, pre-rendered by the command-line program from this checkout (the same
// build as dist/embed): the host page with all four widgets, and the data it fetches. Served
// by the harness at /site/; shared by the Chromium and cross-engine suites.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the site is written. */
export const SITE = join(root, 'target/prerendered-site');
/** The pre-rendered host page, as served. */
export const PAGE = '/site/docs/handbook/product/hiring.html';
/** Its mounts. */
export const IDS = ['mm', 'gl', 'ff', 'gitlab-levels', 'mm-levels', 'programs', 'onboarding', 'inline'];

/** The host page in other encodings, as a site built years ago may be: declared by
 *  `<meta charset>` in windows-1252 (with a paragraph of characters it has: ’ – “ ” € …), and in
 *  UTF-16 with a byte-order mark. */
export const ENCODED = { 'windows-1252': '/site/docs/handbook/product/hiring-1252.html', 'utf-16': '/site/docs/handbook/product/hiring-utf16.html' };
/** The paragraph the encoded pages add, as the browser should read it. */
export const LEGACY_TEXT = 'Café – “naïve” prices in € … it’s old';

/** windows-1252's bytes for the characters it has above U+00FF, the rest as latin-1. */
const CP1252 = new Map([['€', 0x80], ['…', 0x85], ['’', 0x92], ['“', 0x93], ['”', 0x94], ['–', 0x96], ['—', 0x97]]);
const cp1252 = (text) => Buffer.from([...text].map((c) => CP1252.get(c) ?? (c.codePointAt(0) < 0x100 ? c.codePointAt(0) : 0x3f)));

/** A page of mounts in awkward places, pre-rendered without `--strict` (some are refused):
 *  on a list item, nested, on SVG and on an image, and one whose widget name is written with
 *  a character reference. */
export const PLACEMENTS = '/site/docs/handbook/product/placements.html';
const PLACEMENTS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Placements</title>
<script type="module" src="/cdn/widgets/v1/handbook-widgets.js"></script></head>
<body>
<ul><li id="li" data-hb-widget="owner-directory" data-preset="mattermost-program-management"></li></ul>
<div id="outer" data-hb-widget="owner-directory">
  <div id="inner" data-hb-widget="owner-directory" data-preset="mattermost-program-management"></div>
  <script type="application/json">{ "title": "Outer programs", "people": [], "groups": [{ "title": "G", "programs": [{ "title": "Swag", "owners": [] }] }] }</script>
</div>
<svg width="10" height="10"><g id="svg" data-hb-widget="owner-directory" data-preset="mattermost-program-management"></g></svg>
<img id="img" alt="" data-hb-widget="owner-directory" data-preset="mattermost-program-management">
<div id="entity" data-hb-widget="owner&#x2D;directory" data-preset="mattermost-program-management"></div>
<p id="after">After the mounts</p>
</body></html>
`;

/** The fences of each generator's markup (tests/fixtures/host/product/fences.html, without
 *  its broken one), pre-rendered with the rest of the site. */
export const FENCES = '/site/docs/handbook/product/fences.html';

/** Writes the site afresh and pre-renders it (`--strict`: any failure throws). */
export function buildSite() {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(join(SITE, 'docs/handbook/product'), { recursive: true });
  const host = readFileSync(join(root, 'tests/fixtures/host/product/hiring.html'), 'utf8');
  cpSync(join(root, 'tests/fixtures/host/product/hiring.html'), join(SITE, 'docs/handbook/product/hiring.html'));
  const legacy = (charset) => host.replace('<meta charset="utf-8">', `<meta charset="${charset}">`)
    .replace('<body>', `<body>\n  <p id="legacy">${LEGACY_TEXT}</p>`);
  writeFileSync(join(SITE, ENCODED['windows-1252'].slice('/site/'.length)), cp1252(legacy('windows-1252')));
  writeFileSync(join(SITE, ENCODED['utf-16'].slice('/site/'.length)), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(legacy('utf-16'), 'utf16le')]));
  cpSync(join(root, 'assets/data'), join(SITE, 'data'), { recursive: true });
  const fences = readFileSync(join(root, 'tests/fixtures/host/product/fences.html'), 'utf8')
    .replace(/\s*<section id="broken">[\s\S]*?<\/section>/, '');
  writeFileSync(join(SITE, FENCES.slice('/site/'.length)), fences);
  execFileSync('cargo', ['run', '-q', '--bin', 'handbook-widgets', '--', 'prerender', SITE, '--strict'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const placements = join(SITE, PLACEMENTS.slice('/site/'.length));
  writeFileSync(placements, PLACEMENTS_PAGE);
  execFileSync('cargo', ['run', '-q', '--bin', 'handbook-widgets', '--', 'prerender', placements, '--root', SITE], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
}
