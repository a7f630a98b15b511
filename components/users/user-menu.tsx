// The header's account control: the signed-in user with sign-out (and the users and alerts admin pages for admins), or a
// sign-in link.
import Link from "next/link";
import { getTranslations } from "@/i18n/translations";
import { buttonClassName } from "@/components/ui/button";
import { getRequestUser } from "@/server/users/auth/request-user";
import { SignOutButton } from "./sign-out-button";

export async function UserMenu() {
  const [t, tRoles, tAdmin, tAlerts] = await Promise.all([
    getTranslations("auth"),
    getTranslations("roles"),
    getTranslations("admin"),
    getTranslations("alertsAdmin"),
  ]);
  const user = await getRequestUser();
  if (!user) {
    return (
      <Link href="/sign-in" className={buttonClassName({ variant: "outline", size: "sm" })}>
        {t("signIn")}
      </Link>
    );
  }
  return (
    <div className="flex items-center gap-2" aria-label={t("account")} role="group">
      <span className="text-xs text-muted-foreground" data-testid="signed-in-user">
        {t("signedInAs", { name: user.name, role: tRoles(user.role) })}
      </span>
      {user.role === "admin" ? (
        <>
          <Link href="/admin/users" className={buttonClassName({ variant: "ghost", size: "sm" })}>
            {tAdmin("nav")}
          </Link>
          <Link href="/admin/alerts" className={buttonClassName({ variant: "ghost", size: "sm" })}>
            {tAlerts("nav")}
          </Link>
        </>
      ) : null}
      <SignOutButton />
    </div>
  );
}
