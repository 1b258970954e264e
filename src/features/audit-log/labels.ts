import { getT } from "@/lib/i18n/instance";

/** An audit action ("connection_request.rejected") in the reader's language; an unknown one as written. */
export function auditActionLabel(action: string, lng: string): string {
  const [group, name, ...rest] = action.split(".");
  if (!group || !name || rest.length > 0) return action;
  return getT(lng, "staff")(`audit.actions.${group}.${name}`, { defaultValue: action });
}

/** An audited object type ("ConnectionRequest") in the reader's language; an unknown one as written. */
export function auditEntityLabel(entityType: string, lng: string): string {
  return getT(lng, "staff")(`audit.entityTypes.${entityType}`, { defaultValue: entityType });
}
