const pending = new WeakMap<HTMLElement, number>();

/**
 * Says `text` in a live region (a status line). Emptied first and filled a moment later, so the same
 * words twice are announced twice; a newer text (or '' to clear) replaces one not yet shown, so an
 * earlier message never lands after a later one.
 */
export function sayIn(line: HTMLElement | null | undefined, text: string): void {
  if (!line) return;
  window.clearTimeout(pending.get(line));
  line.textContent = '';
  if (text) pending.set(line, window.setTimeout(() => { line.textContent = text; }, 50));
}
