import { DateTime } from "luxon";
import type { Language } from "../domain/enums.js";
import { MARKETING_CHANNELS } from "../domain/enums.js";
import type { AuditView } from "../services/audit.js";
import type { AuditReport } from "../services/audit-report.js";
import { PROFILE_FIELDS } from "../services/privacy.js";
import { formatDateTime, formatList, formatTime } from "./format.js";
import { LINK_AUDIT_FIELDS } from "./features/customer-record.js";

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/**
 * The field names audit entries carry, each with an `audit-field-*` text: the customer's own fields,
 * the marketing channels (consent entries) and the parts of a record an admin looked at.
 */
export const AUDIT_FIELDS: readonly string[] = [
  ...PROFILE_FIELDS,
  ...MARKETING_CHANNELS,
  "language",
  "attendance",
  "payments",
  "profile",
  "consents",
  "bookings",
  "audit",
  ...LINK_AUDIT_FIELDS,
];

/** At most this many lines of the trail are shown, the newest. */
const MAX_LINES = 50;

/**
 * What an entry says, as the predicate of a sentence: the text's key and the field names it lists.
 * The views the admin commands record are named for what she did (a search, the card, the contact
 * details); other actions read from their `audit-action-*` text.
 */
function predicate(e: AuditView): { key: string; fields?: string[] } {
  const fields = e.fields ?? [];
  const only = (...names: string[]) => fields.length === names.length && names.every((n) => fields.includes(n));
  const own = e.actor === "customer";
  switch (e.action) {
    case "view":
      if (only("firstName", "lastName")) return { key: "audit-did-search" };
      if (only("email", "phone")) return { key: "audit-did-view-contact" };
      if (only("profile", "consents", "bookings", "payments")) return { key: "audit-did-view-card" };
      if (only("audit")) return { key: "audit-did-view-audit" };
      return { key: "audit-did-view", fields };
    case "change":
      if (only("attendance")) return { key: "audit-did-attendance" };
      if (only("payments")) return { key: "audit-did-payment" };
      return { key: own ? "audit-did-change-own" : "audit-did-change", fields };
    case "consent":
      return { key: own ? "audit-did-consent-own" : "audit-did-consent", fields };
    case "export":
      return { key: own ? "audit-did-export-own" : "audit-did-export" };
    default:
      return { key: `audit-action-${e.action}` };
  }
}

/** "ti 1.12.2026 klo 8.00", or a span: "ti 1.12.2026 klo 8.00–9.15", "ti 1.12.2026 klo 8.00 – to 3.12.2026 klo 9.00". */
function span(first: number, last: number, language: Language, zone: string): string {
  const from = formatDateTime(first, language, zone);
  if (last === first) return from;
  const sameDay = DateTime.fromMillis(first, { zone }).hasSame(DateTime.fromMillis(last, { zone }), "day");
  return sameDay ? `${from}–${formatTime(last, language, zone)}` : `${from} – ${formatDateTime(last, language, zone)}`;
}

/**
 * A customer's audit trail (A8) as sentences in the reader's language: when, who by name (the
 * customer, a practitioner, the bot) and what in words. Repeats of the same thing by the same actor
 * on the same day (a search that found the customer again and again, say) are one line with a
 * count; the calendar subscription's views of the customer's bookings are one line per practitioner.
 */
export function renderAuditReport(report: AuditReport, t: Translate, language: Language, zone: string): string {
  const actor = (raw: string) => {
    const admin = /^admin:(\d+)$/.exec(raw);
    if (admin) {
      const name = report.adminNames[admin[1]!];
      return name ? t("audit-actor-admin-named", { name }) : t("audit-actor-admin", { id: admin[1]! });
    }
    if (raw === "customer") return report.customerName || t("audit-actor-customer");
    return t("audit-actor-system");
  };
  const fieldName = (f: string) => (AUDIT_FIELDS.includes(f) ? t(`audit-field-${f}`) : f);

  type Group = { first: number; last: number; count: number; actor: string; predicate: ReturnType<typeof predicate>; signature: string };
  const groups: Group[] = [];
  for (const e of report.entries) {
    const at = Date.parse(e.at);
    const p = predicate(e);
    const signature = `${e.actor} ${p.key} ${(p.fields ?? []).join(",")}`;
    const previous = groups.at(-1);
    if (previous && previous.signature === signature && DateTime.fromMillis(previous.first, { zone }).hasSame(DateTime.fromMillis(at, { zone }), "day")) {
      previous.last = at;
      previous.count++;
    } else groups.push({ first: at, last: at, count: 1, actor: e.actor, predicate: p, signature });
  }
  const lines: Array<[number, string]> = groups.map((g) => {
    const vars = {
      when: span(g.first, g.last, language, zone),
      actor: actor(g.actor),
      did: t(g.predicate.key),
      times: g.count > 1 ? t("audit-times", { count: g.count }) : "",
    };
    const fields = g.predicate.fields ?? [];
    return [g.first, fields.length > 0 ? t("audit-sentence-fields", { ...vars, fields: formatList(fields.map(fieldName), language) }) : t("audit-sentence", vars)];
  });
  for (const v of report.feedViews) {
    lines.push([v.first, t("audit-feed-views", { when: span(v.first, v.last, language, zone), actor: actor(`admin:${v.adminId}`), count: v.fetches })]);
  }
  const text = lines.sort((a, b) => a[0] - b[0]).map(([, line]) => line);
  return `${t("admin-audit-title", { name: report.customerName || t("audit-actor-customer") })}\n${text.slice(-MAX_LINES).join("\n")}`;
}
