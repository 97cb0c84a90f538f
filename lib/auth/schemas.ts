import { z } from "zod";

export const ZEmail = z
  .string({ error: "Email is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address" }).max(254, { error: "Email is too long" }));

// NIST 800-63B: length and a block list, no composition rules.
const COMMON = new Set([
  "password12",
  "password123",
  "password1234",
  "1234567890",
  "12345678910",
  "qwertyuiop",
  "1q2w3e4r5t",
  "iloveyou12",
  "letmein123",
  "welcome123",
  "admin12345",
  "abc1234567",
  "passw0rd12",
  "changeme123",
]);

export const ZPassword = z
  .string({ error: "Password is required" })
  .min(10, { error: "Password must be at least 10 characters" })
  .max(200, { error: "Password must be at most 200 characters" })
  .refine((p) => !COMMON.has(p.toLowerCase()), {
    error: "This password is too common; choose another",
  })
  .refine((p) => new Set(p).size >= 4, {
    error: "Password is too repetitive; use more different characters",
  });

export const ZName = z
  .string({ error: "Name is required" })
  .trim()
  .min(1, { error: "Name is required" })
  .max(100, { error: "Name must be at most 100 characters" });

export const ZSignUp = z.object({
  name: ZName,
  email: ZEmail,
  password: ZPassword,
  /** Name of the first workspace; ignored when joining through an invite. */
  workspaceName: z
    .string()
    .trim()
    .max(80, { error: "Workspace name must be at most 80 characters" })
    .optional(),
  inviteToken: z.string().min(10).max(200).optional(),
});
export type TSignUp = z.infer<typeof ZSignUp>;

export const ZSignIn = z.object({
  email: ZEmail,
  password: z.string().min(1, { error: "Password is required" }).max(200),
});
