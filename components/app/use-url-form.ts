"use client";
import { useState } from "react";

/**
 * A filter form's fields, which live in the URL: edits stay local until applied, and the fields
 * follow the URL when it changes by other means (Back, Forward, a link). The check runs while
 * rendering, not in an effect, so the form never shows a stale value for a frame.
 *
 * `expectUrl(next)` says what the URL will hold once a push lands: when it does, the fields are
 * left as they are, so whatever was typed while the page loaded is not lost.
 */
export function useUrlForm<T>(value: T): [T, (next: T) => void, (next: T) => void] {
  const urlKey = JSON.stringify(value);
  const [form, setForm] = useState(value);
  const [seen, setSeen] = useState(urlKey);
  const [pushed, setPushed] = useState<string | null>(null);
  if (urlKey !== seen) {
    setSeen(urlKey);
    if (urlKey !== pushed) setForm(value);
    setPushed(null);
  }
  return [form, setForm, (next: T) => setPushed(JSON.stringify(next))];
}
