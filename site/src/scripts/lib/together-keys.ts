// Together mode's keys in this browser and how they are all removed, apart from browser-store.ts
// so a page that only has to end together mode (the portal's sign-out) carries neither the store
// nor the together bar it loads.

/** The sessionStorage key of the together session; every client key starts with TOGETHER_PREFIX. */
export const TOGETHER_KEY = 'woonwijzer.together';
export const TOGETHER_PREFIX = 'woonwijzer.together.';
/** Every key the site writes starts with this. */
export const SITE_PREFIX = 'woonwijzer.';

/**
 * Leaves together mode: every key the site wrote in this tab's sessionStorage (the client's
 * answers, favourites, report name, the step and result last opened) and any together key in
 * localStorage. Stopping, signing out and an ended session all come here.
 */
export function forgetTogether(): void {
  for (const [area, prefix] of [[() => sessionStorage, SITE_PREFIX], [() => localStorage, TOGETHER_PREFIX]] as const) {
    try {
      const storage = area();
      const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key): key is string => key?.startsWith(prefix) === true);
      for (const key of keys) storage.removeItem(key);
    } catch {
      // Storage switched off: nothing was kept in it.
    }
  }
}
