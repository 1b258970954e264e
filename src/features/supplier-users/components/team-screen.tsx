import { ActionButton } from "@/components/action-button";
import type { FormAction } from "@/lib/action-result";
import { customerName } from "@/lib/customer-name";
import { formatDate, formatDateTime } from "@/lib/format";
import { readerTimeZone } from "@/server/time-zone";
import { getT } from "@/lib/i18n/instance";
import type { TeamView } from "../team";
import { ApproveJoinForm, EditAccessForm, InviteForm, type GrantOptions } from "./forms";

/**
 * Setup -> Admin: the company's users (with access editing and deactivation),
 * the invite form, pending colleague invitations and join requests.
 */

type Customer = { id: string; name: string; nameZh: string };

export interface TeamActions {
  invite: FormAction;
  resendInvitation: FormAction;
  revokeInvitation: FormAction;
  updateAccess: FormAction;
  deactivate: FormAction;
  reactivate: FormAction;
  approveJoin: FormAction;
  declineJoin: FormAction;
}

const rowButton = "rounded border border-gray-400 bg-white px-3 py-1 text-sm hover:bg-gray-100 disabled:opacity-60";
const dangerButton = `${rowButton} border-red-400 text-red-800`;

/** The viewer may not manage users: says so instead of the lists. */
export function TeamRefused({ lng }: { lng: string }) {
  const t = getT(lng, "users");
  return (
    <section className="rounded-lg border bg-white p-6" data-testid="admin-refused">
      <h1 className="text-xl font-semibold">{t("refused.title")}</h1>
      <p className="mt-3 text-gray-700">{t("refused.body")}</p>
    </section>
  );
}

export async function TeamScreen({ lng, view, inviteDays, actions }: { lng: string; view: TeamView; inviteDays: number; actions: TeamActions }) {
  const tz = await readerTimeZone();
  const t = getT(lng, "users");
  const options: GrantOptions = {
    grantable: view.grantable,
    customers: view.customers.map((c) => ({ id: c.id, label: customerName(c, lng) })),
    allowAll: view.me.allCustomers,
  };
  const permissionText = (perms: string[]) => (perms.length ? perms.map((p) => t(`permissions.${p}`)).join(", ") : t("permissions.none"));
  const accessText = (a: { allCustomers: boolean; customers: Customer[]; hiddenCustomers?: number }) =>
    a.allCustomers
      ? t("access.all")
      : [a.customers.map((c) => customerName(c, lng)).join(", "), a.hiddenCustomers ? t("access.hidden", { count: a.hiddenCustomers }) : ""]
          .filter(Boolean)
          .join(" ") || "—";

  return (
    <div className="space-y-8">
      <section>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-2 text-gray-700">{t("intro")}</p>
      </section>

      <section aria-labelledby="users-heading" className="rounded-lg border bg-white p-4 sm:p-6">
        <h2 id="users-heading" className="text-lg font-semibold">
          {t("list.title")}
        </h2>
        <div className="mt-4 overflow-x-auto">
          <table className="min-w-full text-left text-sm" data-testid="users-table">
            <thead className="border-b text-gray-600">
              <tr>
                <th scope="col" className="whitespace-nowrap py-2 pr-4">
                  {t("list.name")}
                </th>
                <th scope="col" className="whitespace-nowrap py-2 pr-4">
                  {t("list.email")}
                </th>
                <th scope="col" className="whitespace-nowrap py-2 pr-4">
                  {t("list.permissions")}
                </th>
                <th scope="col" className="whitespace-nowrap py-2 pr-4">
                  {t("list.customers")}
                </th>
                <th scope="col" className="whitespace-nowrap py-2 pr-4">
                  {t("list.status")}
                </th>
                <th scope="col" className="whitespace-nowrap py-2 pr-4">
                  {t("list.lastSignIn")}
                </th>
                <th scope="col" className="whitespace-nowrap py-2">
                  {t("list.actions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {view.users.map((u) => (
                <UserRow key={u.id} u={u} lng={lng} t={t} options={options} actions={actions} permissionText={permissionText} accessText={accessText} />
              ))}
            </tbody>
          </table>
        </div>
        <p className="mt-3 text-xs text-gray-600">{t("list.deactivateHint")}</p>
      </section>

      <section aria-labelledby="invite-heading" className="rounded-lg border bg-white p-4 sm:p-6">
        <h2 id="invite-heading" className="mb-3 text-lg font-semibold">
          {t("invite.title")}
        </h2>
        <div className="max-w-xl">
          <InviteForm action={actions.invite} lng={lng} options={options} days={inviteDays} />
        </div>
      </section>

      <section aria-labelledby="invitations-heading" className="rounded-lg border bg-white p-4 sm:p-6">
        <h2 id="invitations-heading" className="text-lg font-semibold">
          {t("invitations.title")}
        </h2>
        {view.invitations.length === 0 ? (
          <p className="mt-3 text-gray-700">{t("invitations.empty")}</p>
        ) : (
          <ul className="mt-3 divide-y" data-testid="invitations">
            {view.invitations.map((i) => (
              <li key={i.email} className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid="invitation-row">
                <div className="text-sm">
                  <p className="font-medium">{i.email}</p>
                  <p className="text-gray-700">
                    {permissionText(i.permissions)} · {accessText(i)}
                  </p>
                  <p className="text-gray-600">
                    {t("invitations.sentOn", { date: formatDate(i.createdAt, lng, tz) })} ·{" "}
                    {i.expired ? (
                      <span className="font-medium text-red-700">{t("invitations.expired")}</span>
                    ) : (
                      t("invitations.expiresOn", { date: formatDate(i.expiresAt, lng, tz) })
                    )}
                    {i.fromJoinRequest && <> · {t("invitations.fromJoinRequest")}</>}
                  </p>
                </div>
                <div className="flex flex-wrap gap-2">
                  <ActionButton
                    action={actions.resendInvitation}
                    lng={lng}
                    fields={{ email: i.email }}
                    className={rowButton}
                    ariaLabel={t("invitations.resendFor", { email: i.email })}
                  >
                    {t("invitations.resend")}
                  </ActionButton>
                  <ActionButton
                    action={actions.revokeInvitation}
                    lng={lng}
                    fields={{ email: i.email }}
                    className={dangerButton}
                    ariaLabel={t("invitations.revokeFor", { email: i.email })}
                  >
                    {t("invitations.revoke")}
                  </ActionButton>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="join-heading" className="rounded-lg border bg-white p-4 sm:p-6">
        <h2 id="join-heading" className="text-lg font-semibold">
          {t("join.title")}
        </h2>
        <p className="mt-2 text-sm text-gray-700">{t("join.intro")}</p>
        {view.joinRequests.length === 0 ? (
          <p className="mt-3 text-gray-700">{t("join.empty")}</p>
        ) : (
          <ul className="mt-3 divide-y" data-testid="join-requests">
            {view.joinRequests.map((j) => (
              <li key={j.id} className="space-y-3 py-4" data-testid="join-request-row">
                <div className="text-sm">
                  <p className="font-medium">
                    {j.name} · {j.email}
                  </p>
                  <p className="text-gray-600">{t("join.requestedOn", { date: formatDate(j.createdAt, lng, tz) })}</p>
                </div>
                <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_auto]">
                  <ApproveJoinForm action={actions.approveJoin} lng={lng} requestId={j.id} name={j.name} options={options} />
                  <ActionButton
                    action={actions.declineJoin}
                    lng={lng}
                    fields={{ requestId: j.id }}
                    className={dangerButton}
                    ariaLabel={t("join.declineFor", { name: j.name })}
                  >
                    {t("join.decline")}
                  </ActionButton>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

async function UserRow({
  u,
  lng,
  t,
  options,
  actions,
  permissionText,
  accessText,
}: {
  u: TeamView["users"][number];
  lng: string;
  t: ReturnType<typeof getT>;
  options: GrantOptions;
  actions: TeamActions;
  permissionText: (p: string[]) => string;
  accessText: (a: { allCustomers: boolean; customers: Customer[]; hiddenCustomers?: number }) => string;
}) {
  const tz = await readerTimeZone();
  const active = u.status === "ACTIVE";
  return (
    <>
      <tr className={`align-top ${u.manageable ? "" : "border-b last:border-b-0"}`} data-testid="user-row" data-email={u.email}>
        <td className="py-3 pr-4 font-medium">
          {u.name} {u.isSelf && <span className="font-normal text-gray-600">{t("list.you")}</span>}
        </td>
        <td className="py-3 pr-4">{u.email}</td>
        <td className="py-3 pr-4" data-testid="user-permissions">
          {permissionText(u.permissions)}
        </td>
        <td className="py-3 pr-4" data-testid="user-customers">
          {accessText(u)}
        </td>
        <td className="py-3 pr-4" data-testid="user-status">
          <span className={active ? "text-green-800" : "text-gray-600"}>{t(`list.statuses.${u.status}`)}</span>
        </td>
        <td className="whitespace-nowrap py-3 pr-4">{u.lastSignInAt ? formatDateTime(u.lastSignInAt, lng, tz) : t("list.never")}</td>
        <td className="py-3">
          {!u.manageable ? (
            <p className="max-w-[14rem] text-xs text-gray-600">{t("list.outranked")}</p>
          ) : (
            !u.isSelf &&
            (active ? (
              <ActionButton
                key="deactivate"
                action={actions.deactivate}
                lng={lng}
                fields={{ userId: u.id }}
                className={dangerButton}
                ariaLabel={t("list.deactivateFor", { name: u.name })}
              >
                {t("list.deactivate")}
              </ActionButton>
            ) : (
              <ActionButton
                key="reactivate"
                action={actions.reactivate}
                lng={lng}
                fields={{ userId: u.id }}
                className={rowButton}
                ariaLabel={t("list.reactivateFor", { name: u.name })}
              >
                {t("list.reactivate")}
              </ActionButton>
            ))
          )}
        </td>
      </tr>
      {u.manageable && (
        <tr className="border-b last:border-b-0" data-testid="user-edit-row" data-email={u.email}>
          <td colSpan={7} className="pb-3">
            <details>
              <summary className="cursor-pointer text-sm text-brand underline">{t("list.editFor", { name: u.name })}</summary>
              <div className="mt-2 max-w-xl rounded border bg-gray-50 p-3">
                <EditAccessForm
                  action={actions.updateAccess}
                  lng={lng}
                  userId={u.id}
                  options={options}
                  initial={{ permissions: u.permissions, allCustomers: u.allCustomers, customerIds: u.customers.map((c) => c.id) }}
                />
              </div>
            </details>
          </td>
        </tr>
      )}
    </>
  );
}
