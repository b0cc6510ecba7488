// Draws the example site's two PNG figures (the seed post's `figure` images) from our own diagrams, so the
// example site ships real images without borrowing textbook figures. Run after `npm run bundle`:
//   node scripts/make-fixture-images.mjs
import sharp from 'sharp';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderStandalone } from '../dist/index.js';

const out = fileURLToPath(new URL('../fixtures/site/static/images/', import.meta.url));
mkdirSync(out, { recursive: true });

// A light page: the SVG's own CSS resolves currentColor and the accents; rasterisers have no page, so set
// the text colour on the root.
async function png(name, params, file) {
  const { html, diagnostics } = await renderStandalone(name, params);
  if (diagnostics.length) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  const svg = html.match(/<svg[\s\S]*<\/svg>/)?.[0];
  if (!svg) throw new Error(`${name}: no <svg> in the output`);
  const themed = svg.replace('<svg ', '<svg color="#1d1f21" style="background:#fdfdfb" ');
  await sharp(Buffer.from(themed), { density: 144 }).flatten({ background: '#fdfdfb' }).png({ compressionLevel: 9 }).toFile(out + file);
  console.log(`wrote fixtures/site/static/images/${file}`);
}

await png('rnn-unroll', { steps: 3, outputs: true }, 'RNN_unroll.png');
await png('rnn-architectures', {}, 'RNN_models.png');
await png('rnn-unroll', { steps: 4, folded: false, outputs: true, losses: true, bptt: true }, 'BPTT.png');
