import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/users/action-form";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { createCaller } from "@/server/core/root";
import { getSessionUser } from "@/server/users/auth";
import { getDb } from "@/server/core/db";
import { USER_ROLES } from "@/server/core/constants";
import { changeRole, inviteUser, setActive } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("title") };
}

const field =
  "h-9 rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

export default async function AdminUsersPage() {
  const user = await getSessionUser(await headers());
  if (!user) redirect("/sign-in?next=/admin/users");
  const [t, tRoles] = await Promise.all([getTranslations("admin"), getTranslations("roles")]);
  if (user.role !== "admin") {
    return <PageHeader title={t("title")} description={t("adminOnly")} />;
  }
  const api = createCaller({ db: await getDb(), now: () => new Date(), user });
  const users = await api.admin.users.list();

  const roleSelect = (id: string, value?: string) => (
    <select id={id} name="role" defaultValue={value ?? "viewer"} className={field}>
      {USER_ROLES.map((r) => (
        <option key={r} value={r}>
          {tRoles(r)}
        </option>
      ))}
    </select>
  );

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/admin/alerts" className="text-sm text-accent underline underline-offset-4">
            {t("alertsLink")}
          </Link>
        }
      />
      <div className="grid gap-6">
        <Card>
          <CardHeader className="flex-col">
            <CardTitle>{t("invite")}</CardTitle>
            <CardDescription>{t("inviteHint")}</CardDescription>
          </CardHeader>
          <CardContent>
            <ActionForm action={inviteUser} label={t("invite")} className="items-end gap-3">
              <div className="grid gap-1">
                <label htmlFor="invite-email" className="text-xs font-medium">
                  {t("email")}
                </label>
                <input id="invite-email" name="email" type="email" required maxLength={254} className={field} />
              </div>
              <div className="grid gap-1">
                <label htmlFor="invite-name" className="text-xs font-medium">
                  {t("name")}
                </label>
                <input id="invite-name" name="name" maxLength={120} className={field} />
              </div>
              <div className="grid gap-1">
                <label htmlFor="invite-role" className="text-xs font-medium">
                  {t("role")}
                </label>
                {roleSelect("invite-role")}
              </div>
              <Button type="submit">{t("inviteSubmit")}</Button>
            </ActionForm>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("list")}</CardTitle>
          </CardHeader>
          <CardContent className="overflow-x-auto">
            {users.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("noUsers")}</p>
            ) : (
              <table className="w-full text-left text-sm">
                <thead className="text-xs text-muted-foreground">
                  <tr>
                    <th scope="col" className="py-2 pr-4 font-medium">{t("email")}</th>
                    <th scope="col" className="py-2 pr-4 font-medium">{t("name")}</th>
                    <th scope="col" className="py-2 pr-4 font-medium">{t("status")}</th>
                    <th scope="col" className="py-2 pr-4 font-medium">{t("role")}</th>
                    <th scope="col" className="py-2 font-medium">{t("actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {users.map((u) => (
                    <tr key={u.id} className="border-t border-border align-middle">
                      <th scope="row" className="py-2 pr-4 font-medium">
                        {u.email}
                        {u.id === user.id ? <span className="ml-1 text-xs text-muted-foreground">({t("you")})</span> : null}
                      </th>
                      <td className="py-2 pr-4">{u.name}</td>
                      <td className="py-2 pr-4">
                        <Badge tone={u.active ? "success" : "danger"}>{u.active ? t("active") : t("deactivated")}</Badge>
                      </td>
                      <td className="py-2 pr-4">
                        <ActionForm action={changeRole} label={`${t("changeRole")}: ${u.email}`}>
                          <input type="hidden" name="userId" value={u.id} />
                          <label htmlFor={`role-${u.id}`} className="sr-only">
                            {t("role")} ({u.email})
                          </label>
                          {roleSelect(`role-${u.id}`, u.role)}
                          <Button type="submit" variant="outline" size="sm">
                            {t("save")}
                          </Button>
                        </ActionForm>
                      </td>
                      <td className="py-2">
                        {u.id === user.id ? null : (
                          <ActionForm action={setActive} label={`${u.active ? t("deactivate") : t("reactivate")}: ${u.email}`}>
                            <input type="hidden" name="userId" value={u.id} />
                            <input type="hidden" name="active" value={u.active ? "false" : "true"} />
                            <Button type="submit" variant={u.active ? "outline" : "secondary"} size="sm">
                              {u.active ? t("deactivate") : t("reactivate")}
                            </Button>
                          </ActionForm>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
