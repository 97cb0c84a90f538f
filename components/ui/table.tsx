import * as React from "react";
import { cn } from "@/lib/utils";

export function Table({ className, ...props }: React.ComponentProps<"table">) {
  return (
    // Focusable, so a table wider than the screen scrolls from the keyboard too (WCAG 2.1.1).
    <div className="overflow-x-auto" tabIndex={0}>
      <table className={cn("w-full text-left text-sm", className)} {...props} />
    </div>
  );
}
export function Th({ className, ...props }: React.ComponentProps<"th">) {
  return (
    <th
      className={cn(
        "border-b border-slate-200 px-5 py-2 text-xs font-medium uppercase tracking-wide text-slate-500",
        className,
      )}
      {...props}
    />
  );
}
export function Td({ className, ...props }: React.ComponentProps<"td">) {
  return (
    <td className={cn("border-b border-slate-100 px-5 py-3 align-middle", className)} {...props} />
  );
}
