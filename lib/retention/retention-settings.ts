import { z } from "zod";
import { findRetention, saveRetention, type TRetentionDays } from "@/db/queries/retention";

/** What a workspace keeps until its admin says otherwise (null: forever). */
export const RETENTION_DEFAULTS: TRetentionDays = {
  messageBodyDays: 30,
  importDays: 7,
  contactEventDays: null,
};

/**
 * Executor history (events, runs and steps of finished runs) is infrastructure shared by every
 * workspace (a run's rows are not tenant-scoped), so it has one period for the installation.
 */
export const EXECUTOR_RETENTION_DAYS = 7;

const days = z.number().int().min(1).max(3650).nullable();
/** Whole days, 1–3650, or null to keep forever. */
export const ZRetentionSettings = z.strictObject({
  messageBodyDays: days,
  importDays: days,
  contactEventDays: days,
});
export type TRetentionSettings = z.infer<typeof ZRetentionSettings>;

/** A workspace's periods: its saved settings, or the defaults. */
export async function retentionOf(workspaceId: string): Promise<TRetentionSettings> {
  const row = await findRetention(workspaceId);
  return row
    ? {
        messageBodyDays: row.messageBodyDays,
        importDays: row.importDays,
        contactEventDays: row.contactEventDays,
      }
    : RETENTION_DEFAULTS;
}

export async function updateRetention(
  workspaceId: string,
  input: TRetentionSettings,
): Promise<TRetentionSettings> {
  const row = await saveRetention(workspaceId, ZRetentionSettings.parse(input));
  return {
    messageBodyDays: row.messageBodyDays,
    importDays: row.importDays,
    contactEventDays: row.contactEventDays,
  };
}
