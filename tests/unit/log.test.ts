import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDiagnostic } from '../../src/build.js';
import { escapeControls, safeLine, safeLines } from '../../src/log.js';

// What a CI runner or a terminal would act on in one printed line.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const acted = (line: string) => CONTROL.test(line) || /^\s*(::|##\[)/.test(line) || /##vso\[/i.test(line);

describe('diagnostics are safe to print', () => {
  it('escapes terminal escapes, CR, NUL, newlines and bidi overrides visibly', () => {
    expect(escapeControls('a\u001b[2Jb\rc\u0000d\ne\u0007f\u202eg\u009bh')).toBe('a\\e[2Jb\\rc\\0d\\ne\\x07f\\u202eg\\x9bh');
  });

  it('a GitHub Actions command in a parameter cannot start a line of its own', () => {
    const out = formatDiagnostic({
      severity: 'error',
      file: 'content/posts/x.md',
      line: 3,
      column: 7,
      message: 'figure: image "a.png\n::error file=README.md::pwned\n::add-mask::x" was not found',
    });
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toBe('content/posts/x.md:3:7: error: figure: image "a.png\\n::error file=README.md::pwned\\n::add-mask::x" was not found');
  });

  it('breaks Azure ##vso[ commands anywhere in the line and ::/##[ at its start', () => {
    expect(safeLine('x ##vso[task.setvariable variable=a]b')).toBe('x #\\x23vso[task.setvariable variable=a]b');
    expect(safeLine('::error::boom')).toBe('\\x3a:error::boom');
    expect(safeLine('##[error]boom')).toBe('\\x23#[error]boom');
    const noFile = formatDiagnostic({ severity: 'warning', line: 1, column: 1, message: '##vso[task.complete result=Succeeded]' });
    expect(acted(noFile)).toBe(false);
  });

  it('a hostile file name is printed escaped', () => {
    const out = formatDiagnostic({ severity: 'warning', file: '::warning::\u001b]0;title\u0007.md', line: 1, column: 1, message: 'm' });
    expect(out).toBe('\\x3a:warning::\\e]0;title\\x07.md:1:1: warning: m');
  });

  it('plain text is printed as it is', () => {
    const d = { severity: 'error' as const, file: 'content/posts/héllo wörld.md', line: 2, column: 5, message: 'unknown macro "\\foo" (in "a::b ##x")' };
    expect(formatDiagnostic(d)).toBe(`${d.file}:2:5: error: ${d.message}`);
  });

  it('no input makes a line a runner or a terminal acts on (property)', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom('::', '##vso[', '##VSO[', '##[', '\n', '\r', '\u001b', '\u0085', '\u2028', ' ::'),
    );
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 8 }), fc.array(hostile, { maxLength: 8 }), (file, message) => {
        const f = file.join('');
        const out = formatDiagnostic({ severity: 'error', file: f === '' ? undefined : f, line: 1, column: 1, message: message.join('') });
        return !acted(out);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('safeLines', () => {
  it('keeps the lines of multi-line output (a stack trace, check output), each made safe', () => {
    expect(safeLines('a\n::error::x\n  ##[group]y\r\n\u001b[31mz')).toBe('a\n\\x3a:error::x\n  \\x23#[group]y\\r\n\\e[31mz');
  });
});
