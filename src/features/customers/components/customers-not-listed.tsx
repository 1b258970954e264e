import Link from "next/link";
import { getT } from "@/lib/i18n/instance";

/**
 * Said instead of listing a directory too large for a staff select (see
 * `customerChoices`): `note` says where to go, the link opens the directory,
 * where each customer's page links to its requests and invitations.
 */
export function CustomersNotListed({ lng, complete, note }: { lng: string; complete: boolean; note: string }) {
  if (complete) return null;
  return (
    <p className="my-3 text-sm text-gray-700 sm:col-span-full" data-testid="customers-not-listed">
      {note}{" "}
      <Link href={`/${lng}/admin/customers`} className="text-brand underline">
        {getT(lng, "staff")("customers.openDirectory")}
      </Link>
    </p>
  );
}
