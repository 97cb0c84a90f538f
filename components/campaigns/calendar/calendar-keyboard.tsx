"use client";
import { useCallback } from "react";

const STEP: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/**
 * Arrow keys move between the grid's days (left/right a day, up/down a week), Home and End to
 * the first and last day shown: the calendar-grid pattern, on top of links Tab already reaches.
 */
export function CalendarKeyboard({ children }: { children: React.ReactNode }) {
  const onKeyDown = useCallback((e: React.KeyboardEvent<HTMLDivElement>) => {
    const from = (e.target as HTMLElement).closest<HTMLElement>("[data-calendar-day]");
    if (!from) return;
    const days = [...e.currentTarget.querySelectorAll<HTMLElement>("[data-calendar-day]")];
    const i = days.indexOf(from);
    const to =
      e.key === "Home"
        ? 0
        : e.key === "End"
          ? days.length - 1
          : STEP[e.key] !== undefined
            ? i + STEP[e.key]!
            : null;
    if (to === null || to < 0 || to >= days.length) return;
    e.preventDefault();
    days[to]!.focus();
  }, []);
  // The grid's keyboard handler; the links inside are the focusable parts.
  return <div onKeyDown={onKeyDown}>{children}</div>;
}
