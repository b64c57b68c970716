// A horizontal bar chart as plain SVG, for figures that also stand in a table under it: one group
// of bars per item (one bar per series), a legend on top, each bar's figure at its end. The SVG is
// one image to assistive technology (role="img", its <title> and <desc>), drawn at the width of
// its box so its text keeps the page's size at 320 px too (long names wrap). A figure given as
// text ("<5") gets no bar, only its text.
const SVG = 'http://www.w3.org/2000/svg';
const FONT_PX = 14;
const LINE_PX = 20;
const BAR_PX = 16;
const BAR_GAP_PX = 4;
const GROUP_GAP_PX = 14;
/** Room after the longest bar for its figure. */
const FIGURE_PX = 48;
/** A rough width of a character at FONT_PX, for wrapping names. */
const CHAR_PX = 7.5;

export interface BarGroup {
  label: string;
  /** One figure per series, in the series' order. */
  values: ReadonlyArray<number | string>;
}

export interface BarChartInput {
  id: string;
  title: string;
  description: string;
  series: readonly string[];
  groups: readonly BarGroup[];
  width: number;
  format(value: number): string;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Breaks a name into lines that fit `width`, at spaces. */
function wrap(text: string, width: number): string[] {
  const perLine = Math.max(12, Math.floor(width / CHAR_PX));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function barChart(input: BarChartInput): SVGSVGElement {
  const width = Math.max(280, Math.floor(input.width));
  const largest = Math.max(1, ...input.groups.flatMap((g) => g.values.filter((v): v is number => typeof v === 'number')));
  const scale = (width - FIGURE_PX) / largest;
  const parts: SVGElement[] = [];
  let y = 0;

  // The legend: one line per series, a swatch of its colour before its name.
  input.series.forEach((name, s) => {
    parts.push(svg('rect', { x: 0, y: y + 3, width: BAR_PX, height: BAR_PX - 2, class: `ww-chart__bar ww-chart__bar--${s}` }));
    parts.push(svg('text', { x: BAR_PX + 8, y: y + FONT_PX + 1, class: 'ww-chart__text' }, name));
    y += LINE_PX;
  });
  y += GROUP_GAP_PX / 2;

  for (const group of input.groups) {
    for (const line of wrap(group.label, width)) {
      y += LINE_PX;
      parts.push(svg('text', { x: 0, y: y - 5, class: 'ww-chart__text ww-chart__label' }, line));
    }
    group.values.forEach((value, s) => {
      const length = typeof value === 'number' ? Math.max(value > 0 ? 2 : 0, value * scale) : 0;
      if (length > 0) parts.push(svg('rect', { x: 0, y, width: length.toFixed(1), height: BAR_PX, class: `ww-chart__bar ww-chart__bar--${s}` }));
      const figure = typeof value === 'number' ? input.format(value) : value;
      parts.push(svg('text', { x: (length + 6).toFixed(1), y: y + FONT_PX - 1, class: 'ww-chart__text ww-chart__figure' }, figure));
      y += BAR_PX + BAR_GAP_PX;
    });
    y += GROUP_GAP_PX;
  }

  const chart = svg('svg', { role: 'img', width, height: y, viewBox: `0 0 ${width} ${y}`, 'aria-labelledby': `${input.id}-title ${input.id}-desc`, class: 'ww-chart__svg' });
  chart.append(svg('title', { id: `${input.id}-title` }, input.title), svg('desc', { id: `${input.id}-desc` }, input.description), ...parts);
  return chart;
}
