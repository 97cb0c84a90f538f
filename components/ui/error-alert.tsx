import type * as React from "react";
import { cn } from "@/lib/utils";

const VARIANTS = {
  /** A boxed line above a table or form: the action as a whole failed. */
  box: "rounded-md bg-red-50 px-3 py-2 text-sm text-red-700",
  /** A line beside a form's buttons. */
  text: "text-sm text-red-600",
  /** Under one field or condition. */
  field: "text-xs text-red-600",
  /** Not a failure, but something the user must do before going on ("click into a field first"). */
  warning: "rounded bg-amber-50 px-2 py-1 text-xs text-amber-800",
} as const;

/**
 * The one way an error is shown: announced by screen readers (`role="alert"`) and drawn in one of
 * three sizes (or as a warning). Renders nothing when there is nothing to say, so callers pass the message as it is.
 */
export function ErrorAlert({
  children,
  variant = "text",
  as: Tag = "p",
  className,
  ...rest
}: Omit<React.HTMLAttributes<HTMLElement>, "role"> & {
  variant?: keyof typeof VARIANTS;
  as?: "p" | "span" | "li" | "div" | "ul";
  "data-testid"?: string;
}) {
  if (children === null || children === undefined || children === false || children === "")
    return null;
  return (
    <Tag role="alert" className={cn(VARIANTS[variant], className)} {...rest}>
      {children}
    </Tag>
  );
}
