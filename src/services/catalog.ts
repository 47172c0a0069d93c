import { Types } from "mongoose";
import { loadCalendar, type Calendar } from "./calendar.js";
import type { ServiceView } from "./service-view.js";

export type { ServiceView } from "./service-view.js";

/**
 * Active services in display order. They come with the calendar copy (services/calendar.ts): a
 * change to the catalogue bumps the calendar's version like a booking does, so this costs the
 * version lookup the availability asks for anyway, and no read of its own. What is listed is only
 * shown (a booking checks its service again), so a copy confirmed a moment ago serves.
 */
export async function listActiveServices(): Promise<ServiceView[]> {
  return [...(await loadCalendar(undefined, { shown: true })).services];
}

/** One active service, or undefined for an unknown, malformed or inactive id; from `calendar` when given. */
export async function findActiveService(id: string, calendar?: Calendar): Promise<ServiceView | undefined> {
  if (!Types.ObjectId.isValid(id)) return undefined;
  return (calendar ?? (await loadCalendar())).services.find((s) => s.id === id);
}
