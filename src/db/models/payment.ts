import { Schema, model, type InferSchemaType } from "mongoose";
import { PAYMENT_METHODS } from "../../domain/enums.js";

/**
 * A payment recorded against a booking, with what its receipt says (A5). Accounting law keeps
 * these six years from the end of the financial year, so erasing a customer strips the name and
 * the link to the customer but keeps the record.
 */
const paymentSchema = new Schema(
  {
    bookingId: { type: Schema.Types.ObjectId, required: true, index: true },
    /** Unset once the customer is erased. */
    customerId: { type: Schema.Types.ObjectId, index: true },
    /** The payer's name as printed on the receipt; unset once the customer is erased. */
    customerName: { type: String },
    receiptNumber: { type: Number, required: true, unique: true },
    amountCents: { type: Number, required: true, min: 0 },
    method: { type: String, enum: PAYMENT_METHODS, required: true },
    serviceName: { type: String, required: true },
    vatTreatment: { type: String, enum: ["exempt", "standard"], required: true },
    vatRatePercent: { type: Number, required: true },
    paidAt: { type: Date, required: true },
  },
  { collection: "payments", versionKey: false },
);

export type PaymentFields = InferSchemaType<typeof paymentSchema>;
export const PaymentModel = model("Payment", paymentSchema);
