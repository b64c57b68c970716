/**
 * The data a page carries for its script, in a `<script type="application/json">` block the page wrote at build
 * time; undefined when the block is missing or unreadable, so each script can fall back to its no-JavaScript page.
 */
export function readPageJson<T>(selector: string): T | undefined {
  try {
    return (JSON.parse(document.querySelector(selector)?.textContent || 'null') as T | null) ?? undefined;
  } catch {
    return undefined;
  }
}
