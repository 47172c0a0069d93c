import { randomUUID } from "node:crypto";
import { Schema, model, type Query } from "mongoose";
import { isDuplicateKey } from "../errors.js";

/**
 * One document, `_id: "calendar"`, whose `stamp` changes (to a new random value) after every
 * write that can change what times are free: a booking made, cancelled, moved or erased, weekly
 * hours, exceptions or the catalogue changed. `schedule` changes only with the last three, which
 * are rare: after a booking a process reads the bookings again and keeps its hours, exceptions
 * and catalogue. A process keeps its own copy of the calendar and re-reads it only
 * when the stamp differs (services/calendar.ts). Random stamps rather than a counter: two
 * concurrent bumps cannot end on a value someone cached before either, even on FerretDB, whose
 * updates are not atomic, and a database emptied and refilled never repeats an old value.
 */
const calendarVersionSchema = new Schema(
  {
    _id: { type: String, required: true },
    stamp: { type: String, required: true },
    /** Changes with weekly hours, exceptions and the catalogue (absent in a database from before it existed). */
    schedule: { type: String },
  },
  { collection: "calendar_versions", versionKey: false },
);

export const CalendarVersionModel = model("CalendarVersion", calendarVersionSchema);

export const CALENDAR_VERSION_ID = "calendar";

/** What a change touched: bookings only, or the schedule (hours, exceptions, catalogue). */
export type CalendarPart = "bookings" | "schedule";

/** Bumps this process has begun and finished (each counts twice: at its start and at its end). */
let localBumps = 0;

/**
 * Changes this process made to the calendar so far: a copy confirmed while this number stayed the
 * same has seen every one of them (services/calendar.ts trusts such a copy briefly for what it shows).
 */
export function localCalendarChanges(): number {
  return localBumps;
}

/** Marks the calendar changed. Called after the write, so a reader that sees the new stamp sees the write. */
export async function bumpCalendarVersion(part: CalendarPart = "schedule"): Promise<void> {
  localBumps += 1;
  try {
    await writeStamp(part);
  } finally {
    // Again at the end: a reader that confirmed its copy while the stamp was being written may
    // have read the old one.
    localBumps += 1;
  }
}

async function writeStamp(part: CalendarPart): Promise<void> {
  const stamp = randomUUID();
  const set = part === "schedule" ? { stamp, schedule: stamp } : { stamp };
  const bump = () => CalendarVersionModel.updateOne({ _id: CALENDAR_VERSION_ID }, { $set: set }, { upsert: true });
  try {
    await bump();
  } catch (error) {
    // Two first bumps at once: one inserted the document, so the other's update now finds it.
    if (!isDuplicateKey(error)) throw error;
    await bump();
  }
}

const UPDATES = ["updateOne", "updateMany", "findOneAndUpdate", "replaceOne"] as const;
const DELETES = ["deleteOne", "deleteMany", "findOneAndDelete"] as const;

/** The top-level fields an update document sets or unsets (operators' fields and plain fields). */
function updatedFields(update: unknown): string[] {
  if (!update || typeof update !== "object" || Array.isArray(update)) return ["*"];
  const fields: string[] = [];
  for (const [key, value] of Object.entries(update as Record<string, unknown>)) {
    if (!key.startsWith("$")) fields.push(key.split(".")[0]!);
    else if (value && typeof value === "object") fields.push(...Object.keys(value).map((k) => k.split(".")[0]!));
  }
  return fields;
}

/**
 * Bumps the calendar version after every write through `schema`'s model. With `fields`, updates
 * that touch none of them (a reminder marked sent, say) leave the version alone; inserts and
 * deletes always bump it. A restore (raw writes, with the bot stopped) brings back the stamp
 * saved with the data it restores; for other writes that bypass the models, a process re-reads
 * its copy at least once a minute anyway (services/calendar.ts).
 */
export function bumpsCalendar(schema: Schema, part: CalendarPart, fields?: readonly string[]): void {
  const touches = (names: string[]) => !fields || names.some((n) => n === "*" || fields.includes(n));
  schema.post("save", async () => bumpCalendarVersion(part));
  schema.post("insertMany", async () => bumpCalendarVersion(part));
  schema.post([...DELETES], { document: false, query: true }, async () => bumpCalendarVersion(part));
  schema.post([...UPDATES], { document: false, query: true }, async function (this: Query<unknown, unknown>) {
    if (touches(updatedFields(this.getUpdate()))) await bumpCalendarVersion(part);
  });
}
