import { DateTime } from "luxon";
import { AdminSettingsModel } from "../db/models/admin-settings.js";
import { releaseLease, tryLease } from "./locks.js";

/** How long one process may take to send an agenda before another may try the same one. */
const SEND_LEASE_MS = 10 * 60_000;

/** Reads a time of day typed by the practitioner ("07:30", "7:30", "7.30") as "HH:mm", or undefined. */
export function parseAgendaTime(raw: string): string | undefined {
  const m = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(raw.trim());
  return m ? `${m[1]!.padStart(2, "0")}:${m[2]}` : undefined;
}

/** The admin's daily agenda time ("HH:mm"), or undefined when it is off. */
export async function dailyAgendaTime(adminId: number): Promise<string | undefined> {
  const doc = await AdminSettingsModel.findById(adminId).lean();
  return doc?.dailyAgendaAt ?? undefined;
}

/** Sets (or with undefined turns off) the admin's daily agenda time. */
export async function setDailyAgendaTime(adminId: number, at: string | undefined): Promise<void> {
  await AdminSettingsModel.updateOne({ _id: adminId }, at ? { $set: { dailyAgendaAt: at } } : { $unset: { dailyAgendaAt: 1 } }, { upsert: true });
}

/** One admin's agenda that is due: the local date and the instants it spans. Plain data. */
export interface DueAgenda {
  adminId: number;
  day: string;
  from: number;
  to: number;
}

/**
 * The agendas due at `now` among `adminIds`: the set wall-clock time in `zone` has come today and
 * today's has not been sent. A day whose time passed while the bot was down is still due until
 * midnight; the next day's agenda replaces it.
 */
export async function dueAgendas(adminIds: readonly number[], now: number, zone: string): Promise<DueAgenda[]> {
  if (adminIds.length === 0) return [];
  const today = DateTime.fromMillis(now, { zone }).startOf("day");
  const day = today.toISODate()!;
  const docs = await AdminSettingsModel.find({ _id: { $in: [...adminIds] } }).lean();
  const due: DueAgenda[] = [];
  for (const doc of docs) {
    if (!doc.dailyAgendaAt || doc.agendaSentOn === day) continue;
    const [hour, minute] = doc.dailyAgendaAt.split(":").map(Number);
    // Wall-clock time on today's date: luxon moves a time inside a DST gap forward.
    const sendAt = today.set({ hour, minute });
    if (sendAt.toMillis() > now) continue;
    due.push({ adminId: doc._id, day, from: today.toMillis(), to: today.plus({ days: 1 }).toMillis() });
  }
  return due;
}

/**
 * Claims the sending of one due agenda for this process (an insert, so one of several processes
 * wins); undefined when another process has it or it has been sent meanwhile.
 */
export async function claimAgenda(agenda: DueAgenda): Promise<Date | undefined> {
  const key = `daily-agenda:${agenda.adminId}:${agenda.day}`;
  const at = await tryLease(key, SEND_LEASE_MS);
  if (!at) return undefined;
  const doc = await AdminSettingsModel.findById(agenda.adminId).lean();
  if (doc?.agendaSentOn === agenda.day) {
    await releaseLease(key, at);
    return undefined;
  }
  return at;
}

/** Records a claimed agenda as sent, then frees its claim. */
export async function markAgendaSent(agenda: DueAgenda, claim: Date): Promise<void> {
  await AdminSettingsModel.updateOne({ _id: agenda.adminId }, { $set: { agendaSentOn: agenda.day } });
  await releaseLease(`daily-agenda:${agenda.adminId}:${agenda.day}`, claim);
}

/** Frees a claimed agenda that could not be sent, so the next round tries again. */
export async function releaseAgenda(agenda: DueAgenda, claim: Date): Promise<void> {
  await releaseLease(`daily-agenda:${agenda.adminId}:${agenda.day}`, claim);
}
