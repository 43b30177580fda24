// Client download size (raw and as served compressed) and time from navigation to the first
// rendered frame in headless Chromium (median of 5 cold loads). Prints figures; asserts nothing.
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launchBrowser, waitForState } from '../browser/lib/orchard.mjs';

const publicDir = process.env.ORCHARD_PUBLIC_DIR;
const files = ['orchard.wasm', 'orchard.js', 'orchard.data', 'index.html', 'shell.js', 'shell.css'];

function servedBytes(url) {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => { bytes += chunk.length; });
      res.on('end', () => resolve({ bytes, encoding: res.headers['content-encoding'] ?? 'identity' }));
    }).on('error', reject).end();
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const server = await startServer();
try {
  console.log('Client download (what a first visit fetches):');
  let raw = 0, gz = 0, served = 0;
  for (const file of files) {
    const content = readFileSync(join(publicDir, file));
    const gzip9 = gzipSync(content, { level: 9 }).length;
    const over = await servedBytes(server.url + file);
    raw += content.length; gz += gzip9; served += over.bytes;
    console.log(`  ${file.padEnd(14)} raw ${String(content.length).padStart(9)} B   gzip -9 ${String(gzip9).padStart(8)} B   served ${String(over.bytes).padStart(8)} B (${over.encoding})`);
  }
  console.log(`  ${'total'.padEnd(14)} raw ${String(raw).padStart(9)} B   gzip -9 ${String(gz).padStart(8)} B   served ${String(served).padStart(8)} B`);

  const browser = await launchBrowser();
  const times = [];
  for (let run = 0; run < 5; ++run) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await waitForState(page, (s) => s.ready, { what: 'first frame' });
    times.push(await page.evaluate(() => window.orchardFirstFrameMs));
    await context.close();
  }
  await browser.close();
  console.log(`Navigation to first rendered frame (cold cache, headless Chromium, SwiftShader WebGL):`);
  console.log(`  runs ${times.map((t) => t.toFixed(0)).join(', ')} ms; median ${median(times).toFixed(0)} ms`);
} finally {
  await server.stop();
}
