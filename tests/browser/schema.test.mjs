// The JSON Schemas ship beside the bundle (schema/<widget>.json), one per widget the entry
// knows, served as JSON where a data file's "$schema" points an editor at them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser } from './harness.mjs';

const env = useBrowser();

const entry = readFileSync(new URL('../../assets/embed/handbook-widgets.js', import.meta.url), 'utf8');
const widgets = JSON.parse(entry.match(/^const WIDGETS = (\[.*\]);$/m)[1].replace(/'/g, '"'));

test('each widget\'s JSON Schema is served beside the bundle', async () => {
  assert.equal(widgets.length, 4);
  for (const widget of widgets) {
    const response = await fetch(`${env.url}/cdn/widgets/v1/schema/${widget}.json`);
    assert.equal(response.status, 200, widget);
    const schema = await response.json();
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema', widget);
    assert.equal(schema.title, `handbook-widgets ${widget} data`);
    assert.equal(schema.additionalProperties, false, `${widget}: unknown fields are refused`);
    assert.equal(schema.properties.$schema.type, 'string', `${widget}: "$schema" is allowed`);
    assert.ok(schema.required.includes('title'), widget);
  }
});
