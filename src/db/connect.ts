import { mkdir } from "node:fs/promises";
import path from "node:path";
import mongoose from "mongoose";
import type { Logger } from "../logger.js";
import { AuditEntryModel } from "./models/audit.js";
import { BookingModel } from "./models/booking.js";
import { CalendarVersionModel } from "./models/calendar-version.js";
import { BroadcastDeliveryModel, BroadcastModel } from "./models/broadcast.js";
import { ConsentRecordModel } from "./models/consent.js";
import { ConversationStateModel } from "./models/conversation-state.js";
import { CustomerModel } from "./models/customer.js";
import { DataRequestModel } from "./models/data-request.js";
import { InstanceModel } from "./models/instance.js";
import { LockModel } from "./models/lock.js";
import { ScheduleExceptionModel, WeeklyHoursModel } from "./models/schedule.js";
import { PaymentModel } from "./models/payment.js";
import { RetentionNoticeModel } from "./models/retention-notice.js";
import { ServiceModel } from "./models/service.js";
import { SlotClaimModel } from "./models/slot-claim.js";
import { AccessLogModel, ProcessedUpdateModel } from "./models/technical.js";

export const MODELS = [
  AccessLogModel,
  AuditEntryModel,
  BookingModel,
  BroadcastDeliveryModel,
  BroadcastModel,
  CalendarVersionModel,
  ConsentRecordModel,
  ConversationStateModel,
  CustomerModel,
  DataRequestModel,
  InstanceModel,
  LockModel,
  PaymentModel,
  ProcessedUpdateModel,
  RetentionNoticeModel,
  ScheduleExceptionModel,
  ServiceModel,
  SlotClaimModel,
  WeeklyHoursModel,
];

/** An open database, and how to close it (and the embedded server, if one was started). */
export interface Database {
  uri: string;
  embedded: boolean;
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
}

/**
 * Connects Mongoose to `uri`, or, with no uri, to an embedded MongoDB whose files live in
 * `<dataDir>/mongodb` and so survive restarts (O3).
 */
export async function connectDatabase(
  uri: string | undefined,
  dataDir: string,
  logger: Logger,
): Promise<Database> {
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!uri) {
    const dbPath = path.resolve(dataDir, "mongodb");
    await mkdir(dbPath, { recursive: true });
    // Imported only when needed: it is the one heavy dependency an external database never uses.
    const { MongoMemoryServer } = await import("mongodb-memory-server");
    logger.info({ dbPath }, "starting embedded MongoDB");
    const server = await MongoMemoryServer.create({
      instance: { dbPath, storageEngine: "wiredTiger", dbName: "ajanvaraus" },
    });
    uri = server.getUri("ajanvaraus");
    stopEmbedded = async () => {
      await server.stop({ doCleanup: false });
    };
  }
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 10_000, ...connectionOptions(uri) });
  await ensureIndexes();
  logger.info({ embedded: Boolean(stopEmbedded) }, "database connected");
  return {
    uri,
    embedded: Boolean(stopEmbedded),
    async close() {
      await mongoose.disconnect();
      await stopEmbedded?.();
    },
  };
}
