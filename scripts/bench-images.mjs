// The images part of `npm run bench` (also runs alone: node scripts/bench-images.mjs, after a build):
// the same images through @11ty/eleventy-img and through hugo-prerender's pipeline, in one run, with the
// same widths, formats and quality, both in memory (eleventy-img's dryRun; our pipeline with a store
// that keeps the bytes), neither with a cache. Prints the time ratio (ours / eleventy-img, median of
// alternating runs) and the output bytes per format. Both use the same sharp (package.json overrides
// eleventy-img's own), so the comparison is of the pipelines, not of two libvips builds.
//
// Images (fixtures/images/README.md): the seed post's two figures, a screenshot, and two photos made
// here from a seeded noise field (one stored sideways with an EXIF orientation and GPS tags).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import Image from '@11ty/eleventy-img';
import { DEFAULT_IMAGE_OPTIONS, ImagePipeline } from '../dist/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_IMAGE_RUNS ?? 3);
const WIDTHS = [400, 800, 1200];
const QUALITY = { avif: 50, webp: 80, jpeg: 80 };

/** A photo-like field: smooth value noise over five octaves, coloured like a landscape, with grain. */
async function photo(width, height, seed) {
  let s = seed >>> 0;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const G = 257;
  const grid = Float32Array.from({ length: G * G }, rand);
  const smooth = (t) => t * t * (3 - 2 * t);
  const noise = (x, y) => {
    const xi = Math.floor(x) % (G - 1);
    const yi = Math.floor(y) % (G - 1);
    const xf = smooth(x - Math.floor(x));
    const yf = smooth(y - Math.floor(y));
    const a = grid[yi * G + xi] + (grid[yi * G + xi + 1] - grid[yi * G + xi]) * xf;
    const b = grid[(yi + 1) * G + xi] + (grid[(yi + 1) * G + xi + 1] - grid[(yi + 1) * G + xi]) * xf;
    return a + (b - a) * yf;
  };
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let n = 0;
      let amp = 0.5;
      for (let o = 0, f = 4 / width; o < 5; o++, f *= 2, amp /= 2) n += amp * noise(x * f * 8, y * f * 8);
      const horizon = y / height + (n - 0.5) * 0.35;
      const grain = (rand() - 0.5) * 10;
      const i = (y * width + x) * 3;
      if (horizon < 0.45) {
        raw[i] = 120 + 80 * n + grain;
        raw[i + 1] = 160 + 60 * n + grain;
        raw[i + 2] = 220 + 30 * n + grain;
      } else {
        raw[i] = 40 + 90 * n + grain;
        raw[i + 1] = 70 + 110 * n + grain;
        raw[i + 2] = 30 + 40 * n + grain;
      }
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

const dir = path.join(tmpdir(), `hp-bench-images-${process.pid}`);
mkdirSync(dir, { recursive: true });
try {
  const files = [
    path.join(root, 'fixtures/site/static/images/RNN_unroll.png'),
    path.join(root, 'fixtures/site/static/images/RNN_models.png'),
    path.join(root, 'fixtures/images/screenshot-seed-post.png'),
  ];
  const landscape = path.join(dir, 'photo-landscape.jpg');
  writeFileSync(landscape, await (await photo(1800, 1200, 1)).jpeg({ quality: 90 }).toBuffer());
  const portrait = path.join(dir, 'photo-portrait.jpg');
  // Stored 1800×1200 and tagged "rotate 90° clockwise": a portrait photo straight from a phone.
  writeFileSync(
    portrait,
    await (await photo(1800, 1200, 2))
      .jpeg({ quality: 90 })
      .withExif({ IFD0: { Make: 'BenchCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 0/1' } })
      .withMetadata({ orientation: 6 })
      .toBuffer(),
  );
  files.push(landscape, portrait);
  const inputs = await Promise.all(files.map(async (f) => ({ file: f, bytes: readFileSync(f), meta: await sharp(f).metadata() })));

  const options = { ...DEFAULT_IMAGE_OPTIONS, widths: WIDTHS, formats: ['avif', 'webp'], quality: QUALITY };
  async function ours() {
    const out = new Map();
    const store = {
      writeStatic: (rel, data) => out.set(rel, data),
      keepStatic: () => false,
      readCache: () => undefined,
      writeCache: () => {},
    };
    const pipeline = new ImagePipeline({ store, options });
    const results = await Promise.all(inputs.map((i) => pipeline.prepare(i.file, path.basename(i.file))));
    for (const r of results) if (!r.image || r.warnings.length) throw new Error(`our pipeline: ${r.warnings.join('; ')}`);
    return [...out].map(([rel, data]) => ({ format: formatOf(rel), bytes: data.length }));
  }
  async function eleventy() {
    const results = await Promise.all(
      inputs.map((i) =>
        Image(i.bytes, {
          widths: WIDTHS,
          formats: ['avif', 'webp', 'auto'],
          dryRun: true,
          useCache: false,
          sharpAvifOptions: { quality: QUALITY.avif },
          sharpWebpOptions: { quality: QUALITY.webp },
          sharpJpegOptions: { quality: QUALITY.jpeg },
          // What our pipeline does for PNGs: a palette image stays one.
          sharpPngOptions: { palette: i.meta.isPalette === true },
        }),
      ),
    );
    return results.flatMap((r) => Object.values(r).flat().map((v) => ({ format: v.format === 'jpeg' ? 'jpeg' : v.format, bytes: v.size })));
  }
  const formatOf = (rel) => ({ avif: 'avif', webp: 'webp', jpg: 'jpeg', png: 'png', gif: 'gif' })[rel.split('.').pop()];

  const times = { ours: [], eleventy: [] };
  let outputs = {};
  // Alternate, so that both see the same machine load; the first pair warms both up and is dropped.
  for (let run = 0; run <= RUNS; run++) {
    for (const [name, fn] of run % 2 ? [['eleventy', eleventy], ['ours', ours]] : [['ours', ours], ['eleventy', eleventy]]) {
      const t0 = performance.now();
      outputs[name] = await fn();
      if (run > 0) times[name].push(performance.now() - t0);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const sum = (list, format) => list.filter((v) => !format || v.format === format).reduce((a, v) => a + v.bytes, 0);
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const w = 28;
  console.log(
    `\nimages: ${inputs.length} images (${inputs.map((i) => `${path.basename(i.file)} ${i.meta.width}×${i.meta.height}`).join(', ')}),\n` +
      `widths ${WIDTHS.join('/')}, AVIF q${QUALITY.avif}, WebP q${QUALITY.webp}, JPEG q${QUALITY.jpeg}, PNG as is; median of ${RUNS} alternating runs\n`,
  );
  console.log(`${'pipeline'.padEnd(w)}  ${'ms'.padStart(9)}  ${'files'.padStart(6)}  ${'avif'.padStart(11)}  ${'webp'.padStart(11)}  ${'jpeg'.padStart(11)}  ${'png'.padStart(11)}  ${'total'.padStart(11)}`);
  for (const [name, label] of [['eleventy', '@11ty/eleventy-img (baseline)'], ['ours', 'hugo-prerender']]) {
    const o = outputs[name];
    console.log(
      `${label.padEnd(w)}  ${median(times[name]).toFixed(0).padStart(9)}  ${String(o.length).padStart(6)}  ` +
        ['avif', 'webp', 'jpeg', 'png', undefined].map((f) => kb(sum(o, f)).padStart(11)).join('  '),
    );
  }
  const ratio = median(times.ours) / median(times.eleventy);
  const bytes = sum(outputs.ours) / sum(outputs.eleventy);
  console.log(`\ntime ours / eleventy-img: ${ratio.toFixed(3)}; bytes ours / eleventy-img: ${bytes.toFixed(3)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
