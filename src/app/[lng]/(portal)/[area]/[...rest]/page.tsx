import { notFound } from "next/navigation";

/** Any unknown path here: the area's own not-found page, inside its layout. */
export default function Unknown() {
  notFound();
}
