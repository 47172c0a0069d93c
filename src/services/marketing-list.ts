import { Types } from "mongoose";
import { ConsentRecordModel } from "../db/models/consent.js";
import { CustomerModel } from "../db/models/customer.js";
import { recordAudit } from "./audit.js";
import { reveal } from "./customers.js";

/** A standing grant: when it was given and the consent wording the customer saw. */
export interface StandingGrant {
  at: Date;
  wordingVersion: string;
}

/** One customer on the practitioner's marketing list (A16). Plain data. */
export interface MarketingListRow {
  firstName: string;
  lastName: string;
  /** Present when email consent stands and the customer has an email address. */
  email?: { address: string } & StandingGrant;
  /** Present when SMS consent stands and the customer has a phone number. */
  sms?: { phone: string } & StandingGrant;
}

type Channel = "email" | "sms";

/**
 * The customers whose email or SMS marketing consent stands (the latest record for that channel
 * is a grant), with the contact detail for each standing channel, for the practitioner's own
 * newsletter or SMS tool (A16). Every customer listed gets an audit entry naming the fields
 * handed out, written before the list is returned so no delivered list goes unlogged. Erased
 * customers have neither records nor a profile, so they never appear. Sorted by last, first name.
 */
export async function marketingList(adminId: number, now: Date): Promise<MarketingListRow[]> {
  // Folded here rather than with $group/$last, which FerretDB 1.24 lacks; records are few per customer.
  const records = await ConsentRecordModel.find(
    { purpose: "marketing", channel: { $in: ["email", "sms"] } },
    { customerId: 1, channel: 1, action: 1, wordingVersion: 1, at: 1 },
  )
    .sort({ at: 1, _id: 1 })
    .lean();
  const latest = new Map<string, Partial<Record<Channel, StandingGrant | undefined>>>();
  for (const r of records) {
    const key = r.customerId.toHexString();
    const state = latest.get(key) ?? {};
    state[r.channel as Channel] = r.action === "granted" ? { at: r.at, wordingVersion: r.wordingVersion } : undefined;
    latest.set(key, state);
  }
  const standing = [...latest].filter(([, s]) => s.email || s.sms);
  if (standing.length === 0) return [];
  const customers = await CustomerModel.find(
    { _id: { $in: standing.map(([id]) => new Types.ObjectId(id)) } },
    { firstName: 1, lastName: 1, email: 1, phone: 1 },
  ).lean();
  const rows: Array<MarketingListRow & { id: Types.ObjectId }> = [];
  for (const c of customers) {
    const grants = latest.get(c._id.toHexString())!;
    const email = grants.email ? reveal(c.email) : undefined;
    const phone = grants.sms ? reveal(c.phone) : undefined;
    if (!email && !phone) continue;
    rows.push({
      id: c._id,
      firstName: c.firstName ?? "",
      lastName: c.lastName ?? "",
      ...(email ? { email: { address: email, ...grants.email! } } : {}),
      ...(phone ? { sms: { phone, ...grants.sms! } } : {}),
    });
  }
  rows.sort((a, b) => a.lastName.localeCompare(b.lastName, "fi") || a.firstName.localeCompare(b.firstName, "fi"));
  const actor = { kind: "admin", telegramId: adminId } as const;
  // One entry per customer listed, written side by side rather than one round trip after another.
  await Promise.all(
    rows.map((row) =>
      recordAudit(row.id, actor, "marketing-export", now, {
        fields: ["firstName", "lastName", ...(row.email ? ["email"] : []), ...(row.sms ? ["phone"] : [])],
      }),
    ),
  );
  return rows.map(({ id: _id, ...row }) => row);
}
