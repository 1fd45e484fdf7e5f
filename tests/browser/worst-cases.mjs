// The worst data on one page, beside good widgets, for the Chromium suite and the cross-engine
// suite alike: Markdown nested hundreds deep, runs of emphasis markers, items nested past the
// limit, data far too large (announced or not), a million brackets, a dropped connection, and
// fetches that never finish.

/** Where the page is served. */
export const PATH = '/docs/handbook/product/worst.html';

/** Requests to the endless endpoints that the browser gave up on (the server saw them close). */
export const closed = { never: 0, stall: 0 };

const hiring = (fields, stages = [{ title: 'Call', minutes: 30 }]) =>
  ({ title: 'Hiring', ...fields, variants: [{ id: 'a', label: 'A', stages }] });

/** A checklist whose one phase holds a chain of items `depth` deep. */
function chain(depth) {
  let item = { text: `level ${depth}` };
  for (let level = depth - 1; level >= 1; level -= 1) item = { text: `level ${level}`, children: [item] };
  return { id: `chain-${depth}`, title: `Chain ${depth}`, phases: [{ id: 'p', title: 'P', items: [item] }] };
}

// A list 400 deep on one line ("- - - … x"), and one 250 deep by indentation (62,000 characters).
const deepList = `${'- '.repeat(400)}deepest\n\n${Array.from({ length: 250 }, (_, i) => `${'  '.repeat(i)}- item${i}`).join('\n')}`;

/** The worst cases, by mount id: widget and inline JSON text. */
const inline = {
  'deep-list': ['hiring-timeline', JSON.stringify(hiring({ notes: deepList }))],
  'deep-quote': ['hiring-timeline', JSON.stringify(hiring({ footnotes: `${'>'.repeat(700)} the quote` }))],
  emphasis: ['hiring-timeline', JSON.stringify(hiring({}, [
    { title: '*'.repeat(2000), minutes: 30, description: `${'*'.repeat(1000)}middle${'*'.repeat(1000)}` },
    { title: `${'_'.repeat(1000)}x${'_'.repeat(1000)}`, runBy: '[['.repeat(1000) },
  ]))],
  'items-16': ['onboarding-checklist', JSON.stringify(chain(16))],
  'items-60': ['onboarding-checklist', JSON.stringify(chain(60))],
  brackets: ['owner-directory', `{"title": ${'['.repeat(1_000_000)}`],
  'long-text': ['hiring-timeline', JSON.stringify(hiring({}, [{ title: 'Call', description: 'x'.repeat(200_000) }]))],
};

const escape = (text) => text.replaceAll('</', '<\\/');
const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Worst cases</title>
<script src="/docs/handbook/record-errors.js"></script>
<script type="module" src="/cdn/widgets/v1/handbook-widgets.js"></script></head>
<body><main>
<div id="good-hiring" data-hb-widget="hiring-timeline" data-preset="gitlab-pm-leadership-hiring"></div>
${Object.entries(inline).map(([id, [widget, json]]) =>
  `<div id="${id}" data-hb-widget="${widget}"><script type="application/json">${escape(json)}</script></div>`).join('\n')}
<div id="too-big" data-hb-widget="hiring-timeline" data-src="/generated/28000-stages.json"></div>
<div id="huge-announced" data-hb-widget="owner-directory" data-src="/generated/huge-announced.json"></div>
<div id="huge-chunked" data-hb-widget="owner-directory" data-src="/generated/huge-chunked.json"></div>
<div id="reset" data-hb-widget="owner-directory" data-src="/slow/reset"></div>
<div id="never" data-hb-widget="hiring-timeline" data-src="/slow/never" data-timeout="1"></div>
<div id="stall" data-hb-widget="hiring-timeline" data-src="/slow/stall" data-timeout="2"></div>
<div id="good-directory" data-hb-widget="owner-directory" data-preset="mattermost-program-management"></div>
</main></body></html>`;

/** The server's handlers: the page at `PATH`, its generated data and its misbehaving endpoints. */
export const handlers = {
  [PATH]: (req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page),
  // 5 MB of valid data: 28,000 stages.
  '/generated/28000-stages.json': (req, res) => {
    const stages = Array.from({ length: 28_000 }, (_, i) =>
      ({ title: `Stage ${i}`, channel: 'video-call', minutes: 30, runBy: 'A recruiter', description: `Stage ${i}: we talk about the role and the team, and answer questions.` }));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(hiring({}, stages)));
  },
  // 11 MB, announced in Content-Length, and the same sent in chunks with no length given.
  '/generated/huge-announced.json': (req, res) => {
    const body = `{"title": "${' '.repeat(11 * 1048576)}"}`;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  },
  '/generated/huge-chunked.json': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"title": "');
    for (let i = 0; i < 11; i += 1) res.write(' '.repeat(1048576));
    res.end('"}');
  },
  // Drops the connection.
  '/slow/reset': (req) => req.socket.destroy(),
  // Never answers at all.
  '/slow/never': (req, res) => res.on('close', () => { closed.never += 1; }),
  // Answers, sends part of the body, and stalls.
  '/slow/stall': (req, res) => {
    res.on('close', () => { closed.stall += 1; });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{ "title": "Stalled", "variants": [');
  },
};

/** Mounts that render despite their data, and mounts that show an error, with what it says. */
export const READY = ['good-hiring', 'deep-list', 'deep-quote', 'emphasis', 'items-16', 'good-directory'];
export const ERRORS = {
  'items-60': /Data beyond the widgets' limits.*nested more than 64 levels.*\$\.phases\[0\]\.items\[0\]\.children\[0\]/s,
  'too-big': /the data is 4\.\d MB; this widget accepts at most 512 KB.*\/generated\/28000-stages\.json/s,
  brackets: /nested more than 64 levels/,
  'long-text': /200,000 characters.*\$\.variants\[0\]\.stages\[0\]\.description/s,
  'huge-announced': /the file is 11\.0 MB; the widgets accept at most 10\.0 MB/,
  'huge-chunked': /the file is 11\.0 MB; the widgets accept at most 10\.0 MB/,
  reset: /Data could not be loaded.*the request failed \(.+\).*\/slow\/reset/s,
  never: /took longer than 1 s.*\/slow\/never/s,
  stall: /took longer than 2 s.*\/slow\/stall/s,
};
