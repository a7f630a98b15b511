// Users (admins only): invite someone with a role (their one-time password is shown once), change a role,
// deactivate or reactivate an account.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "@/i18n/translations";
import { ActionForm } from "@/components/users/action-form";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { TitledCard } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { DataTable } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { createCaller } from "@/server/core/root";
import { getSessionUser } from "@/server/users/auth";
import { getDb } from "@/server/core/db";
import { USER_ROLES } from "@/server/core/constants";
import type { UserRow } from "@/server/users/users";
import { changeRole, inviteUser, setActive } from "./actions";
import { titleFrom } from "@/app/_lib/metadata";
import type { SearchParams } from "@/app/_lib/page-context";
import { offsetParam, pageHref } from "@/app/_lib/search-params";
import { Pager } from "@/components/ui/pager";

export const dynamic = "force-dynamic";

export const generateMetadata = titleFrom("admin.title");

const field =
  "h-9 rounded-md border border-input bg-background px-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/** Accounts per page. */
const PAGE = 200;

export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await getSessionUser(await headers());
  if (!user) redirect("/sign-in?next=/admin/users");
  const t = await getTranslations("admin");
  if (user.role !== "admin") {
    return <PageHeader title={t("title")} description={t("adminOnly")} />;
  }
  const api = createCaller({ db: await getDb(), now: () => new Date(), user });
  const offset = offsetParam((await searchParams).offset);
  const users = await api.admin.users.list({ offset, limit: PAGE });
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <TextLink href="/admin/alerts" className="text-sm">
            {t("alertsLink")}
          </TextLink>
        }
      />
      <div className="grid gap-6">
        <TitledCard title={t("invite")} description={t("inviteHint")}>
          <InviteForm />
        </TitledCard>
        <TitledCard title={t("list")} contentClassName="overflow-x-auto">
          <UsersTable users={users} currentUserId={user.id} />
          <Pager offset={offset} limit={PAGE} shown={users.length} hrefFor={(o) => pageHref("/admin/users", null, o)} />
        </TitledCard>
      </div>
    </>
  );
}

async function RoleSelect({ id, value = "viewer" }: { id: string; value?: string }) {
  const tRoles = await getTranslations("roles");
  return (
    <select id={id} name="role" defaultValue={value} className={field}>
      {USER_ROLES.map((r) => (
        <option key={r} value={r}>
          {tRoles(r)}
        </option>
      ))}
    </select>
  );
}

async function InviteForm() {
  const t = await getTranslations("admin");
  return (
    <ActionForm action={inviteUser} label={t("invite")} className="items-end gap-3">
      <Field id="invite-email" label={t("email")}>
        {(control) => <input {...control} name="email" type="email" required maxLength={254} className={field} />}
      </Field>
      <Field id="invite-name" label={t("name")}>
        {(control) => <input {...control} name="name" maxLength={120} className={field} />}
      </Field>
      <Field id="invite-role" label={t("role")}>
        {(control) => <RoleSelect id={control.id} />}
      </Field>
      <Button type="submit">{t("inviteSubmit")}</Button>
    </ActionForm>
  );
}

async function UsersTable({ users, currentUserId }: { users: UserRow[]; currentUserId: string }) {
  const t = await getTranslations("admin");
  return (
    <DataTable
      valign="middle"
      rows={users}
      rowKey={(u) => u.id}
      empty={t("noUsers")}
      columns={[
        {
          header: t("email"),
          rowHeader: true,
          cell: (u) => (
            <>
              {u.email}
              {u.id === currentUserId ? <span className="ml-1 text-xs text-muted-foreground">({t("you")})</span> : null}
            </>
          ),
        },
        { header: t("name"), cell: (u) => u.name },
        {
          header: t("status"),
          cell: (u) => <Badge tone={u.active ? "success" : "danger"}>{u.active ? t("active") : t("deactivated")}</Badge>,
        },
        {
          header: t("role"),
          cell: (u) => (
            <ActionForm action={changeRole} label={`${t("changeRole")}: ${u.email}`}>
              <input type="hidden" name="userId" value={u.id} />
              <label htmlFor={`role-${u.id}`} className="sr-only">
                {t("role")} ({u.email})
              </label>
              <RoleSelect id={`role-${u.id}`} value={u.role} />
              <Button type="submit" variant="outline" size="sm">
                {t("save")}
              </Button>
            </ActionForm>
          ),
        },
        {
          header: t("actions"),
          cell: (u) =>
            u.id === currentUserId ? null : (
              <ActionForm action={setActive} label={`${u.active ? t("deactivate") : t("reactivate")}: ${u.email}`}>
                <input type="hidden" name="userId" value={u.id} />
                <input type="hidden" name="active" value={u.active ? "false" : "true"} />
                <Button type="submit" variant={u.active ? "outline" : "secondary"} size="sm">
                  {u.active ? t("deactivate") : t("reactivate")}
                </Button>
              </ActionForm>
            ),
        },
      ]}
    />
  );
}
