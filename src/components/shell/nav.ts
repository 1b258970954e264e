/** The portal's top navigation, as in the guide. `placeholder` areas are outside this product. */
export const topNav = [
  { key: "home", href: "home" },
  { key: "profile", href: "profile" },
  { key: "orders", href: "orders", placeholder: true },
  { key: "sheets", href: "sheets", placeholder: true },
  { key: "asn", href: "asn", placeholder: true },
  { key: "invoices", href: "invoices", placeholder: true },
  { key: "catalogs", href: "catalogs", placeholder: true },
  { key: "performance", href: "performance", placeholder: true },
  { key: "sourcing", href: "sourcing", placeholder: true },
  { key: "addons", href: "addons", placeholder: true },
  { key: "setup", href: "setup" },
] as const;

export const placeholderAreas: readonly string[] = topNav.filter((n) => "placeholder" in n).map((n) => n.href);

export const setupTabs = [
  { key: "admin", href: "setup/admin" },
  { key: "customers", href: "setup/customers" },
  { key: "requests", href: "setup/requests" },
] as const;
