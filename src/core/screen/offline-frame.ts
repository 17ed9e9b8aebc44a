/**
 * A pane whose machine is out of reach keeps its last screen, dimmed, with a line saying why on its
 * bottom row ("box: reconnecting…"), as tmux leaves a dead pane's last screen up. The cursor is hidden:
 * nothing can be typed there until the link is back, when the server's own screen replaces this one.
 */
import { Attr, PLAIN, type PaneFrame, type Run } from './frame.js';

export function offlineFrame(frame: PaneFrame, note: string): PaneFrame {
  if (frame.rows === 0) return frame;
  const dim = (run: Run): Run => ({ style: { ...run.style, attrs: run.style.attrs | Attr.DIM }, cells: run.cells });
  const text = [...` ${note} `].slice(0, frame.cols);
  const last: Run[] = [
    { style: { ...PLAIN, attrs: Attr.INVERSE }, cells: text },
    { style: PLAIN, cells: Array<string>(frame.cols - text.length).fill(' ') },
  ];
  return { ...frame, lines: [...frame.lines.slice(0, -1).map((line) => line.map(dim)), last], cursor: { ...frame.cursor, visible: false } };
}
