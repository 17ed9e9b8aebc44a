/**
 * The themes grove can use: the built-in ones shipped in the package's `themes/` folder, and the user's
 * in `<config dir>/themes/`, each a JSON file named after its theme. A user theme with a built-in's
 * name replaces it, so the way to adjust `default` is to copy it there and edit the copy.
 *
 * The catalog holds each theme's text, unparsed: only the theme in use has to be valid for grove to
 * start, while `grove config check` and `grove themes` look at them all (schema-checks.ts parses them).
 */

export interface ThemeSource {
  readonly name: string;
  /** The file, as shown to the user. */
  readonly file: string;
  readonly text: string;
  readonly origin: 'built-in' | 'user';
  /** A user theme that replaces the built-in of the same name. */
  readonly shadowsBuiltIn: boolean;
}

export type ThemeCatalog = ReadonlyMap<string, ThemeSource>;

const THEME_NAME = /^[A-Za-z0-9][\w.-]*$/u;

/** The theme a file defines by its name (`solarized-dark.json` → `solarized-dark`), if it is a theme file. */
export function themeNameOf(fileName: string): string | undefined {
  if (!fileName.endsWith('.json')) return undefined;
  const name = fileName.slice(0, -'.json'.length);
  return THEME_NAME.test(name) ? name : undefined;
}

type Found = Omit<ThemeSource, 'origin' | 'shadowsBuiltIn'>;

/** All themes by name, sorted, user themes replacing built-in ones. */
export function buildThemeCatalog(builtIn: readonly Found[], user: readonly Found[]): ThemeCatalog {
  const byName = new Map<string, ThemeSource>();
  for (const theme of builtIn) byName.set(theme.name, { ...theme, origin: 'built-in', shadowsBuiltIn: false });
  for (const theme of user) byName.set(theme.name, { ...theme, origin: 'user', shadowsBuiltIn: byName.has(theme.name) });
  // Names are letters, digits and `_.-` (THEME_NAME), so code-unit order will do: localeCompare would
  // start up ICU's collation, 10-20 ms of the UI's start-up, to sort a handful of names.
  return new Map([...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
