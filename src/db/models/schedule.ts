import { Schema, model, type InferSchemaType } from "mongoose";
import { bumpsCalendar } from "./calendar-version.js";

// Minutes on the five-minute grid of the slot claims (see slot-claim.ts).
const hhmm = /^([01]\d|2[0-3]):[0-5][05]$|^24:00$/;

/**
 * Weekly working hours: one document per interval, so a weekday can have several (breaks).
 * Times are wall-clock times in the practice's zone; weekday 1 is Monday, 7 Sunday (ISO).
 */
const weeklyHoursSchema = new Schema(
  {
    weekday: { type: Number, required: true, min: 1, max: 7 },
    start: { type: String, required: true, match: hhmm },
    end: { type: String, required: true, match: hhmm },
  },
  { timestamps: true, collection: "weekly_hours" },
);

/** A date exception: time off ("closed") or extra hours ("open"), as UTC instants. */
const scheduleExceptionSchema = new Schema(
  {
    kind: { type: String, enum: ["closed", "open"], required: true },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    note: { type: String, maxlength: 200 },
  },
  { timestamps: true, collection: "schedule_exceptions" },
);
scheduleExceptionSchema.index({ end: 1 });
bumpsCalendar(weeklyHoursSchema, "schedule");
bumpsCalendar(scheduleExceptionSchema, "schedule");

export type WeeklyHoursFields = InferSchemaType<typeof weeklyHoursSchema>;
export type ScheduleExceptionFields = InferSchemaType<typeof scheduleExceptionSchema>;
export const WeeklyHoursModel = model("WeeklyHours", weeklyHoursSchema);
export const ScheduleExceptionModel = model("ScheduleException", scheduleExceptionSchema);
