// Read-aloud on the easy-read pages: every [data-speak] button speaks the text of the elements it
// names (ids) with the browser's speech synthesis, in a voice of the page's language (Dutch:
// nl-NL, else nl-BE, else any Dutch voice). Without such a voice, or without speech synthesis, the
// button and the page's status line say so in words: an English voice reading Dutch is no help.
// Also keeps the easy-read preference in this browser while the person is on these pages.
import { saveEasyRead } from '../lib/browser-store.ts';

/** Chrome fills its voice list after the page loads: this long at most is waited for it. */
const VOICES_WAIT_MS = 1500;
const PREFERRED: Record<string, readonly string[]> = { nl: ['nl-NL', 'nl-BE'], en: ['en-GB', 'en-US'] };

function voicesNow(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice[]> {
  const voices = synth.getVoices();
  if (voices.length > 0) return Promise.resolve(voices);
  return new Promise((resolve) => {
    const done = () => resolve(synth.getVoices());
    synth.addEventListener('voiceschanged', done, { once: true });
    setTimeout(done, VOICES_WAIT_MS);
  });
}

/** The best voice for `lang` ("nl"), or undefined when the device has none in that language. */
export function pickVoice(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | undefined {
  const tag = (voice: SpeechSynthesisVoice) => voice.lang.replace('_', '-').toLowerCase();
  for (const wanted of PREFERRED[lang] ?? []) {
    const found = voices.find((voice) => tag(voice) === wanted.toLowerCase());
    if (found) return found;
  }
  return voices.find((voice) => tag(voice) === lang || tag(voice).startsWith(`${lang}-`));
}

export function setUpReadAloud(): void {
  const lang = document.documentElement.lang || 'nl';
  const status = document.querySelector<HTMLElement>('[data-speak-status]');
  saveEasyRead(true);
  document.querySelector('[data-easy-switch="off"]')?.addEventListener('click', () => saveEasyRead(false));

  const sayCannot = (button: HTMLButtonElement, message: string) => {
    const label = button.querySelector('[data-speak-label]');
    if (label) label.textContent = message;
    if (status) status.textContent = message;
  };

  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-speak]');
    if (!button) return;
    const text = (button.dataset.speak ?? '')
      .split(/\s+/)
      // As laid out (innerText): a list's items are spoken as sentences apart, not run together.
      .map((id) => (document.getElementById(id)?.innerText ?? '').replace(/\s+/g, ' ').trim())
      .filter((part) => part !== '')
      .join(' ');
    const synth = 'speechSynthesis' in window ? window.speechSynthesis : undefined;
    if (!synth || typeof SpeechSynthesisUtterance === 'undefined') {
      sayCannot(button, status?.dataset.noSpeech ?? '');
      return;
    }
    void voicesNow(synth).then((voices) => {
      const voice = pickVoice(voices, lang);
      if (!voice) {
        sayCannot(button, status?.dataset.noVoice ?? '');
        return;
      }
      synth.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      // A little slower than the default: easier to follow.
      utterance.rate = 0.9;
      synth.speak(utterance);
    });
  });
}
