// Astro's client types, so `astro check --noSync` works on a clean clone (src/.astro is generated).
/// <reference types="astro/client" />
