// `npm run demo`: prerender the bundled example site, then build it with Hugo when Hugo is installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const site = path.join(root, 'fixtures/site');
const cli = path.join(root, 'dist/cli.js');

function run(cmd, args) {
  console.log(`$ ${[cmd, ...args].map((a) => (a.includes(' ') ? JSON.stringify(a) : a)).join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', cwd: root });
}

const pre = run(process.execPath, [cli, 'build', '-s', path.relative(root, site)]);
if (pre.status !== 0) {
  console.error('\nThe prerender step reported errors (above).');
  process.exit(pre.status ?? 1);
}

const hugo = process.env.HUGO_BIN || 'hugo';
const probe = spawnSync(hugo, ['version'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) {
  console.log(
    '\nHugo is not installed, so the site was prerendered (see fixtures/site/.prerender/) but not built.\n' +
      'Install Hugo 0.111 or newer (Debian/Ubuntu: sudo apt-get install hugo; other systems: see Hugo\'s\n' +
      'installation guide), then run `npm run demo` again, or set HUGO_BIN to a hugo binary.',
  );
  process.exit(0);
}
console.log(`\nUsing ${probe.stdout.trim()}`);
const built = run(hugo, ['--source', path.relative(root, site), '--cleanDestinationDir']);
if (built.status !== 0) process.exit(built.status ?? 1);
const page = path.join(site, 'public/posts/learning-to-remember/index.html');
if (!existsSync(page)) {
  console.error(`\nHugo ran, but ${page} was not written.`);
  process.exit(1);
}
console.log(`\nBuilt page: ${page}`);
console.log(
  `Write with it:  node dist/cli.js serve -s ${path.relative(root, site)}   (hugo server, the post prerendered again on every save; then open /posts/learning-to-remember/)`,
);
