import { useCallback, useEffect, useRef, useState } from 'react';
import { clearDraft, DraftSave, saveDraft } from './stack-storage';

/** Typing writes the draft once it pauses this long; leaving the page or the view writes it at once. */
const DRAFT_DELAY_MS = 300;

/**
 * Keeps the template box's text as a draft while it differs from the last imported text (which the
 * imported stack's own storage keeps), and clears it once they agree. Returns what became of the last
 * write, so the view can say when a draft is not kept.
 */
export function useTemplateDraft(text: string, imported: string | undefined): DraftSave {
  const [status, setStatus] = useState<DraftSave>(DraftSave.kept);
  const latest = useRef({ text, imported });
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The draft this tab kept last (at first the one it restored), or null: clearing removes only that one,
  // never a draft another tab of the site has written since (stack-storage.ts, clearDraft).
  const own = useRef<string | null>(text === '' ? null : text);

  const write = useCallback(() => {
    clearTimeout(pending.current);
    pending.current = undefined;
    const { text: now, imported: done } = latest.current;
    if (now === done) {
      clearDraft(own.current);
      own.current = null;
      setStatus(DraftSave.kept);
      return;
    }
    const saved = saveDraft(now, own.current);
    own.current = saved === DraftSave.kept && now !== '' ? now : null;
    setStatus(saved);
  }, []);

  useEffect(() => {
    latest.current = { text, imported };
    clearTimeout(pending.current);
    pending.current = setTimeout(write, DRAFT_DELAY_MS);
  }, [text, imported, write]);

  useEffect(() => {
    // A reload or a closed tab fires pagehide; leaving the view unmounts: either way nothing waits.
    const flush = () => {
      if (pending.current !== undefined) write();
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [write]);

  return status;
}
