import { Types } from "mongoose";
import type { Language } from "../domain/enums.js";
import { ServiceModel, type ServiceFields } from "../db/models/service.js";

/** A service as the booking flow shows it: plain data, safe to store in conversation state. */
export interface ServiceView {
  id: string;
  name: Record<Language, string>;
  durationMinutes: number;
  priceCents: number;
  bufferAfterMinutes: number;
  vatTreatment: "exempt" | "standard";
  vatRatePercent: number;
}

/** A service as read from the database: typed from its schema. */
type ServiceRead = ServiceFields & { _id: Types.ObjectId };

function toView(doc: ServiceRead): ServiceView {
  return {
    id: doc._id.toHexString(),
    name: { fi: doc.name.fi, sv: doc.name.sv, en: doc.name.en },
    durationMinutes: doc.durationMinutes,
    priceCents: doc.priceCents,
    bufferAfterMinutes: doc.bufferAfterMinutes,
    vatTreatment: doc.vat?.treatment ?? "exempt",
    vatRatePercent: doc.vat?.ratePercent ?? 0,
  };
}

/** Active services in display order. */
export async function listActiveServices(): Promise<ServiceView[]> {
  const docs = await ServiceModel.find({ active: true }).sort({ sortOrder: 1, durationMinutes: 1 }).lean();
  return docs.map(toView);
}

/** One active service, or undefined for an unknown, malformed or inactive id. */
export async function findActiveService(id: string): Promise<ServiceView | undefined> {
  if (!Types.ObjectId.isValid(id)) return undefined;
  const doc = await ServiceModel.findOne({ _id: id, active: true }).lean();
  return doc ? toView(doc) : undefined;
}
