import { Types } from "mongoose";
import { CustomerModel } from "../db/models/customer.js";
import { customerAudit } from "./admin.js";
import type { AuditView } from "./audit.js";
import { feedViewsOf, type FeedViews } from "./calendar-feed.js";

/** Everything /audit shows about one customer (A8). Plain data. */
export interface AuditReport {
  customerName: string;
  /** Audit entries, oldest first. */
  entries: AuditView[];
  /** Fetches of the practitioners' calendar subscriptions that showed the customer's bookings by name. */
  feedViews: FeedViews[];
  /** The names of the practitioners among the actors, by Telegram id, where known. */
  adminNames: Record<string, string>;
}

const fullName = (c: { firstName?: string | null; lastName?: string | null }) => [c.firstName, c.lastName].filter(Boolean).join(" ");

/**
 * Who viewed and changed a customer's data, and when (A8), with the names the sentences need:
 * the customer's and the practitioners' (from their own records, when they gave one). Viewing it is
 * itself logged (customerAudit).
 */
export async function auditReport(adminId: number, customerId: string, now: Date): Promise<AuditReport | undefined> {
  const entries = await customerAudit(adminId, customerId, now);
  if (!entries) return undefined;
  const id = new Types.ObjectId(customerId);
  const [customer, feedViews] = await Promise.all([CustomerModel.findById(id, { firstName: 1, lastName: 1 }).lean(), feedViewsOf(id)]);
  const adminIds = new Set<number>(feedViews.map((v) => v.adminId));
  for (const e of entries) {
    const admin = /^admin:(\d+)$/.exec(e.actor);
    if (admin) adminIds.add(Number(admin[1]));
  }
  const admins = await CustomerModel.find({ telegramId: { $in: [...adminIds] } }, { telegramId: 1, firstName: 1, lastName: 1 }).lean();
  return {
    customerName: customer ? fullName(customer) : "",
    entries,
    feedViews,
    adminNames: Object.fromEntries(admins.filter((a) => fullName(a)).map((a) => [String(a.telegramId), fullName(a)])),
  };
}
