import { Types } from "mongoose";
import { isDuplicateKey } from "../db/errors.js";
import { BookingModel } from "../db/models/booking.js";
import { CustomerModel } from "../db/models/customer.js";
import { PaymentModel } from "../db/models/payment.js";
import type { Language, PAYMENT_METHODS } from "../domain/enums.js";
import { recordAudit, type Actor } from "./audit.js";

/*
 * Payments against bookings and their receipts (A5): the one place a payment is written, for
 * whoever records it (the practitioner in the chat or the Mini App).
 */

export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** What a receipt shows. Plain data. */
export interface Receipt {
  receiptNumber: number;
  paidAt: number;
  customerName?: string;
  /** The service as the payment record keeps it (in Finnish). */
  serviceName: string;
  /** The service's name in each language, from its booking, for a receipt in the reader's language. */
  serviceNames?: Record<Language, string>;
  amountCents: number;
  vatTreatment: "exempt" | "standard";
  vatRatePercent: number;
  vatCents: number;
  method: string;
  customerTelegramId?: number;
  customerLanguage?: Language;
}

/** Where a receipt can be sent: the customer's chat, when they are on Telegram. */
function reachOf(customer: { telegramId?: number | null; language: Language } | null): Pick<Receipt, "customerTelegramId" | "customerLanguage"> {
  return typeof customer?.telegramId === "number" ? { customerTelegramId: customer.telegramId, customerLanguage: customer.language } : {};
}

function toReceipt(p: { receiptNumber: number; paidAt: Date; customerName?: string | null; serviceName: string; amountCents: number; vatTreatment: "exempt" | "standard"; vatRatePercent: number; method: string }): Receipt {
  // VAT is included in the price: the VAT part of a gross amount at rate r is amount × r / (100 + r).
  const vatCents = p.vatTreatment === "standard" ? Math.round((p.amountCents * p.vatRatePercent) / (100 + p.vatRatePercent)) : 0;
  return {
    receiptNumber: p.receiptNumber,
    paidAt: p.paidAt.getTime(),
    ...(p.customerName ? { customerName: p.customerName } : {}),
    serviceName: p.serviceName,
    amountCents: p.amountCents,
    vatTreatment: p.vatTreatment,
    vatRatePercent: p.vatRatePercent,
    vatCents,
    method: p.method,
  };
}

/**
 * Records a payment against a booking and gives it the next receipt number. Numbers are
 * gap-free and unique under concurrency: each attempt inserts max + 1 under a unique index, and
 * a collision simply tries the next number.
 */
export async function recordPayment(bookingId: string, amountCents: number, method: PaymentMethod, actor: Actor, now: Date): Promise<Receipt | undefined> {
  const booking = Types.ObjectId.isValid(bookingId) ? await BookingModel.findById(bookingId).lean() : null;
  if (!booking || !Number.isInteger(amountCents) || amountCents < 0) return undefined;
  const customer = await CustomerModel.findById(booking.customerId).lean();
  for (let attempt = 0; attempt < 200; attempt++) {
    const last = await PaymentModel.findOne({}, { receiptNumber: 1 }).sort({ receiptNumber: -1 }).lean();
    const receiptNumber = (last?.receiptNumber ?? 0) + 1;
    try {
      const payment = await PaymentModel.create({
        bookingId: booking._id,
        customerId: booking.customerId,
        ...(customer ? { customerName: [customer.firstName, customer.lastName].filter(Boolean).join(" ") } : {}),
        receiptNumber,
        amountCents,
        method,
        serviceName: booking.service.name.fi,
        vatTreatment: booking.service.vatTreatment,
        vatRatePercent: booking.service.vatRatePercent,
        paidAt: now,
      });
      await recordAudit(booking.customerId, actor, "change", now, { fields: ["payments"], subjectId: payment._id });
      return {
        ...toReceipt(payment),
        serviceNames: { fi: booking.service.name.fi, sv: booking.service.name.sv, en: booking.service.name.en },
        ...reachOf(customer),
      };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * (attempt + 1)));
    }
  }
  throw new Error("could not allocate a receipt number");
}

/** A receipt by number, for sending it (again) to the customer. */
export async function receiptByNumber(receiptNumber: number): Promise<Receipt | undefined> {
  const p = await PaymentModel.findOne({ receiptNumber }).lean();
  if (!p) return undefined;
  const [customer, booking] = await Promise.all([
    p.customerId ? CustomerModel.findById(p.customerId, { telegramId: 1, language: 1 }).lean() : null,
    BookingModel.findById(p.bookingId, { service: 1 }).lean(),
  ]);
  return {
    ...toReceipt(p),
    ...(booking ? { serviceNames: { fi: booking.service.name.fi, sv: booking.service.name.sv, en: booking.service.name.en } } : {}),
    ...reachOf(customer),
  };
}

/** The price a booking was made at, for recording its payment. */
export async function bookingPrice(bookingId: string): Promise<number | undefined> {
  if (!Types.ObjectId.isValid(bookingId)) return undefined;
  return (await BookingModel.findById(bookingId, { service: 1 }).lean())?.service.priceCents;
}
