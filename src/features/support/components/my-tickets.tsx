import Link from "next/link";
import { getT } from "@/lib/i18n/instance";

/** The company's recent "Contact Support" tickets (server component). */
export function MyTickets({
  lng,
  tickets,
}: {
  lng: string;
  tickets: { id: string; topic: string; status: string; date: string; author: string; replies: number }[];
}) {
  const t = getT(lng, "support");
  return (
    <div className="rounded-lg border bg-white p-4 sm:p-6">
      <h2 className="text-lg font-semibold">{t("myTickets")}</h2>
      {tickets.length === 0 ? (
        <p className="mt-2 text-sm text-gray-700">{t("noTickets")}</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[32rem] divide-y text-sm" data-testid="tickets-table">
            <thead className="bg-gray-100 text-left">
              <tr>
                <th scope="col" className="whitespace-nowrap px-3 py-2">
                  {t("columns.topic")}
                </th>
                <th scope="col" className="whitespace-nowrap px-3 py-2">
                  {t("columns.status")}
                </th>
                <th scope="col" className="whitespace-nowrap px-3 py-2">
                  {t("columns.date")}
                </th>
                <th scope="col" className="whitespace-nowrap px-3 py-2">
                  {t("columns.author")}
                </th>
                <th scope="col" className="whitespace-nowrap px-3 py-2">
                  {t("columns.replies")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {tickets.map((x) => (
                <tr key={x.id}>
                  <td className="px-3 py-2">
                    <Link href={`/${lng}/support/${x.id}`} className="text-brand underline">
                      {t(`topics.${x.topic}`)}
                    </Link>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">{t(`status.${x.status}`)}</td>
                  <td className="whitespace-nowrap px-3 py-2">{x.date}</td>
                  <td className="px-3 py-2">{x.author}</td>
                  <td className="px-3 py-2" data-testid="ticket-replies">
                    {x.replies}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
