// Entry of the preview worker thread (preview-pool.ts starts it; Next bundles it as its own chunk).
import { renderPreview, type TPreviewJob, type TPreviewResult } from "./render-preview";
import { serveWorkerJobs } from "./serve-worker-jobs";

serveWorkerJobs<TPreviewJob, TPreviewResult>(renderPreview);
