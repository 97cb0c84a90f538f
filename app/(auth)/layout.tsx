import { LanguageSelect } from "@/components/app/language-select";
import { Logo } from "@/components/app/logo";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-full flex-col items-center justify-center px-4 py-12">
      <Logo className="mb-8 text-xl" />
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {children}
      </div>
      <div className="mt-6 w-40">
        <LanguageSelect signedIn={false} />
      </div>
    </main>
  );
}
