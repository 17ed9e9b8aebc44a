import { describe, expect, it } from 'vitest';
import { compileGlob, compileGlobs } from '../../src/core/git/glob.js';

function matches(pattern: string, path: string): boolean {
  return compileGlob(pattern).matches(path);
}

describe('glob matching', () => {
  it('matches a bare name at any depth, like .gitignore', () => {
    expect(matches('.env', '.env')).toBe(true);
    expect(matches('.env', 'api/.env')).toBe(true);
    expect(matches('.env', 'api/.env.local')).toBe(false);
    expect(matches('.env.*', 'api/.env.local')).toBe(true);
    expect(matches('.env.*', '.env')).toBe(false);
  });

  it('anchors patterns with a slash at the root', () => {
    expect(matches('config/*.json', 'config/app.json')).toBe(true);
    expect(matches('config/*.json', 'sub/config/app.json')).toBe(false);
    expect(matches('/local.txt', 'local.txt')).toBe(true);
    expect(matches('/local.txt', 'a/local.txt')).toBe(false);
  });

  it('keeps * and ? within one segment', () => {
    expect(matches('config/*', 'config/a/b')).toBe(false);
    expect(matches('a?c', 'abc')).toBe(true);
    expect(matches('a?c', 'a/c')).toBe(false);
    expect(matches('*.txt', 'dir/notes.txt')).toBe(true);
  });

  it('lets ** span any number of segments, none included', () => {
    expect(matches('secrets/**/*.pem', 'secrets/a.pem')).toBe(true);
    expect(matches('secrets/**/*.pem', 'secrets/x/y/z.pem')).toBe(true);
    expect(matches('secrets/**/*.pem', 'other/x.pem')).toBe(false);
    expect(matches('**/local/*.yml', 'a/b/local/c.yml')).toBe(true);
    expect(matches('a/**', 'a/x/y')).toBe(true);
    expect(matches('a/**/b/**/c', 'a/b/c')).toBe(true);
    expect(matches('a/**/b/**/c', 'a/x/b/y/z/c')).toBe(true);
    expect(matches('a/**/b/**/c', 'a/x/c')).toBe(false);
  });

  it('treats regex characters and escapes literally', () => {
    expect(matches('a+b(1).txt', 'a+b(1).txt')).toBe(true);
    expect(matches('a.txt', 'abtxt')).toBe(false);
    expect(matches('\\*.txt', '*.txt')).toBe(true);
    expect(matches('\\*.txt', 'x.txt')).toBe(false);
  });

  it('handles many ** without blowing up', () => {
    const pattern = `${'**/'.repeat(20)}z`;
    expect(matches(pattern, `${'a/'.repeat(30)}y`)).toBe(false);
    expect(matches(pattern, `${'a/'.repeat(30)}z`)).toBe(true);
  });
});

describe('deciding which ignored folders to walk into', () => {
  it('walks where an anchored pattern leads, and nowhere for bare names', () => {
    expect(compileGlob('config/**/*.json').couldMatchBelow('config')).toBe(true);
    expect(compileGlob('config/**/*.json').couldMatchBelow('config/deep/er')).toBe(true);
    expect(compileGlob('config/*.json').couldMatchBelow('node_modules')).toBe(false);
    expect(compileGlob('config/*.json').couldMatchBelow('config/sub')).toBe(false);
    expect(compileGlob('.env').couldMatchBelow('node_modules')).toBe(false);
    expect(compileGlob('**/.env').couldMatchBelow('node_modules')).toBe(true);
  });

  it('skips blank patterns', () => {
    expect(compileGlobs(['', '  ', '.env']).map((g) => g.source)).toEqual(['.env']);
  });
});
