/**
 * neo-blessed is the maintained fork of blessed with the same API, but ships no types: it borrows
 * @types/blessed, so `import blessed from 'neo-blessed'` is typed exactly like blessed.
 */
declare module 'neo-blessed' {
  import blessed = require('blessed');
  export = blessed;
}
