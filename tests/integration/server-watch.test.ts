/**
 * The "while writing" workflow of the README, end to end: `hugo-prerender watch` beside
 * `hugo server --disableFastRender`, on a temporary copy of the example site, for each Hugo version.
 *
 * What a writer sees: the served post has its math typeset; a save that adds a formula and a heading
 * with math is served typeset within a bounded time (the latency from save to served page is printed);
 * the moment between a save and the watcher's rewrite (forced by holding the watcher with SIGSTOP)
 * makes Hugo print nothing; a new page appears typeset, a deleted one leaves the site and is a 404 after
 * a restart (no ghost); and Hugo never prints an ERROR, a template parse error from a half-written file,
 * or a staleness warning.
 *
 * Both processes listen or write only on loopback and temporary directories, and are killed in
 * afterAll, whatever happened.
 */
import { start, type Proc } from '../helpers/proc.js';
import { appendFileSync, existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachHugo, tempDir } from '../helpers/hugo.js';
import { CLI, copyProjectSite, ensureBundle } from '../helpers/prerender.js';
import { freePort } from '../helpers/serve.js';

const POST = 'content/posts/learning-to-remember.md';
const POST_URL = '/posts/learning-to-remember/';
/** How long a save may take to reach the served page. */
const UPDATE_BUDGET_MS = 30_000;

async function get(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  return { status: res.status, body: await res.text() };
}

/** The TeX sources of the KaTeX elements in a page (the alttext of their MathML), in order. */
function annotations(html: string): string[] {
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&');
  return [...html.matchAll(/<math [^>]*\balttext="([^"]*)"/g)].map((m) => decode(m[1]!));
}

/** The article of a served page (without the live-reload script and the head). */
function article(html: string): string {
  const m = /<article[\s\S]*<\/article>/.exec(html);
  return m ? m[0] : '';
}

/** Polls `url` every 50 ms until `ok(body, status)`; returns the time it took, or throws with the last body. */
async function until(
  url: string,
  ok: (body: string, status: number) => boolean,
  budgetMs: number,
  since: number,
  context: () => string = () => '',
): Promise<number> {
  let last = { status: 0, body: '' };
  while (performance.now() - since < budgetMs) {
    try {
      last = await get(url);
      if (ok(last.body, last.status)) return Math.round(performance.now() - since);
    } catch {
      /* the server is rebuilding: try again */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} not updated within ${budgetMs} ms; last status ${last.status}:\n${article(last.body).slice(0, 2000)}\n${context()}`);
}

/** Lines of Hugo's output that must never appear while the watcher keeps up. */
function problems(output: string): string[] {
  return output
    .split('\n')
    .filter((l) => /^(ERROR|Error:)|\bERROR\b|parse failed|failed to parse|unexpected EOF|template: .*:\d+:|hugo-prerender: .*stale|cannot be read|not found/.test(l));
}

/** Destination and cache directories for one Hugo run, outside the site. */
function hugoDirs(): string[] {
  const work = tempDir('hp-hugo-server-');
  return ['--destination', path.join(work, 'public'), '--cacheDir', path.join(work, 'cache')];
}

describeEachHugo('hugo-prerender watch beside hugo server', (hugo) => {
  let site: string;
  let origin: string;
  let watcher: Proc | undefined;
  let server: Proc | undefined;
  const latencies: Record<string, number> = {};
  /** Output of servers already stopped (the restart in the deletion test). */
  const serverOutputs: string[] = [];
  const logs = () => `--- hugo:\n${server?.output().slice(-4000)}\n--- watch:\n${watcher?.output().slice(-2000)}`;
  const startServer = (port: number) =>
    start(
      hugo.bin,
      // A fresh destination each time: 0.169 renders to disk (0.111.3 to memory) and never cleans it.
      ['server', '--source', site, '--bind', '127.0.0.1', '--port', String(port), '--disableFastRender', ...hugoDirs()],
      site,
    );

  beforeAll(async () => {
    ensureBundle();
    site = copyProjectSite('fixtures/site');
    watcher = start(process.execPath, [CLI, 'watch', '-s', site], site);
    await watcher.waitFor(/watching for changes/, 60_000);
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    server = startServer(port);
    await server.waitFor(/Web Server is available/, 60_000);
  }, 150_000);

  afterAll(async () => {
    await Promise.all([server?.stop(), watcher?.stop()]);
    if (Object.keys(latencies).length) console.log(`save → served page, ${hugo.name}: ${JSON.stringify(latencies)} ms`);
  });

  it('serves the post with its math typeset', async () => {
    const { status, body } = await get(origin + POST_URL);
    expect(status).toBe(200);
    const page = article(body);
    expect(annotations(page).length).toBeGreaterThanOrEqual(40);
    expect(page).not.toMatch(/\$h_|\{\{&lt;|\{\{</);
  });

  it('serves an edit (a new formula and a new heading with math) typeset, within the time budget', async () => {
    const file = path.join(site, POST);
    const t0 = performance.now();
    appendFileSync(file, '\n## The Riemann $\\zeta$ function\n\nFor $\\Re(s) > 1$ the series $\\zeta(s)$ converges.\n');
    const ms = await until(
      origin + POST_URL,
      (body) => {
        const page = article(body);
        return annotations(page).includes('\\zeta(s)') && !page.includes('$\\zeta');
      },
      UPDATE_BUDGET_MS,
      t0,
      logs,
    );
    latencies.edit = ms;
    const page = article((await get(origin + POST_URL)).body);
    // The heading is an h2 with its math typeset, and the table of contents links to it.
    const heading = /<h2 id="([^"]+)">The Riemann (<span class="katex">[\s\S]*?)<\/h2>/.exec(page);
    expect(heading, 'the new heading').not.toBeNull();
    expect(annotations(heading![2]!)).toEqual(['\\zeta']);
    expect(page).toContain(`href="#${heading![1]}"`);
    // Nothing of the edit left raw.
    expect(page).not.toMatch(/\$\\zeta|\$\\Re|\{\{&lt; prerender/);
  });

  it('stays quiet while a save waits for the watcher (the transition Hugo renders in between)', async () => {
    // Hold the watcher so that Hugo surely rebuilds from the changed original before the shadow follows:
    // 0.169 re-renders the old shadow (its staleness check fires), 0.111 renders the original itself
    // (our shortcodes then need the stand-in templates the build writes).
    const file = path.join(site, POST);
    const before = server!.output().length;
    watcher!.child.kill('SIGSTOP');
    try {
      appendFileSync(file, '\nAnd $\\eta_{\\text{held}}$ waits for the watcher.\n');
      await server!.waitFor(/Total in|Rebuild failed/, 10_000, before);
      expect((await get(origin + POST_URL)).status).toBe(200);
    } finally {
      watcher!.child.kill('SIGCONT');
    }
    const t0 = performance.now();
    latencies.afterHold = await until(origin + POST_URL, (body) => annotations(article(body)).includes('\\eta_{\\text{held}}'), UPDATE_BUDGET_MS, t0);
    expect(problems(server!.output().slice(before)), server!.output().slice(before)).toEqual([]);
  });

  it('serves a new page typeset; a deleted page leaves the site (no ghost), and is a 404 once Hugo restarts', async () => {
    const file = path.join(site, 'content/posts/ghost.md');
    let t0 = performance.now();
    writeFileSync(file, '+++\ntitle = "Ghost"\n+++\n\nThe ghost of $\\alpha_t$.\n');
    latencies.newPage = await until(
      origin + '/posts/ghost/',
      (body, status) => status === 200 && annotations(article(body)).includes('\\alpha_t'),
      UPDATE_BUDGET_MS,
      t0,
      logs,
    );
    latencies.newPageListed = await until(origin + '/posts/', (body) => body.includes('/posts/ghost/'), UPDATE_BUDGET_MS, t0, logs);
    t0 = performance.now();
    unlinkSync(file);
    const shadow = path.join(site, '.prerender/content/posts/ghost.md');
    // Gone from the section list and the sitemap, and its shadow removed. `hugo server` itself keeps
    // serving the last HTML of a deleted page from memory until it restarts (both versions measured,
    // with or without hugo-prerender; gohugoio/hugo#5266: "a limitation with the current design").
    latencies.deletePage = await until(
      origin + '/posts/',
      (body, status) => status === 200 && !body.includes('/posts/ghost/') && !existsSync(shadow),
      UPDATE_BUDGET_MS,
      t0,
      logs,
    );
    // The sitemap may follow one rebuild later than the section list.
    await until(origin + '/sitemap.xml', (body, status) => status === 200 && !body.includes('/posts/ghost/'), UPDATE_BUDGET_MS, t0, logs);
    // A late rebuild does not bring the shadow back.
    await new Promise((r) => setTimeout(r, 1_200));
    expect(existsSync(shadow)).toBe(false);

    // A fresh hugo server (same site, same watcher) serves a 404 for it and the post as before.
    const output = server!.output();
    await server!.stop();
    serverOutputs.push(output);
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    server = startServer(port);
    await server.waitFor(/Web Server is available/, 60_000);
    expect((await get(origin + '/posts/ghost/')).status).toBe(404);
    const post = await get(origin + POST_URL);
    expect(post.status).toBe(200);
    expect(annotations(article(post.body))).toContain('\\zeta(s)');
  });

  it('never made Hugo print an error, a parse error or a staleness warning; the watcher reported no errors', async () => {
    // Let any rebuild still queued (Hugo batches on a 500 ms tick) finish and print.
    await new Promise((r) => setTimeout(r, 1_200));
    const all = [...serverOutputs, server!.output()].join('\n');
    expect(problems(all), all).toEqual([]);
    expect(watcher!.output()).not.toMatch(/: error: |internal error/);
    expect(readFileSync(path.join(site, POST), 'utf8')).toContain('\\zeta(s)');
  });
});
