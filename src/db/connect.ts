import { FreedTimeModel, WaitlistEntryModel, WaitlistOfferModel } from "./models/waitlist.js";
import mongoose from "mongoose";
import type { Logger } from "../logger.js";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded.js";
import { AdminSettingsModel } from "./models/admin-settings.js";
import { AuditEntryModel } from "./models/audit.js";
import { BookingModel } from "./models/booking.js";
import { CalendarFeedFetchModel, CalendarFeedModel } from "./models/calendar-feed.js";
import { CalendarVersionModel } from "./models/calendar-version.js";
import { BroadcastDeliveryModel, BroadcastModel } from "./models/broadcast.js";
import { ConsentRecordModel } from "./models/consent.js";
import { ChatModel, LEGACY_CHAT_COLLECTIONS } from "./models/chat.js";
import { CustomerModel, prepareCustomerIndexes } from "./models/customer.js";
import { DataRequestModel } from "./models/data-request.js";
import { InstanceModel } from "./models/instance.js";
import { LockModel } from "./models/lock.js";
import { ScheduleExceptionModel, WeeklyHoursModel } from "./models/schedule.js";
import { PaymentModel } from "./models/payment.js";
import { RetentionNoticeModel } from "./models/retention-notice.js";
import { ServiceModel } from "./models/service.js";
import { SlotClaimModel } from "./models/slot-claim.js";
import { TelegramLinkModel } from "./models/telegram-link.js";
import { AccessLogModel } from "./models/technical.js";

export const MODELS = [
  AccessLogModel,
  AdminSettingsModel,
  AuditEntryModel,
  BookingModel,
  BroadcastDeliveryModel,
  BroadcastModel,
  CalendarFeedFetchModel,
  CalendarFeedModel,
  CalendarVersionModel,
  ConsentRecordModel,
  ChatModel,
  CustomerModel,
  DataRequestModel,
  InstanceModel,
  LockModel,
  PaymentModel,
  RetentionNoticeModel,
  ScheduleExceptionModel,
  ServiceModel,
  SlotClaimModel,
  TelegramLinkModel,
  WeeklyHoursModel,
  WaitlistEntryModel,
  WaitlistOfferModel,
  FreedTimeModel,
];

/** An open database, and how to close it (and the embedded server, if one was started). */
export interface Database {
  uri: string;
  /** The server this process started because no MONGODB_URI was given, if it did. */
  embedded: "mongodb" | "ferretdb" | undefined;
  close(): Promise<void>;
}

/**
 * At most this many database connections, so at most this many commands at once: plenty for one
 * practice, and it keeps FerretDB 1.24 on PostgreSQL out of a deadlock its own connection pool
 * (50) falls into when 50 updates arrive together: each holds one PostgreSQL connection while it
 * waits for a second (seen in the benchmark with 500 customers; the driver's default is 100). A
 * `maxPoolSize` in the URI wins.
 */
export const DATABASE_POOL_SIZE = 20;

/** Driver options for `uri`: the pool limit above unless the URI sets its own. */
export function connectionOptions(uri: string): { maxPoolSize?: number } {
  return /[?&]maxPoolSize=/i.test(uri) ? {} : { maxPoolSize: DATABASE_POOL_SIZE };
}

/** Creates every model's indexes; the unique ones are what the booking rules stand on. */
export async function ensureIndexes(): Promise<void> {
  await Promise.all(MODELS.map((m) => m.init()));
  // What the chat record replaced (flows in progress, update ids): short-lived, so dropped.
  const existing = new Set((await mongoose.connection.db!.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  for (const name of LEGACY_CHAT_COLLECTIONS) if (existing.has(name)) await mongoose.connection.db!.dropCollection(name);
  await prepareCustomerIndexes();
}

/**
 * Connects Mongoose to `uri`, or, with no uri, to an embedded database whose files live in
 * `dataDir` and so survive restarts (O3): MongoDB, or FerretDB where MongoDB cannot be downloaded
 * (`startEmbeddedDatabase`, which throws DatabaseUnavailableError when neither starts).
 */
export async function connectDatabase(
  uri: string | undefined,
  dataDir: string,
  logger: Logger,
): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  if (!uri) {
    embedded = await startEmbeddedDatabase(dataDir, logger);
    uri = embedded.uri;
  }
  try {
    await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000, ...connectionOptions(uri) });
    await ensureIndexes();
  } catch (error) {
    await mongoose.disconnect();
    await embedded?.stop();
    throw error;
  }
  logger.info({ embedded: embedded?.engine ?? false }, "database connected");
  return {
    uri,
    embedded: embedded?.engine,
    async close() {
      await mongoose.disconnect();
      await embedded?.stop();
    },
  };
}
