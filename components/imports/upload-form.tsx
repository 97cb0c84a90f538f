"use client";
import { FileUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { formatBytes } from "./format";
import { ErrorAlert } from "@/components/ui/error-alert";
import { useApiErrorText } from "@/components/app/use-api-error-text";
import { ApiError } from "@/lib/http/api-fetch";

type TResult = {
  status: number;
  body: {
    import?: { id: string };
    error?: { code?: string; message: string; fields?: Record<string, string> };
  };
};

/** The upload broke off before the server answered (a network error). */
class UploadInterrupted extends Error {}

/** XMLHttpRequest rather than fetch: only it reports upload progress, which a 50 MB file needs. */
function send(url: string, file: File, onProgress: (pct: number) => void): Promise<TResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress((e.loaded / e.total) * 100);
    xhr.onload = () => {
      let body: TResult["body"] = {};
      try {
        body = JSON.parse(xhr.responseText) as TResult["body"];
      } catch {
        body = {};
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new UploadInterrupted());
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}

export function UploadForm({ slug, maxBytes }: { slug: string; maxBytes: number }) {
  const t = useTranslations("imports.upload");
  const errorText = useApiErrorText();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function upload(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return setError(t("chooseFirst"));
    if (file.size > maxBytes) return setError(t("tooLarge", { size: formatBytes(maxBytes) }));
    setError(null);
    setProgress(0);
    try {
      const res = await send(`/api/w/${slug}/contacts/imports`, file, setProgress);
      if (res.status === 201 && res.body.import)
        return router.push(`/w/${slug}/contacts/imports/${res.body.import.id}`);
      const e = res.body.error;
      setError(
        e
          ? (e.fields?.file ??
              errorText(new ApiError(res.status, e.code ?? "", e.message, e.fields)))
          : t("failed", { status: res.status }),
      );
    } catch (err) {
      setError(err instanceof UploadInterrupted ? t("interrupted") : errorText(err));
    }
    setProgress(null);
  }

  return (
    <form onSubmit={upload} noValidate className="space-y-4">
      <label
        htmlFor="csv-file"
        className="flex cursor-pointer flex-col items-center gap-2 rounded-lg border-2 border-dashed border-slate-300 bg-slate-50 px-6 py-10 text-center hover:border-brand-500 hover:bg-brand-50"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          const dropped = e.dataTransfer.files[0];
          if (dropped) setFile(dropped);
        }}
      >
        <FileUp className="size-8 text-brand-600" aria-hidden="true" />
        <span className="text-sm font-medium text-slate-800">{file ? file.name : t("choose")}</span>
        <span className="text-xs text-slate-500">
          {file ? formatBytes(file.size) : t("formats", { size: formatBytes(maxBytes) })}
        </span>
        <input
          id="csv-file"
          name="file"
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
          className="sr-only"
          aria-label={t("file")}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      {progress !== null ? <Progress value={progress} label={t("progress")} /> : null}
      <ErrorAlert>{error}</ErrorAlert>
      <Button type="submit" disabled={progress !== null} data-mutates>
        {progress !== null ? t("uploading") : t("submit")}
      </Button>
    </form>
  );
}
