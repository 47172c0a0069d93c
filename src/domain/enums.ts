/**
 * The fixed vocabularies shared by the configuration, the database models, the services and the
 * bot. They live here, below everything else, so that none of those has to import another to
 * learn what a valid value is.
 */

/** The languages the bot speaks; the first is the default. */
export const LANGUAGES = ["fi", "sv", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** What a customer may tell about their gender (optional, P2). */
export const GENDERS = ["female", "male", "other"] as const;
export type Gender = (typeof GENDERS)[number];

/** A booking is confirmed until it is cancelled; nothing else. */
export const BOOKING_STATUSES = ["confirmed", "cancelled"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** The channels a customer can consent to marketing on, each separately (P3). */
export const MARKETING_CHANNELS = ["telegram", "email", "sms"] as const;
export type MarketingChannel = (typeof MARKETING_CHANNELS)[number];

/** How a customer paid at the practice. */
export const PAYMENT_METHODS = ["cash", "card", "mobilepay", "invoice"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
