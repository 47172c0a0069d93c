import type { ScheduleException, WeeklyInterval } from "../domain/availability.js";
import { ScheduleExceptionModel, WeeklyHoursModel } from "../db/models/schedule.js";

/** Weekly hours and the exceptions that end after `from`. */
export async function loadSchedule(from: Date): Promise<{
  weeklyHours: WeeklyInterval[];
  exceptions: ScheduleException[];
}> {
  const [weekly, exceptions] = await Promise.all([
    WeeklyHoursModel.find().lean(),
    ScheduleExceptionModel.find({ end: { $gt: from } }).lean(),
  ]);
  return {
    weeklyHours: weekly.map((w) => ({ weekday: w.weekday, start: w.start, end: w.end })),
    exceptions: exceptions.map((e) => ({ kind: e.kind, start: e.start.getTime(), end: e.end.getTime() })),
  };
}
