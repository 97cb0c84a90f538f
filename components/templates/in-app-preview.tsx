import { X } from "lucide-react";
import { AuthorImage } from "./author-image";

/** The stand-in page's address: a made-up host name, the same in every language. */
const APP_HOST = "your-app.example";

type TInApp = {
  title: string;
  body: string;
  imageUrl?: string;
  buttons: { label: string; action: string; value?: string }[];
};

/** The card public/waymark-inapp.js shows, on a stand-in page: same sizes, colours and button order. */
export function InAppPreview({ message }: { message: TInApp }) {
  return (
    <div className="relative m-4 h-[440px] overflow-hidden rounded-lg border border-slate-200 bg-[repeating-linear-gradient(0deg,#f8fafc_0,#f8fafc_22px,#f1f5f9_22px,#f1f5f9_44px)]">
      <div className="absolute inset-x-0 top-0 flex h-10 items-center gap-2 border-b border-slate-200 bg-white px-4 text-xs text-slate-400">
        <span className="size-2.5 rounded-full bg-slate-200" />{" "}
        <span className="size-2.5 rounded-full bg-slate-200" />{" "}
        <span className="size-2.5 rounded-full bg-slate-200" />
        <span className="ml-3">{APP_HOST}</span>
      </div>
      <div
        role="dialog"
        aria-label={message.title}
        data-testid="inapp-card"
        className="absolute bottom-5 right-5 w-[320px] max-w-[calc(100%-40px)] overflow-hidden rounded-[14px] bg-white text-[14px] leading-[1.45] text-gray-900 shadow-[0_12px_32px_rgba(0,0,0,.18)]"
      >
        <X className="absolute right-2.5 top-2 size-5 text-gray-500" aria-hidden />
        {message.imageUrl ? (
          <AuthorImage
            src={message.imageUrl}
            alt=""
            className="block max-h-40 w-full object-cover"
          />
        ) : null}
        <div className="px-[18px] py-4">
          <div className="mb-1 mr-[18px] text-base font-semibold">{message.title}</div>
          <div className="text-gray-700">{message.body}</div>
          {message.buttons.length ? (
            <div className="mt-3 flex flex-wrap gap-2">
              {message.buttons.map((b, i) => (
                <span
                  key={i}
                  title={b.value ?? b.action}
                  className={
                    i === 0
                      ? "rounded-lg bg-gray-900 px-3.5 py-2 text-white"
                      : "rounded-lg border border-gray-300 bg-white px-3.5 py-2"
                  }
                >
                  {b.label}
                </span>
              ))}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}
