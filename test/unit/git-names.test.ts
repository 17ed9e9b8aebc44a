import { describe, expect, it } from 'vitest';
import {
  branchNameProblem,
  branchPrefixProblem,
  cleanLockReason,
  refArgumentProblem,
  slugify,
} from '../../src/core/git/names.js';

describe('slugify', () => {
  it.each([
    ['Fix Login', 'fix-login'],
    ['$(touch x)', 'touch-x'],
    ['--upload-pack=x', 'upload-pack-x'],
    ['../../etc', 'etc'],
    ['a b', 'a-b'],
    ['日本', '日本'],
    ['Café au lait', 'café-au-lait'],
    ['v1..2', 'v1.2'],
    ['.hidden', 'hidden'],
    ['thing.lock', 'thing'],
    ['x.lock.lock', 'x'],
    ['__init__', 'init'],
    ['a\tb\nc', 'a-b-c'],
  ])('%j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('gives nothing for names without letters or digits', () => {
    expect(slugify('../..')).toBeUndefined();
    expect(slugify('  ')).toBeUndefined();
    expect(slugify('$()')).toBeUndefined();
  });

  it('keeps slugs short, and never ends them on punctuation after cutting', () => {
    const slug = slugify(`${'a'.repeat(47)}-bcdef`)!;
    expect(slug).toBe('a'.repeat(47));
    expect([...slugify('日'.repeat(100))!]).toHaveLength(48);
  });

  it('always produces a valid branch suffix', () => {
    for (const name of ['-x-', 'a..b', '@{-1}', 'x/y', 'HEAD', 'q?*[', 'a\\b', '~^:']) {
      const slug = slugify(name);
      if (slug) expect(branchNameProblem(`grove/${slug}`)).toBeUndefined();
    }
  });
});

describe('branch names', () => {
  it('accepts what git accepts', () => {
    for (const name of ['main', 'grove/fix-login', 'feature/日本語', 'a.b', 'x-y_z'])
      expect(branchNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['', /empty/],
    ['-x', /option/],
    ['--upload-pack=x', /option/],
    ['HEAD', /not a branch name/],
    ['a b', /space/],
    ['a~1', /space or one of/],
    ['a..b', /"\.\."/],
    ['@{-1}', /"@\{"/],
    ['/a', /empty path segment/],
    ['a//b', /empty path segment/],
    ['a/', /empty path segment/],
    ['a.', /ends with "."/],
    ['a/.b', /starting with "\."/],
    ['a.lock', /\.lock/],
    ['a\u0001b', /space or one of/],
  ])('refuses %j', (name, why) => {
    expect(branchNameProblem(name)).toMatch(why);
  });

  it('checks prefixes as the start of a branch name', () => {
    expect(branchPrefixProblem('grove/')).toBeUndefined();
    expect(branchPrefixProblem('agent-')).toBeUndefined();
    expect(branchPrefixProblem('')).toBeUndefined();
    expect(branchPrefixProblem('-x/')).toMatch(/unusable/);
    expect(branchPrefixProblem('a b/')).toMatch(/unusable/);
  });
});

describe('ref arguments and lock reasons', () => {
  it('refuses refs that could be read as options or hide whitespace', () => {
    expect(refArgumentProblem('origin/main')).toBeUndefined();
    expect(refArgumentProblem('HEAD~2')).toBeUndefined();
    expect(refArgumentProblem('--output=x')).toMatch(/option/);
    expect(refArgumentProblem('a b')).toMatch(/space/);
    expect(refArgumentProblem('')).toMatch(/empty/);
  });

  it('makes a lock reason one line', () => {
    expect(cleanLockReason('grove session x\nline two\t!')).toBe('grove session x line two !');
    expect(cleanLockReason('\n')).toBe('grove session');
  });
});
