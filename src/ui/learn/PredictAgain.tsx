import { useId } from 'react';

/**
 * The way back to a chapter's question once its verdict is shown; what it forgets is said beside it.
 * `lead`: above the verdict rather than after it (a reopened chapter, where retrying is the news).
 */
export function PredictAgain({ onClick, lead = false }: { onClick(): void; lead?: boolean }) {
  const hint = useId();
  return (
    <p className={lead ? 'learn__again learn__again--lead' : 'learn__again'}>
      <button type="button" onClick={onClick} aria-describedby={hint}>
        Predict again
      </button>
      <span id={hint}>Forgets this chapter’s result and asks its question again.</span>
    </p>
  );
}
