#!/usr/bin/env node
// Runs metascraper with its title, author and date rules over the pages of a manifest and writes what it found,
// with per-page timings. Usage: node metascraper-eval.js MANIFEST.json OUT.json
//   MANIFEST.json: [{"id": "...", "url": "https://...", "file": "/path/page.html"}, ...]  (UTF-8 HTML, already
//                  decoded by the Java side with the same charset rules our extractor gets, so both read one text)
//   OUT.json:      {"output": {"<id>": {"title": s|null, "author": s|null, "date": s|null, "ms": 1.2}}}
// metascraper answers dates as ISO strings in UTC; run it with TZ=UTC (the Java side does) so that a zone-less date
// on the page is not shifted by this machine's zone.
'use strict';

const fs = require('fs');
const metascraper = require('metascraper')([
  require('metascraper-title')(),
  require('metascraper-author')(),
  require('metascraper-date')(),
]);

async function main() {
  const [manifestPath, outPath] = process.argv.slice(2);
  if (!manifestPath || !outPath) {
    process.stderr.write('usage: node metascraper-eval.js MANIFEST.json OUT.json\n');
    process.exit(2);
  }
  const pages = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  const output = {};
  for (const page of pages) {
    const html = fs.readFileSync(page.file, 'utf8');
    const start = process.hrtime.bigint();
    let result = {};
    let error;
    try {
      result = await metascraper({ html, url: page.url });
    } catch (e) {
      error = String(e && e.message ? e.message : e);
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    output[page.id] = {
      title: result.title || null,
      author: result.author || null,
      date: result.date || null,
      ms,
      ...(error === undefined ? {} : { error }),
    };
  }
  fs.writeFileSync(outPath, JSON.stringify({ output }));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});
