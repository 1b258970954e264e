import { notFound } from "next/navigation";

/** Any unknown area of the portal: the portal's own not-found page, inside its layout. */
export default function UnknownArea() {
  notFound();
}
