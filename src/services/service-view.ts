import type { Types } from "mongoose";
import type { Language } from "../domain/enums.js";
import type { ServiceFields } from "../db/models/service.js";

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
export type ServiceRead = ServiceFields & { _id: Types.ObjectId };

export function toServiceView(doc: ServiceRead): ServiceView {
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
