/**
 * The Hugo that renders the site (src/site/hugo-version.ts): its version parsed from `hugo version`,
 * compared, and remembered per binary so that a warm build does not spend 0.1 s asking again.
 */
import { chmodSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hugoVersionFor, onPath, parseHugoVersion, versionBefore } from '../../src/site/hugo-version.js';
import { PrerenderOutput } from '../../src/site/output.js';
import { tempDir } from '../helpers/hugo.js';

describe('hugo-version', () => {
  it('parses what hugo version prints, and orders versions numerically', () => {
    expect(parseHugoVersion('hugo v0.111.3+extended linux/amd64 BuildDate=2023-03-16T08:41:31Z VendorInfo=debian:0.111.3-1')).toBe('0.111.3');
    expect(parseHugoVersion('hugo v0.169.0-abc+extended+withdeploy linux/amd64')).toBe('0.169.0');
    expect(versionBefore('0.111.3', '0.144.0')).toBe(true);
    expect(versionBefore('0.144.0', '0.144.0')).toBe(false);
    expect(versionBefore('0.99.1', '0.144.0')).toBe(true);
    expect(versionBefore('0.169.0', '0.144.0')).toBe(false);
  });

  it('asks a binary once, until it changes; finds one on PATH; says nothing of a missing one', () => {
    const dir = tempDir('hp-hugo-version-');
    const bin = path.join(dir, 'bin');
    const fake = path.join(bin, 'hugo');
    const count = path.join(dir, 'asked');
    const script = (v: string) => `#!/bin/sh\necho x >> '${count}'\necho 'hugo v${v}+extended linux/amd64'\n`;
    write(fake, script('0.111.3'));
    const site = path.join(dir, 'site');
    mkdirSync(site);
    const asked = () => (tryRead(count).match(/x/g) ?? []).length;
    const version = () => hugoVersionFor(new PrerenderOutput(site), fake);
    expect(version()).toBe('0.111.3');
    expect(version()).toBe('0.111.3');
    expect(asked()).toBe(1);
    write(fake, script('0.145.0'));
    utimesSync(fake, new Date('2030-01-01'), new Date('2030-01-01'));
    expect(version()).toBe('0.145.0');
    expect(asked()).toBe(2);
    expect(onPath('hugo', `${path.join(dir, 'nowhere')}${path.delimiter}${bin}`)).toBe(fake);
    expect(hugoVersionFor(new PrerenderOutput(site), path.join(dir, 'missing'))).toBeUndefined();
  });
});

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  chmodSync(file, 0o755);
}

function tryRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
