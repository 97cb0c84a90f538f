"use client";
import { LogOut, MonitorX } from "lucide-react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { LanguageSelect } from "./language-select";

export function UserMenu({ name, email }: { name: string; email: string }) {
  const t = useTranslations("userMenu");
  const tc = useTranslations("common");
  return (
    <div className="flex flex-col gap-2 border-t border-slate-200 pt-3">
      <div className="flex items-center gap-3">
        <span
          className="flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold text-slate-700"
          aria-hidden="true"
        >
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium">{name}</span>
          <span className="block truncate text-xs text-slate-500">{email}</span>
        </span>
        <Button
          variant="ghost"
          size="icon"
          aria-label={t("signOutEverywhere")}
          title={t("signOutEverywhereHint")}
          onClick={async () => {
            // Ends every session, this one included; then leave this one as a plain sign-out does.
            await fetch("/api/account/sessions", { method: "DELETE" });
            await signOut({ redirectTo: "/sign-in" });
          }}
        >
          <MonitorX />
        </Button>
        <Button
          variant="ghost"
          size="icon"
          aria-label={tc("signOut")}
          title={tc("signOut")}
          onClick={() => signOut({ redirectTo: "/sign-in" })}
        >
          <LogOut />
        </Button>
      </div>
      <LanguageSelect signedIn />
    </div>
  );
}
