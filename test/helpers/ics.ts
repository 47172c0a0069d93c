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

/** One property of an iCalendar component: its parameters and its (unescaped) value. */
export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** A parsed component: its properties in order, and the components inside it. */
export interface IcsComponent {
  name: string;
  properties: IcsProperty[];
  components: IcsComponent[];
}

/** The first property named `name` of a component, if any. */
export function prop(component: IcsComponent, name: string): IcsProperty | undefined {
  return component.properties.find((p) => p.name === name);
}

const TEXT_PROPERTIES = new Set(["SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "X-WR-CALNAME"]);
const UTC_DATE_TIME = /^\d{8}T\d{6}Z$/;
const DATE = /^\d{8}$/;

/**
 * A small RFC 5545 checker for what calendar subscriptions rely on: CRLF line ends, lines of at
 * most 75 octets (continuations start with a space or tab), well-formed content lines, balanced
 * BEGIN/END, VERSION 2.0 and PRODID once, and per VEVENT one UID (unique in the calendar), DTSTAMP
 * and DTSTART, an end after the start of the same value type, times in UTC (`...Z`) or dates,
 * escaped commas and semicolons in text, an integer SEQUENCE and a known STATUS. Returns the
 * problems found (none: valid) and the parsed calendar.
 */
export function checkRfc5545(text: string): { problems: string[]; calendar?: IcsComponent } {
  const problems: string[] = [];
  if (!text.endsWith("\r\n")) problems.push("the text does not end with CRLF");
  if (/[^\r]\n|\r[^\n]/.test(text)) problems.push("a line break other than CRLF");
  const physical = text.split("\r\n").slice(0, -1);
  physical.forEach((line, i) => {
    if (Buffer.byteLength(line, "utf8") > 75) problems.push(`line ${i + 1} is ${Buffer.byteLength(line, "utf8")} octets long`);
  });
  const logical: string[] = [];
  for (const line of physical) {
    if (/^[ \t]/.test(line)) {
      if (logical.length === 0) problems.push("a continuation line first");
      else logical[logical.length - 1] += line.slice(1);
    } else logical.push(line);
  }
  const stack: IcsComponent[] = [];
  let calendar: IcsComponent | undefined;
  for (const line of logical) {
    const m = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/.exec(line);
    if (!m) {
      problems.push(`not a content line: ${line}`);
      continue;
    }
    const name = m[1]!.toUpperCase();
    const params = Object.fromEntries([...m[2]!.matchAll(/;([A-Za-z0-9-]+)=("[^"]*"|[^;]*)/g)].map((p) => [p[1]!.toUpperCase(), p[2]!]));
    const raw = m[3]!;
    if (name === "BEGIN") {
      const component: IcsComponent = { name: raw, properties: [], components: [] };
      if (stack.length > 0) stack[stack.length - 1]!.components.push(component);
      else if (calendar) problems.push("a second top-level component");
      else calendar = component;
      stack.push(component);
      continue;
    }
    if (name === "END") {
      const open = stack.pop();
      if (open?.name !== raw) problems.push(`END:${raw} closes ${open?.name ?? "nothing"}`);
      continue;
    }
    if (stack.length === 0) {
      problems.push(`${name} outside any component`);
      continue;
    }
    if (TEXT_PROPERTIES.has(name) && /(^|[^\\])[,;]/.test(raw.replace(/\\\\/g, ""))) problems.push(`${name} has an unescaped comma or semicolon: ${raw}`);
    const value = TEXT_PROPERTIES.has(name) ? raw.replace(/\\([\\,;nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c)) : raw;
    stack[stack.length - 1]!.properties.push({ name, params, value });
  }
  if (stack.length > 0) problems.push(`${stack.map((c) => c.name).join(", ")} not closed`);
  if (!calendar || calendar.name !== "VCALENDAR") return { problems: [...problems, "no VCALENDAR"] };
  const count = (c: IcsComponent, name: string) => c.properties.filter((p) => p.name === name).length;
  if (count(calendar, "VERSION") !== 1 || prop(calendar, "VERSION")?.value !== "2.0") problems.push("VERSION:2.0 missing or repeated");
  if (count(calendar, "PRODID") !== 1) problems.push("PRODID missing or repeated");
  const uids = new Set<string>();
  for (const event of calendar.components.filter((c) => c.name === "VEVENT")) {
    const uid = prop(event, "UID")?.value ?? "";
    for (const name of ["UID", "DTSTAMP", "DTSTART"]) if (count(event, name) !== 1) problems.push(`${uid}: ${name} missing or repeated`);
    if (uids.has(uid)) problems.push(`${uid}: UID repeated`);
    uids.add(uid);
    if (prop(event, "DTEND") && prop(event, "DURATION")) problems.push(`${uid}: both DTEND and DURATION`);
    if (!UTC_DATE_TIME.test(prop(event, "DTSTAMP")?.value ?? "")) problems.push(`${uid}: DTSTAMP not in UTC`);
    const start = prop(event, "DTSTART");
    const end = prop(event, "DTEND");
    for (const p of [start, end]) {
      if (!p) continue;
      const isDate = p.params.VALUE === "DATE";
      if (isDate ? !DATE.test(p.value) : !UTC_DATE_TIME.test(p.value)) problems.push(`${uid}: ${p.name} ${p.value} is neither a UTC time nor a date`);
    }
    if (start && end) {
      if ((start.params.VALUE === "DATE") !== (end.params.VALUE === "DATE")) problems.push(`${uid}: DTSTART and DTEND of different types`);
      else if (end.value <= start.value) problems.push(`${uid}: DTEND not after DTSTART`);
    }
    const sequence = prop(event, "SEQUENCE");
    if (sequence && !/^\d+$/.test(sequence.value)) problems.push(`${uid}: SEQUENCE ${sequence.value}`);
    const status = prop(event, "STATUS");
    if (status && !["TENTATIVE", "CONFIRMED", "CANCELLED"].includes(status.value)) problems.push(`${uid}: STATUS ${status.value}`);
  }
  return { problems, calendar };
}
