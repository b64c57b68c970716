// Small checks the browser tests make on a page: horizontal scrolling, visible focus, screenshots.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './harness.ts';

/** How many CSS pixels the page is wider than the viewport (0 when nothing scrolls sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The focused element and whether it shows a focus indicator (an outline or a box shadow, on itself or its ::after). */
export function focusState(page: Page): Promise<{ tag: string; id: string; text: string; href: string | null; visible: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { tag: 'body', id: '', text: '', href: null, visible: false };
    const shows = (style: CSSStyleDeclaration) =>
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || (style.boxShadow !== '' && style.boxShadow !== 'none');
    const visible = shows(getComputedStyle(element)) || shows(getComputedStyle(element, '::after'));
    return { tag: element.tagName.toLowerCase(), id: element.id, text: (element.textContent ?? '').trim(), href: element.getAttribute('href'), visible };
  });
}

/** Saves a full-page screenshot as test-results/screenshots/{name}-{width}.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}-${page.viewportSize()?.width ?? 0}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
