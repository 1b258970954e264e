"use client";
import { NotFoundView } from "@/components/error-pages";

export default function PortalNotFound() {
  return <NotFoundView area="portal" />;
}
