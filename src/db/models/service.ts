import { Schema, model, type InferSchemaType } from "mongoose";
import { bumpsCalendar } from "./calendar-version.js";

const multipleOfFive = {
  validator: (n: number) => Number.isInteger(n) && n % 5 === 0,
  message: "must be a whole number of minutes divisible by 5",
};

/** A bookable treatment (B1). Durations are multiples of five minutes, the slot-claim grid. */
const serviceSchema = new Schema(
  {
    key: { type: String, required: true, unique: true },
    name: {
      type: new Schema(
        {
          fi: { type: String, required: true },
          sv: { type: String, required: true },
          en: { type: String, required: true },
        },
        { _id: false },
      ),
      required: true,
    },
    durationMinutes: { type: Number, required: true, min: 5, max: 480, validate: multipleOfFive },
    priceCents: { type: Number, required: true, min: 0, validate: Number.isInteger },
    /** VAT Act 34 §: healthcare by a registered professional is exempt by default. */
    vat: {
      treatment: { type: String, enum: ["exempt", "standard"], required: true, default: "exempt" },
      ratePercent: { type: Number, min: 0, max: 100, default: 0 },
    },
    bufferAfterMinutes: { type: Number, required: true, default: 0, min: 0, max: 240, validate: multipleOfFive },
    active: { type: Boolean, required: true, default: true },
    sortOrder: { type: Number, required: true, default: 0 },
  },
  { timestamps: true, collection: "services" },
);

// The catalogue travels with the calendar copy (services/calendar.ts): a change shows at once.
bumpsCalendar(serviceSchema, "schedule");

export type ServiceFields = InferSchemaType<typeof serviceSchema>;
export const ServiceModel = model("Service", serviceSchema);
