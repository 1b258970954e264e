/** The portal's top navigation: the areas this product has. */
export const topNav = [
  { key: "home", href: "home" },
  { key: "profile", href: "profile" },
  { key: "setup", href: "setup" },
] as const;

export const setupTabs = [
  { key: "admin", href: "setup/admin" },
  { key: "customers", href: "setup/customers" },
  { key: "requests", href: "setup/requests" },
] as const;
