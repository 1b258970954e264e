import Link from "next/link";
import { getT } from "@/lib/i18n/instance";
import type { CustomerOptions } from "../staff";

/** Said instead of listing a directory too large for a select: the customer's own page has the links. */
export function CustomersNotListed({ lng, customers }: { lng: string; customers: CustomerOptions }) {
  if (customers.complete) return null;
  const t = getT(lng, "invitations");
  return (
    <p className="my-3 text-sm text-gray-700" data-testid="customers-not-listed">
      {t("staff.customersNotListed")}{" "}
      <Link href={`/${lng}/admin/customers`} className="text-brand underline">
        {t("staff.openCustomers")}
      </Link>
    </p>
  );
}
