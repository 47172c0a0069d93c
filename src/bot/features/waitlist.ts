import { Composer, InlineKeyboard } from "grammy";
import type { Language } from "../../domain/enums.js";
import type { Services } from "../../services/index.js";
import type { DueOffer, WaitlistEntryView } from "../../services/waitlist.js";
import { buttons } from "../buttons.js";
import type { CustomerContext } from "../context.js";
import { BOOKING_CONVERSATION, MOVE_CONVERSATION, type MoveWaitlistPreset, type WaitlistPreset } from "../conversations/booking.js";
import { formatDateTime, formatDay, formatDayShort, formatList, formatTime, localDate } from "../format.js";
import type { FeatureSurface } from "../surface.js";

/**
 * The waitlist's buttons: `take` an offered time (entry, start ms), `leave` the list from an offer
 * (entry), `remove` an entry from /mybookings (entry). Ids are checked against the presser.
 */
export const waitlistButtons = buttons("wl", { action: String, entry: String, start: String });

export const waitlistSurface: FeatureSurface = {
  commands: [],
  // Taking an offered time starts a booking; leaving and removing answer in place. All of them
  // end a flow in progress, as the /mybookings buttons do.
  flowEndingButtons: [waitlistButtons.any],
};

const ENTRY_ID = /^[0-9a-f]{24}$/;

/** An entry's days and part of the day as one line: "ti 1.12.2026–ma 7.12.2026, aamupäivä". */
export function describeEntry(entry: Pick<WaitlistEntryView, "fromDay" | "toDay" | "part">, language: Language, t: CustomerContext["t"]): string {
  const days = entry.fromDay === entry.toDay ? formatDay(entry.fromDay, language) : `${formatDay(entry.fromDay, language)}–${formatDay(entry.toDay, language)}`;
  return t("waitlist-entry-days", { days, part: t(`waitlist-part-${entry.part}`) });
}

/** The customer's waitlist entries under /mybookings, each with a remove button; how many were listed. */
export async function replyWaitlistEntries(ctx: CustomerContext, services: Services, zone: string): Promise<number> {
  const entries = await services.waitlist.entries(ctx.from!.id, Date.now());
  if (entries.length === 0) return 0;
  const language = ctx.customer.language;
  await ctx.reply(ctx.t("waitlist-list-title"));
  for (const entry of entries) {
    const vars = { service: entry.serviceName[language], days: describeEntry(entry, language, ctx.t) };
    const text =
      entry.moving === undefined
        ? ctx.t("waitlist-list-item", vars)
        : ctx.t("waitlist-list-item-move", { ...vars, current: formatDateTime(entry.moving, language, zone) });
    await ctx.reply(text, {
      reply_markup: new InlineKeyboard().text(ctx.t("button-waitlist-remove"), waitlistButtons.pack({ action: "remove", entry: entry.id, start: "" })),
    });
  }
  return entries.length;
}

/**
 * An offer message's text and buttons: a button per freed time and "no more offers" (W2). Times
 * someone else booked since (`gone`) lose their buttons and are named in a line of their own.
 */
export function offerMessage(
  offer: Pick<DueOffer, "entryId" | "language" | "serviceName" | "starts" | "moving"> & { gone?: number[] },
  zone: string,
  t: (key: string, vars?: Record<string, string | number>) => string,
) {
  const l = offer.language;
  const label = (start: number) => t("button-waitlist-take", { day: formatDayShort(localDate(start, zone), l), time: formatTime(start, l, zone) });
  const keyboard = new InlineKeyboard();
  for (const start of offer.starts) {
    keyboard.text(label(start), waitlistButtons.pack({ action: "take", entry: offer.entryId, start: String(start) })).row();
  }
  keyboard.text(t("button-waitlist-leave"), waitlistButtons.pack({ action: "leave", entry: offer.entryId, start: "" }));
  const service = offer.serviceName[l];
  const lines = [
    offer.moving === undefined ? t("waitlist-offer", { service }) : t("waitlist-offer-move", { service, current: formatDateTime(offer.moving, l, zone) }),
  ];
  const gone = offer.gone ?? [];
  if (gone.length > 0) {
    // "ke 2.12. 10.00, 10.15 ja 10.30", a day's times together.
    const days = new Map<string, number[]>();
    for (const start of gone) days.set(localDate(start, zone), [...(days.get(localDate(start, zone)) ?? []), start]);
    const times = [...days].map(([day, starts]) => `${formatDayShort(day, l)} ${formatList(starts.map((s) => formatTime(s, l, zone)), l)}`);
    const taken = t("waitlist-offer-taken", { times: times.join("; ") });
    lines.push(offer.starts.length > 0 ? taken : `${taken} ${t("waitlist-offer-all-taken")}`);
  }
  return { text: lines.join("\n\n"), keyboard };
}

/** The waitlist's buttons: take an offered time (enters the booking flow preset), leave, remove. */
export function waitlistFeature(services: Services): Composer<CustomerContext> {
  const composer = new Composer<CustomerContext>();
  composer.callbackQuery(waitlistButtons.any, async (ctx, next) => {
    const pressed = waitlistButtons.read(ctx.callbackQuery.data);
    if (!pressed || !ENTRY_ID.test(pressed.entry)) return next();
    if (pressed.action === "remove" || pressed.action === "leave") {
      await services.waitlist.leave(ctx.from.id, pressed.entry);
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t(pressed.action === "leave" ? "waitlist-left" : "waitlist-removed"));
      return;
    }
    if (pressed.action !== "take" || !/^\d{1,15}$/.test(pressed.start)) return next();
    const check = await services.waitlist.checkOffer(ctx.from.id, pressed.entry, Number(pressed.start), Date.now());
    await ctx.answerCallbackQuery();
    if (!check.ok) {
      await ctx.reply(ctx.t(check.reason === "gone" ? "waitlist-offer-gone" : "waitlist-offer-unknown"));
      return;
    }
    if (check.moveRef !== undefined) {
      const preset: MoveWaitlistPreset = { entryId: check.entryId, start: check.start };
      await ctx.conversation.enter(MOVE_CONVERSATION, check.moveRef, preset);
      return;
    }
    const preset: WaitlistPreset = { entryId: check.entryId, serviceId: check.service.id, start: check.start };
    await ctx.conversation.enter(BOOKING_CONVERSATION, preset);
  });
  return composer;
}
