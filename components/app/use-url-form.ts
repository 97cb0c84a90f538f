"use client";
import { useState } from "react";

/**
 * A filter form's fields, which live in the URL: edits stay local until applied, and the fields
 * follow the URL when it changes by other means (Back, Forward, a link). The check runs while
 * rendering, not in an effect, so the form never shows a stale value for a frame.
 */
export function useUrlForm<T>(value: T): [T, (next: T) => void] {
  const urlKey = JSON.stringify(value);
  const [form, setForm] = useState(value);
  const [seen, setSeen] = useState(urlKey);
  if (urlKey !== seen) {
    setSeen(urlKey);
    setForm(value);
  }
  return [form, setForm];
}
