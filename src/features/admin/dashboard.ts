import { countSubmittedOnboardings } from "@/features/relationships/service";
import { db } from "@/server/db";

export interface DashboardCounts {
  pendingRequests: number;
  openTickets: number;
  submittedOnboarding: number;
  failedMails: number;
}

/** What waits for support staff, counted straight from the tables. */
export async function dashboardCounts(now = new Date()): Promise<DashboardCounts> {
  const [pendingRequests, openTickets, submittedOnboarding, failedMails] = await Promise.all([
    // EXPIRED is also derived on read: a pending request past its date no longer waits.
    db.connectionRequest.count({ where: { status: "PENDING", expiresAt: { gt: now } } }),
    db.supportTicket.count({ where: { status: "OPEN" } }),
    countSubmittedOnboardings(),
    db.outgoingMail.count({ where: { status: "FAILED" } }),
  ]);
  return { pendingRequests, openTickets, submittedOnboarding, failedMails };
}
