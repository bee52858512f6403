// The Chromium anchor of the call benchmarks: two headless Chromium pages (Debian's chromium, driven with
// playwright-core) sign up on a Duet server, share a channel and make video calls to each other with the
// flow Duet's clients use (chromium/duet-peer.js): the caller rings, the callee accepts as soon as the ring
// arrives, the caller offers. Prints one JSON object: per call, ring -> first remote frame shown and
// accept -> first remote frame shown on each side, in ms.
// Usage (from the folder playwright-core is installed in, with chromium/ beside this file):
//   node chromium-calls.mjs --server ws://127.0.0.1:PORT [--calls N] [--width W] [--height H]
//                           [--y4m FILE] [--chromium /usr/bin/chromium]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: options } = parseArgs({
  options: {
    server: { type: 'string' },
    calls: { type: 'string', default: '20' },
    width: { type: 'string', default: '640' },
    height: { type: 'string', default: '480' },
    y4m: { type: 'string' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
  },
});
if (!options.server) {
  console.error('usage: node chromium-calls.mjs --server ws://127.0.0.1:PORT [--calls N] [--y4m FILE]');
  process.exit(2);
}
const CALL_LIMIT_MS = 20000;
const PASSWORD = 'bench-password-123';

// getUserMedia needs a secure context: http://127.0.0.1 is one, a file: page is not.
const pages = new URL('./chromium/', import.meta.url);
const web = createServer(async (request, response) => {
  const name = request.url === '/' ? 'index.html' : request.url.slice(1);
  if (!['index.html', 'duet-peer.js'].includes(name)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': name.endsWith('.js') ? 'text/javascript' : 'text/html' });
  response.end(await readFile(new URL(name, pages)));
});
await new Promise((resolve) => web.listen(0, '127.0.0.1', resolve));
const pageUrl = `http://127.0.0.1:${web.address().port}/`;

// The flags a headless Chromium needs on a closed network (no background connections, no sandbox as root),
// a fake camera and microphone without a permission prompt, and playback without a user gesture.
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'];
if (options.y4m) {
  args.push(`--use-file-for-fake-video-capture=${options.y4m}`);
}
const browser = await chromium.launch({ executablePath: options.chromium, headless: true, args });
const results = { chromium: browser.version(), calls: 0, failed: 0, errors: [],
  caller: { ring: [], accept: [] }, callee: { ring: [], accept: [] } };
try {
  const suffix = String(Date.now() % 1000000);
  const [caller, callee] = await Promise.all(['cara', 'dave'].map(async (name) => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(pageUrl);
    await page.evaluate(([w, h]) => { peer.width = w; peer.height = h; }, [Number(options.width), Number(options.height)]);
    await page.evaluate(([url, user, password]) => peer.signIn(url, user, password),
      [options.server, name + suffix, PASSWORD]);
    return page;
  }));
  const channel = 'chromium' + suffix;
  const invite = await caller.evaluate((name) => peer.createChannel(name), channel);
  await callee.evaluate(([name, token]) => peer.joinChannel(name, token), [channel, invite]);
  await callee.evaluate(() => { peer.autoAccept = true; });

  // One call first, not counted: the Duet clients' video calls also run on a media engine already warm.
  const calls = Number(options.calls);
  for (let i = -1; i < calls; i++) {
    try {
      const times = await oneCall(caller, callee, channel);
      if (i >= 0) {
        results.caller.ring.push(times.callerFirst - times.ring);
        results.callee.ring.push(times.calleeFirst - times.ring);
        results.caller.accept.push(times.callerFirst - times.accept);
        results.callee.accept.push(times.calleeFirst - times.accept);
      }
    } catch (e) {
      if (i >= 0) {
        results.failed++;
      }
      results.errors.push(String(e.message || e).split('\n')[0]);
    }
    await hangUp(caller, callee);
    if (i >= 0) {
      results.calls++;
    }
  }
} finally {
  await browser.close();
  web.close();
}
console.log(JSON.stringify(results));

async function oneCall(caller, callee, channel) {
  await caller.evaluate((name) => peer.ring(name), channel);
  const shown = () => peer.times.firstFrame || peer.error;
  await Promise.all([caller, callee].map((page) => page.waitForFunction(shown, null, { timeout: CALL_LIMIT_MS })));
  const [a, b] = await Promise.all([caller, callee].map((page) => page.evaluate(() => ({ ...peer.times, error: peer.error }))));
  if (a.error || b.error) {
    throw new Error(a.error || b.error);
  }
  return { ring: a.ring, accept: b.accept, callerFirst: a.firstFrame, calleeFirst: b.firstFrame };
}

async function hangUp(caller, callee) {
  await caller.evaluate(() => peer.hangup());
  await callee.waitForFunction(() => peer.call === null, null, { timeout: CALL_LIMIT_MS });
  await Promise.all([caller, callee].map((page) => page.evaluate(() => { peer.error = null; })));
}
