/**
 * The two blessed widgets grove builds its screen from: the screen itself, and the box that every view
 * is (or that a pane uses to claim its rectangle before drawing into the grid itself).
 *
 * They are loaded from their own files, not through neo-blessed's index, which loads every one of its
 * thirty-odd widgets (images, video, a terminal, forms, file managers) and costs the UI a sixth of its
 * start-up for code grove never runs. `require` rather than `import`: neo-blessed is CommonJS, and
 * Node's ESM wrapper for a CommonJS file first scans its source for export names it does not need.
 *
 * One more start-up cost is blessed's own: opening a screen turns every string capability of the
 * terminal's terminfo entry into a JavaScript function (`new Function`), some four hundred of them, of
 * which a screen uses a dozen. Each is compiled the first time it is called instead: the same function,
 * built later (measured: 25 → 16 ms to open a screen).
 */
import { createRequire } from 'node:module';
import type { Widgets } from 'blessed';

const load = createRequire(import.meta.url);

interface TputPrototype {
  _compile(this: unknown, info: unknown, key: string, capability: unknown): unknown;
}

function compileCapabilitiesWhenUsed(tput: { prototype: TputPrototype }): void {
  const compileNow = tput.prototype._compile;
  tput.prototype._compile = function (info, key, capability) {
    // Flags, numbers, absent capabilities and the two that name files are not code: as they were.
    if (typeof capability !== 'string' || capability === '' || key === 'init_file' || key === 'reset_file') {
      return compileNow.call(this, info, key, capability);
    }
    const owner = this;
    let compiled: ((this: unknown, params: unknown) => string) | undefined;
    return function (this: unknown, params: unknown): string {
      compiled ??= compileNow.call(owner, info, key, capability) as (this: unknown, params: unknown) => string;
      return compiled.call(this, params);
    };
  };
}

compileCapabilitiesWhenUsed(load('neo-blessed/lib/tput') as { prototype: TputPrototype });

export const box = load('neo-blessed/lib/widgets/box') as (options?: Widgets.BoxOptions) => Widgets.BoxElement;
export const screen = load('neo-blessed/lib/widgets/screen') as (options?: Widgets.IScreenOptions) => Widgets.Screen;
