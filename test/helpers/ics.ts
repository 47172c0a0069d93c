import type { FakeTelegram } from "./fake-telegram.js";

/** The properties of one sent calendar file that calendar apps go by. */
export interface SentCalendarFile {
  method?: string;
  uid?: string;
  sequence?: number;
  status?: string;
  dtstart?: string;
  caption: string;
}

/** Parses the iCalendar text inside an upload's multipart body (folded lines unfolded). */
export function parseCalendarFile(multipart: string, caption = ""): SentCalendarFile {
  const start = multipart.indexOf("BEGIN:VCALENDAR");
  const end = multipart.indexOf("END:VCALENDAR");
  if (start < 0 || end < 0) throw new Error("no calendar in the upload");
  const lines = multipart.slice(start, end).replace(/\r\n[ \t]/g, "").split("\r\n");
  const value = (name: string) => lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);
  const sequence = value("SEQUENCE");
  return {
    method: value("METHOD"),
    uid: value("UID"),
    sequence: sequence === undefined ? undefined : Number(sequence),
    status: value("STATUS"),
    dtstart: value("DTSTART"),
    caption,
  };
}

/** Every calendar file delivered to a chat, in order. */
export function calendarFilesTo(tg: FakeTelegram, chatId: number): SentCalendarFile[] {
  return tg
    .callsOf("sendDocument", chatId)
    .filter((c) => c.multipart?.includes("BEGIN:VCALENDAR"))
    .map((c) => parseCalendarFile(c.multipart!, String(c.payload.caption ?? "")));
}
