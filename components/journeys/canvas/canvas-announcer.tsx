import { useTranslations } from "next-intl";
import type { TKeyboardConnect } from "./use-canvas-keyboard";

/**
 * The canvas's polite live region (what an edit did, see use-canvas-keyboard.ts), and while an
 * output is being connected from the keyboard, a visible hint of how to finish.
 */
export function CanvasAnnouncer({
  message,
  connecting,
}: {
  message: string;
  connecting: TKeyboardConnect | null;
}) {
  const t = useTranslations("journeys.canvas");
  return (
    <>
      <p role="status" className="sr-only" data-testid="canvas-announcer">
        {message}
      </p>
      {connecting ? (
        <p
          aria-hidden="true"
          className="pointer-events-none absolute top-3 left-1/2 z-10 max-w-[90%] -translate-x-1/2 truncate rounded-full bg-slate-900 px-3 py-1 text-xs text-white shadow"
          data-testid="keyboard-connecting"
        >
          {t("connectingHint", { label: connecting.label })}
        </p>
      ) : null}
    </>
  );
}
