// A small built site, pre-rendered by the command-line program from this checkout (the same
// build as dist/embed): the host page with all four widgets, and the data it fetches. Served
// by the harness at /site/; shared by the Chromium and cross-engine suites.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the site is written. */
export const SITE = join(root, 'target/prerendered-site');
/** The pre-rendered host page, as served. */
export const PAGE = '/site/docs/handbook/product/hiring.html';
/** Its mounts. */
export const IDS = ['mm', 'gl', 'ff', 'gitlab-levels', 'mm-levels', 'programs', 'onboarding', 'inline'];

/** Writes the site afresh and pre-renders it (`--strict`: any failure throws). */
export function buildSite() {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(join(SITE, 'docs/handbook/product'), { recursive: true });
  cpSync(join(root, 'tests/fixtures/host/product/hiring.html'), join(SITE, 'docs/handbook/product/hiring.html'));
  cpSync(join(root, 'assets/data'), join(SITE, 'data'), { recursive: true });
  execFileSync('cargo', ['run', '-q', '--bin', 'handbook-widgets', '--', 'prerender', SITE, '--strict'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
}
