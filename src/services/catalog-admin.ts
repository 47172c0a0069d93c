import { Types } from "mongoose";
import type { ServiceRead } from "./service-view.js";
import type { Language } from "../domain/enums.js";
import { isDuplicateKey } from "../db/errors.js";
import { BookingModel } from "../db/models/booking.js";
import { ServiceModel } from "../db/models/service.js";
import { withLock } from "./locks.js";

/*
 * The practitioner's service catalogue (A3, B1): listing, adding, changing, deactivating and
 * deleting services. Values arrive already understood (the bot reads what she typed); the model
 * still validates them (five-minute multiples, non-negative whole cents). Bookings copy the
 * service they were made with, so a change here never rewrites a booking.
 */

/** A service as the practitioner manages it. Plain data. */
export interface ServiceRow {
  id: string;
  key: string;
  name: Record<Language, string>;
  durationMinutes: number;
  priceCents: number;
  vatTreatment: "exempt" | "standard";
  vatRatePercent: number;
  bufferAfterMinutes: number;
  active: boolean;
  /** Whether any booking (standing or cancelled) was ever made of it: then it can be deactivated, not deleted. */
  booked: boolean;
}

/** What a new service needs; VAT defaults to exempt (healthcare, VAT Act 34 §). */
export interface NewService {
  name: Record<Language, string>;
  durationMinutes: number;
  priceCents: number;
  bufferAfterMinutes: number;
  vatTreatment?: "exempt" | "standard";
  vatRatePercent?: number;
}

/** One change to a service. */
export type ServiceChange =
  | { priceCents: number }
  | { durationMinutes: number }
  | { bufferAfterMinutes: number }
  | { active: boolean }
  | { name: Partial<Record<Language, string>> }
  | { vat: { treatment: "exempt" | "standard"; ratePercent: number } };

type ServiceLean = ServiceRead;

function toRow(s: ServiceLean, booked: ReadonlySet<string>): ServiceRow {
  const id = s._id.toHexString();
  return {
    id,
    key: s.key,
    name: { fi: s.name?.fi ?? s.key, sv: s.name?.sv ?? s.key, en: s.name?.en ?? s.key },
    durationMinutes: s.durationMinutes,
    priceCents: s.priceCents,
    vatTreatment: s.vat?.treatment ?? "exempt",
    vatRatePercent: s.vat?.ratePercent ?? 0,
    bufferAfterMinutes: s.bufferAfterMinutes,
    active: s.active,
    booked: booked.has(id),
  };
}

async function bookedIds(ids: Types.ObjectId[]): Promise<Set<string>> {
  const used = await BookingModel.distinct("serviceId", { serviceId: { $in: ids } });
  return new Set(used.map((id: Types.ObjectId) => id.toHexString()));
}

/** Every service, active or not, in display order. */
export async function allServices(): Promise<ServiceRow[]> {
  const rows = await ServiceModel.find().sort({ sortOrder: 1, durationMinutes: 1 }).lean<ServiceLean[]>();
  const booked = await bookedIds(rows.map((r) => r._id));
  return rows.map((r) => toRow(r, booked));
}

/** One service, or undefined for an unknown or malformed id. */
export async function serviceById(id: string): Promise<ServiceRow | undefined> {
  if (!Types.ObjectId.isValid(id)) return undefined;
  const row = await ServiceModel.findById(id).lean<ServiceLean>();
  return row ? toRow(row, await bookedIds([row._id])) : undefined;
}

/** A key for a new service from its name: "Kuumakivihieronta 75 min" → "kuumakivihieronta-75-min". */
function keyFrom(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32);
  return slug.length >= 2 ? slug : "service";
}

const isValidation = (error: unknown) => (error as { name?: string }).name === "ValidationError";

/**
 * Adds a service, active, after the others; its key is made from the Finnish name (with a number
 * when taken). "invalid" when the model refuses a value.
 */
export async function addService(service: NewService): Promise<{ ok: true; service: ServiceRow } | { ok: false; reason: "invalid" }> {
  const base = keyFrom(service.name.fi);
  for (let attempt = 1; attempt <= 50; attempt++) {
    try {
      const sortOrder = ((await ServiceModel.findOne({}, { sortOrder: 1 }).sort({ sortOrder: -1 }).lean())?.sortOrder ?? -1) + 1;
      const created = await ServiceModel.create({
        key: attempt === 1 ? base : `${base}-${attempt}`,
        name: service.name,
        durationMinutes: service.durationMinutes,
        priceCents: service.priceCents,
        bufferAfterMinutes: service.bufferAfterMinutes,
        vat: { treatment: service.vatTreatment ?? "exempt", ratePercent: service.vatRatePercent ?? 0 },
        active: true,
        sortOrder,
      });
      return { ok: true, service: toRow(created.toObject(), new Set()) };
    } catch (error) {
      if (isValidation(error)) return { ok: false, reason: "invalid" };
      if (!isDuplicateKey(error)) throw error;
    }
  }
  throw new Error("could not find a free key for the service");
}

/** Changes one thing about a service; bookings already made keep what they were booked with. */
export async function changeService(id: string, change: ServiceChange): Promise<"ok" | "not-found" | "invalid"> {
  if (!Types.ObjectId.isValid(id)) return "not-found";
  const set: Record<string, unknown> = {};
  if ("name" in change) for (const [language, value] of Object.entries(change.name)) set[`name.${language}`] = value;
  else if ("vat" in change) set.vat = change.vat;
  else Object.assign(set, change);
  try {
    const result = await withLock(`service:${id}`, () => ServiceModel.updateOne({ _id: id }, { $set: set }, { runValidators: true }));
    return result.matchedCount > 0 ? "ok" : "not-found";
  } catch (error) {
    if (isValidation(error) || (error as { name?: string }).name === "CastError") return "invalid";
    throw error;
  }
}

/**
 * Deletes a service nobody ever booked (a booking keeps its own copy of the service, but its
 * history should still find the catalogue entry); one that was booked can only be deactivated.
 */
export async function deleteService(id: string): Promise<"deleted" | "booked" | "not-found"> {
  if (!Types.ObjectId.isValid(id)) return "not-found";
  return withLock(`service:${id}`, async () => {
    if (await BookingModel.exists({ serviceId: new Types.ObjectId(id) })) return "booked";
    const result = await ServiceModel.deleteOne({ _id: id });
    return result.deletedCount > 0 ? "deleted" : "not-found";
  });
}
