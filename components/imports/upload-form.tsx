"use client";
import { FileUp } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { formatBytes } from "./format";
import { ErrorAlert } from "@/components/ui/error-alert";

type TResult = {
  status: number;
  body: { import?: { id: string }; error?: { message: string; fields?: Record<string, string> } };
};

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
        body = { error: { message: `Upload failed (${xhr.status})` } };
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () =>
      reject(new Error("The upload was interrupted; check the connection and try again."));
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}

export function UploadForm({ slug, maxBytes }: { slug: string; maxBytes: number }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function upload(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return setError("Choose a CSV file first.");
    if (file.size > maxBytes) return setError(`The file is larger than ${formatBytes(maxBytes)}.`);
    setError(null);
    setProgress(0);
    try {
      const res = await send(`/api/w/${slug}/contacts/imports`, file, setProgress);
      if (res.status === 201 && res.body.import)
        return router.push(`/w/${slug}/contacts/imports/${res.body.import.id}`);
      setError(
        res.body.error?.fields?.file ?? res.body.error?.message ?? `Upload failed (${res.status})`,
      );
    } catch (err) {
      setError((err as Error).message);
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
        <span className="text-sm font-medium text-slate-800">
          {file ? file.name : "Choose a CSV file or drop it here"}
        </span>
        <span className="text-xs text-slate-500">
          {file
            ? formatBytes(file.size)
            : `Comma, semicolon or tab separated, UTF-8, up to ${formatBytes(maxBytes)}. The first row names the columns.`}
        </span>
        <input
          id="csv-file"
          name="file"
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
          className="sr-only"
          aria-label="CSV file"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      {progress !== null ? <Progress value={progress} label="Upload progress" /> : null}
      <ErrorAlert>{error}</ErrorAlert>
      <Button type="submit" disabled={progress !== null} data-mutates>
        {progress !== null ? "Uploading…" : "Upload and map columns"}
      </Button>
    </form>
  );
}
