import { ServiceModel } from "../db/models/service.js";
import { WeeklyHoursModel } from "../db/models/schedule.js";

/** Classic massage in four lengths; the practitioner can change all of it later. */
export const DEFAULT_SERVICES = [
  { key: "classic-30", minutes: 30, priceCents: 3500, fi: "Klassinen hieronta 30 min", sv: "Klassisk massage 30 min", en: "Classic massage 30 min" },
  { key: "classic-45", minutes: 45, priceCents: 4500, fi: "Klassinen hieronta 45 min", sv: "Klassisk massage 45 min", en: "Classic massage 45 min" },
  { key: "classic-60", minutes: 60, priceCents: 5500, fi: "Klassinen hieronta 60 min", sv: "Klassisk massage 60 min", en: "Classic massage 60 min" },
  { key: "classic-90", minutes: 90, priceCents: 7900, fi: "Klassinen hieronta 90 min", sv: "Klassisk massage 90 min", en: "Classic massage 90 min" },
];

/** Monday to Friday 9–12 and 12:30–17 (a lunch break); weekends closed. */
export const DEFAULT_WEEKLY_HOURS = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: "09:00", end: "12:00" },
  { weekday, start: "12:30", end: "17:00" },
]);

/**
 * Gives a fresh database sensible services and weekday hours. Services are seeded only while there
 * are none (a default the practitioner deleted stays deleted), upserted by key, so instances
 * starting together create each once; nothing is changed once it exists.
 */
export async function seedDefaults(): Promise<void> {
  if (!(await ServiceModel.exists({}))) await seedServices();
  if ((await WeeklyHoursModel.estimatedDocumentCount()) === 0) {
    // Two instances racing here can both insert; availability merges duplicate intervals.
    await WeeklyHoursModel.insertMany(DEFAULT_WEEKLY_HOURS);
  }
}

async function seedServices(): Promise<void> {
  await Promise.all(
    DEFAULT_SERVICES.map((s, index) =>
      ServiceModel.updateOne(
        { key: s.key },
        {
          $setOnInsert: {
            key: s.key,
            name: { fi: s.fi, sv: s.sv, en: s.en },
            durationMinutes: s.minutes,
            priceCents: s.priceCents,
            vat: { treatment: "exempt", ratePercent: 0 },
            bufferAfterMinutes: 15,
            active: true,
            sortOrder: index,
          },
        },
        { upsert: true },
      ),
    ),
  );
}
