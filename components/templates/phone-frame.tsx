import { cn } from "@/lib/utils";

/** A plain phone outline for the SMS, push and in-app previews. */
export function PhoneFrame({
  children,
  className,
}: {
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div
      className={cn(
        "mx-auto h-[560px] w-[290px] overflow-hidden rounded-[2.25rem] border-[10px] border-slate-900 bg-slate-900 shadow-xl",
        className,
      )}
    >
      <div className="relative h-full overflow-hidden rounded-[1.5rem]">
        <div className="absolute left-1/2 top-1.5 z-10 h-4 w-20 -translate-x-1/2 rounded-full bg-slate-900" />
        {children}
      </div>
    </div>
  );
}
