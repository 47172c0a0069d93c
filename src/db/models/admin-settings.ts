import { Schema, model } from "mongoose";

/**
 * A practitioner's own settings, keyed by their Telegram id (one of ADMIN_IDS). `dailyAgendaAt` is
 * the wall-clock time ("HH:mm", practice's zone) of the daily agenda (A15), absent when it is off;
 * `agendaSentOn` the last local date (yyyy-mm-dd) it was sent for, so a day goes out once.
 */
const adminSettingsSchema = new Schema(
  {
    _id: { type: Number, required: true },
    dailyAgendaAt: { type: String },
    agendaSentOn: { type: String },
  },
  { collection: "admin_settings", versionKey: false },
);

export const AdminSettingsModel = model("AdminSettings", adminSettingsSchema);
