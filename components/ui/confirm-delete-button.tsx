"use client";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { useApiErrorText } from "@/components/app/use-api-error-text";
import { useApiMutation } from "@/components/app/use-api-mutation";
import { cn } from "@/lib/utils";
import { Button } from "./button";

/**
 * A row's delete (or revoke, or remove) action in a list table: asks first, then sends the request
 * and re-renders the page. The table shows the outcome above itself (an ErrorAlert fed by
 * `onResult`, null on success), so a failure on row 40 is not hidden inside the row.
 */
export function ConfirmDeleteButton({
  request,
  question,
  onResult,
  danger = true,
  pendingText,
  className,
  children,
  ...rest
}: {
  /** Defaults to DELETE; removing a value can be a PATCH. */
  request: { url: string; method?: string; body?: unknown };
  /** Asked with window.confirm; nothing is sent unless the user agrees. */
  question: string;
  onResult?: (error: string | null) => void;
  /** Red text: the action cannot be undone. */
  danger?: boolean;
  pendingText?: React.ReactNode;
} & Omit<React.ComponentProps<typeof Button>, "onClick" | "disabled">) {
  const t = useTranslations("common");
  const errorText = useApiErrorText();
  const mutation = useApiMutation(() => ({ method: "DELETE", ...request }));
  return (
    <Button
      variant="ghost"
      size="sm"
      className={cn(danger && "text-red-600", className)}
      disabled={mutation.isPending}
      onClick={() => {
        if (!window.confirm(question)) return;
        mutation.mutate(undefined, {
          onError: (e) => onResult?.(errorText(e)),
          onSuccess: () => onResult?.(null),
        });
      }}
      data-mutates
      {...rest}
    >
      {mutation.isPending && pendingText ? pendingText : (children ?? t("delete"))}
    </Button>
  );
}
