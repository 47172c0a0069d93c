import type { Types } from "mongoose";
import { AuditEntryModel, type AuditAction } from "../db/models/audit.js";

/** Who acted on a customer's data. */
export type Actor = { kind: "customer" } | { kind: "admin"; telegramId: number } | { kind: "system" };

export const CUSTOMER: Actor = { kind: "customer" };
export const SYSTEM: Actor = { kind: "system" };

/** One audit entry to append: whose data, who acted, what was done. */
export interface AuditInput {
  customerId: Types.ObjectId;
  actor: Actor;
  action: AuditAction;
  at: Date;
  extra?: { fields?: string[]; subjectId?: Types.ObjectId };
}

function auditDocument({ customerId, actor, action, at, extra = {} }: AuditInput) {
  return {
    customerId,
    actorKind: actor.kind,
    ...(actor.kind === "admin" ? { actorId: actor.telegramId } : {}),
    action,
    ...(extra.fields && extra.fields.length > 0 ? { fields: extra.fields } : {}),
    ...(extra.subjectId ? { subjectId: extra.subjectId } : {}),
    at,
  };
}

/**
 * Appends an audit entry (P8). Called by the service functions that view, export or change a
 * customer's data, so no path through the bot can skip it. Names fields, never values.
 */
export async function recordAudit(
  customerId: Types.ObjectId,
  actor: Actor,
  action: AuditAction,
  at: Date,
  extra: { fields?: string[]; subjectId?: Types.ObjectId } = {},
): Promise<void> {
  await AuditEntryModel.create(auditDocument({ customerId, actor, action, at, extra }));
}

/** Appends several audit entries in one command, in order (a booking's details and the booking itself). */
export async function recordAudits(entries: AuditInput[]): Promise<void> {
  if (entries.length === 0) return;
  // Lean: `auditDocument` builds each entry from typed input, so Mongoose's casting and validation
  // (0.6 ms of the bot's CPU for a confirm's three entries) would add nothing.
  await AuditEntryModel.insertMany(entries.map(auditDocument), { ordered: true, lean: true });
}

/** One audit entry as exports and the practitioner's /audit show it. Plain data. */
export interface AuditView {
  at: string;
  actor: string;
  action: AuditAction;
  fields?: string[];
  subjectId?: string;
}

/** Every audit entry about a customer, oldest first. */
export async function auditTrail(customerId: Types.ObjectId): Promise<AuditView[]> {
  const entries = await AuditEntryModel.find({ customerId }).sort({ at: 1, _id: 1 }).lean();
  return entries.map((e) => ({
    at: e.at.toISOString(),
    actor: e.actorKind === "admin" ? `admin:${e.actorId}` : e.actorKind,
    action: e.action,
    ...(e.fields && e.fields.length > 0 ? { fields: [...e.fields] } : {}),
    ...(e.subjectId ? { subjectId: e.subjectId.toHexString() } : {}),
  }));
}
