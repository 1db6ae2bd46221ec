#!/usr/bin/env node
// Runs Mozilla Readability on jsdom over the pages of a manifest and writes its predictions with per-page timings.
// Usage: node readability-eval.js MANIFEST.json OUT.json
//   MANIFEST.json: [{"id": "...", "url": "https://...", "file": "/path/page.html.gz"}, ...]
//   OUT.json:      {"output": {"<id>": {"articleBody": "...", "ms": 12.3}}, "warmupPages": N}
// Timing covers parse (new JSDOM) + Readability.parse() per page, after one untimed warm-up pass, excluding node
// startup and file reading, so it can be compared fairly with the Java extractor's own per-page timing.
'use strict';

const fs = require('fs');
const zlib = require('zlib');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

function extract(html, url) {
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  const article = new Readability(dom.window.document).parse();
  const text = article && article.textContent ? article.textContent : '';
  dom.window.close();
  return text;
}

function main() {
  const [manifestPath, outPath] = process.argv.slice(2);
  if (!manifestPath || !outPath) {
    process.stderr.write('usage: node readability-eval.js MANIFEST.json OUT.json\n');
    process.exit(2);
  }
  const pages = JSON.parse(fs.readFileSync(manifestPath, 'utf8')).map((p) => ({
    id: p.id,
    url: p.url,
    html: zlib.gunzipSync(fs.readFileSync(p.file)).toString('utf8'),
  }));
  for (const page of pages) {
    try { extract(page.html, page.url); } catch (e) { /* warm-up only; errors are reported in the timed pass */ }
  }
  const output = {};
  for (const page of pages) {
    const start = process.hrtime.bigint();
    let text = '';
    let error;
    try {
      text = extract(page.html, page.url);
    } catch (e) {
      error = String(e && e.message ? e.message : e);
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    output[page.id] = error === undefined ? { articleBody: text, ms } : { articleBody: '', ms, error };
  }
  fs.writeFileSync(outPath, JSON.stringify({ output, warmupPages: pages.length }));
}

main();
