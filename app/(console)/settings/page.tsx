import { forbidden, redirect } from "next/navigation";
import { settingsSectionsFor } from "@/components/settings/settings-sections";
import { currentUser } from "@/lib/auth/session";

/** /settings opens the first section the role may open (the profile, for every role today). */
export default async function SettingsIndexPage() {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent("/settings")}`);
  const first = settingsSectionsFor(user.role)[0];
  if (!first) forbidden();
  redirect(`/settings/${first.segment}`);
}
