import { Composer, InlineKeyboard } from "grammy";
import type { BusinessProfile } from "../../config.js";
import type { Language } from "../../domain/enums.js";
import type { Services } from "../../services/index.js";
import { calendarFile } from "../calendar-file.js";
import type { CustomerContext } from "../context.js";
import { changeRefusalText, MOVE_CONVERSATION } from "../conversations/booking.js";
import { formatDateTime } from "../format.js";
import { buttons } from "../buttons.js";
import { MENU } from "../keyboards.js";
import type { AdminNotifier } from "../notify.js";
import type { FeatureSurface } from "../surface.js";
import { replyWaitlistEntries } from "./waitlist.js";

/** Buttons of a listed booking; the reference is opaque and checked against the presser. */
export const myBookingButtons = buttons("mb", { action: String, ref: String });
const ACTIONS = ["cancel", "yes", "keep", "move"] as const;

export const myBookingsSurface: FeatureSurface = {
  commands: [{ name: "mybookings", menu: 2, endsFlow: true }],
  flowEndingButtons: [myBookingButtons.any],
};
const MAX_LISTED = 10;

/**
 * `/mybookings` (B6): upcoming bookings, each with Cancel and Reschedule, or, past the cutoff,
 * the practice's phone and email instead; cancelling asks for confirmation (B7) and sends a
 * calendar file that withdraws the event. Every press is checked: the booking must be the
 * presser's own, still standing and before the cutoff; anything else gets a clear answer and
 * changes nothing.
 */
export function myBookingsFeature(
  services: Services,
  notifier: AdminNotifier,
  config: { zone: string; business: BusinessProfile; cancellationCutoffHours: number },
): Composer<CustomerContext> {
  const composer = new Composer<CustomerContext>();
  const language = (ctx: CustomerContext): Language => ctx.customer.language;
  const when = (ctx: CustomerContext, instant: number) => formatDateTime(instant, language(ctx), config.zone);

  const list = async (ctx: CustomerContext) => {
    const bookings = await services.upcomingBookings(ctx.from!.id, Date.now());
    if (bookings.length === 0) {
      // The waitlist entries, if any, stand in for the empty list.
      if ((await replyWaitlistEntries(ctx, services, config.zone)) === 0) await ctx.reply(ctx.t("my-bookings-empty"));
      return;
    }
    await ctx.reply(ctx.t("my-bookings-title"));
    const now = Date.now();
    for (const booking of bookings.slice(0, MAX_LISTED)) {
      const item = { when: when(ctx, booking.start), service: booking.serviceName[language(ctx)] };
      const deadline = services.changeDeadline(booking.start);
      // Past the cutoff the buttons could only lead to a refusal: give the way that still works.
      if (now > deadline) {
        await ctx.reply(ctx.t("my-bookings-item-locked", { ...item, phone: config.business.phone, email: config.business.email }));
        continue;
      }
      const keyboard = new InlineKeyboard()
        .text(ctx.t("button-cancel-booking"), myBookingButtons.pack({ action: "cancel", ref: booking.ref }))
        .text(ctx.t("button-move-booking"), myBookingButtons.pack({ action: "move", ref: booking.ref }));
      await ctx.reply(ctx.t("my-bookings-item", { ...item, deadline: when(ctx, deadline) }), { reply_markup: keyboard });
    }
    await replyWaitlistEntries(ctx, services, config.zone);
  };
  composer.command("mybookings", list);
  composer.callbackQuery(MENU.myBookings, async (ctx) => {
    await ctx.answerCallbackQuery();
    await list(ctx);
  });

  composer.callbackQuery(myBookingButtons.any, async (ctx, next) => {
    const pressed = myBookingButtons.read(ctx.callbackQuery.data);
    const action = ACTIONS.find((a) => a === pressed?.action);
    const ref = pressed?.ref ?? "";
    if (!action || !/^[\w-]{1,32}$/.test(ref)) return next();
    const now = Date.now();
    if (action === "keep") {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t("cancel-kept"));
      return;
    }
    if (action === "yes") {
      const result = await services.cancelBooking(ctx.from.id, ref, now);
      await ctx.answerCallbackQuery();
      if (!result.ok) {
        await ctx.editMessageText(changeRefusalText(ctx, result.reason, config));
        return;
      }
      const { booking } = result.cancellation;
      await ctx.editMessageText(ctx.t("cancel-done", { when: when(ctx, booking.start), service: booking.serviceName[language(ctx)] }));
      ctx.logger.info({ bookingId: booking.id }, "booking cancelled by customer");
      await notifier.cancelled(result.cancellation);
      const { file, caption } = calendarFile(booking, "cancelled", language(ctx), ctx.t, config);
      // The booking is cancelled whatever happens here: a failed upload must not read as a failed cancel.
      await ctx.replyWithDocument(file, { caption }).catch((error: unknown) => {
        ctx.logger.warn({ err: error, bookingId: booking.id }, "could not send the cancelling calendar file");
      });
      return;
    }
    const check = await services.checkChangeable(ctx.from.id, ref, now);
    await ctx.answerCallbackQuery();
    if (!check.ok) {
      await ctx.editMessageText(changeRefusalText(ctx, check.reason, config));
      return;
    }
    if (action === "move") {
      await ctx.conversation.enter(MOVE_CONVERSATION, ref);
      return;
    }
    await ctx.editMessageText(
      ctx.t("cancel-confirm", { when: when(ctx, check.booking.start), service: check.booking.serviceName[language(ctx)] }),
      {
        reply_markup: new InlineKeyboard()
          .text(ctx.t("button-cancel-yes"), myBookingButtons.pack({ action: "yes", ref }))
          .row()
          .text(ctx.t("button-cancel-keep"), myBookingButtons.pack({ action: "keep", ref })),
      },
    );
  });
  return composer;
}
