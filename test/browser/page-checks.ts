// Small checks the browser tests make on a page: horizontal scrolling, visible focus, what is on
// the first screen, screenshots.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeViolations } from './axe.ts';
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

/** Whether the element's whole box is on the screen as the page opens (no scrolling). */
export function inFirstScreen(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((element) => {
    window.scrollTo(0, 0);
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
  });
}

export interface FirstScreen {
  /** CSS pixels the page scrolls sideways. */
  overflow: number;
  /** Elements running past the right edge, cut off or pushing the page wider (e.g. "p.ww-note"). */
  pastRightEdge: string[];
  /** The page's h1 is whole on the screen without scrolling. */
  headingInView: boolean;
  /** Where the first Tab lands, whether its focus shows, and whether it is on the screen. */
  firstTab: { href: string | null; visible: boolean; inView: boolean };
}

/** What a person notices first on a freshly opened page at its width; see FIRST_SCREEN_OK. */
export async function firstScreen(page: Page): Promise<FirstScreen> {
  const pastRightEdge = await page.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    // Inside a box that scrolls sideways on purpose (a wide table), running past is fine.
    const scrollsSideways = (element: Element | null): boolean => {
      for (let e = element; e && e !== document.body; e = e.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX)) return true;
      }
      return false;
    };
    return [...document.body.querySelectorAll('*')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && box.right > edge + 1 && !scrollsSideways(element.parentElement);
      })
      .map((element) => `${element.tagName.toLowerCase()}${element.classList.length > 0 ? `.${[...element.classList].join('.')}` : ''}`);
  });
  const overflow = await horizontalOverflow(page);
  const headingInView = await inFirstScreen(page, 'h1');
  await page.keyboard.press('Tab');
  const focus = await focusState(page);
  const inView = await page.evaluate(() => {
    const box = document.activeElement?.getBoundingClientRect();
    return !!box && box.width > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
  });
  return { overflow, pastRightEdge, headingInView, firstTab: { href: focus.href, visible: focus.visible, inView } };
}

/** A first screen as it should be: nothing sideways, the heading in view, the skip link first. */
export const FIRST_SCREEN_OK: FirstScreen = {
  overflow: 0,
  pastRightEdge: [],
  headingInView: true,
  firstTab: { href: '#main', visible: true, inView: true },
};

/** Axe clean at a phone's and a desktop's width, and nothing wider than the screen down to 320 px. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
    expect(await axeViolations(page), `${name} at ${width} px`).toEqual([]);
    expect(await horizontalOverflow(page), `${name} at ${width} px: sideways scrolling`).toBe(0);
  }
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await horizontalOverflow(page), `${name} at 320 px: sideways scrolling`).toBe(0);
  await page.setViewportSize({ width: 390, height: 844 });
}
