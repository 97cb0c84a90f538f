import { NextResponse } from "next/server";
import { z } from "zod";
import { parseJson } from "@/app/_server/http";
import { withUser } from "@/app/_server/with-workspace";
import { updateUserLocale } from "@/db/queries/users";
import { LOCALE_COOKIE, ZLocale } from "@/lib/i18n/locales";

const ZBody = z.object({ locale: ZLocale.nullable() }).strict();

/**
 * The signed-in user's UI language, stored on the account so it follows them to every browser;
 * `null` goes back to the browser's language. The cookie mirrors it for the sign-in page.
 */
export const PUT = withUser(async (req, { user }) => {
  const { locale } = await parseJson(req, ZBody);
  await updateUserLocale(user.id, locale);
  const res = NextResponse.json({ locale });
  if (locale)
    res.cookies.set(LOCALE_COOKIE, locale, {
      path: "/",
      sameSite: "lax",
      maxAge: 365 * 86400,
    });
  else res.cookies.delete(LOCALE_COOKIE);
  return res;
});
