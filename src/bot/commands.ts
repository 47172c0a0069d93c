import { CommandGroup } from "@grammyjs/commands";
import type { I18n } from "@grammyjs/i18n";
import type { Api } from "grammy";
import { LANGUAGES, type Language } from "../domain/enums.js";
import { anyOf } from "./buttons.js";
import type { BotContext } from "./context.js";
import { profileSurface } from "./conversations/profile.js";
import { adminCommands, customerButtons, receiptButtons, requestButtons, timeOffButtons } from "./features/admin.js";
import { bookForCardButtons, bookForCommands } from "./features/book-for.js";
import { calendarFeedCommands, feedButtons } from "./features/calendar-feed.js";
import { lastMinuteCommands } from "./features/last-minute.js";
import { customerRecordButtons, eraseDeclinedButtons } from "./features/customer-record.js";
import { helpSurface } from "./features/help.js";
import { myBookingsSurface } from "./features/my-bookings.js";
import { privacyRightsSurface } from "./features/privacy-rights.js";
import { privacySurface } from "./features/privacy.js";
import { serviceButtons, serviceFieldButtons, servicesMenuButtons, servicesMenuCommands } from "./features/services-menu.js";
import { startSurface } from "./features/start.js";
import { waitlistSurface } from "./features/waitlist.js";
import { bookingCardButtons, calendarButtons, calendarViewCommands, unblockButtons } from "./features/week.js";
import { adminBookingButtons } from "./keyboards.js";
import type { FeatureSurface } from "./surface.js";

/** Every customer-facing feature's commands and buttons; the menus and interrupts derive from these. */
export const CUSTOMER_SURFACES: readonly FeatureSurface[] = [
  startSurface,
  myBookingsSurface,
  profileSurface,
  privacyRightsSurface,
  privacySurface,
  helpSurface,
  waitlistSurface,
];

/** The practitioner's commands, as her features declare them, in her menu's order. */
export const ADMIN_COMMANDS: readonly string[] = [
  ...adminCommands,
  ...calendarViewCommands,
  ...servicesMenuCommands,
  ...lastMinuteCommands,
  ...calendarFeedCommands,
  ...bookForCommands,
]
  .sort((a, b) => (a.menu ?? 0) - (b.menu ?? 0))
  .map((c) => c.name);

/**
 * The practitioner's commands and the buttons of all her features, from their codecs: each
 * starts something new, so it ends a flow in progress; for anyone else they are unknown input.
 */
export const adminSurface: FeatureSurface = {
  commands: ADMIN_COMMANDS.map((name) => ({ name, endsFlow: true })),
  flowEndingButtons: anyOf([
    adminBookingButtons,
    customerButtons,
    timeOffButtons,
    requestButtons,
    receiptButtons,
    bookForCardButtons,
    customerRecordButtons,
    eraseDeclinedButtons,
    calendarButtons,
    bookingCardButtons,
    unblockButtons,
    feedButtons,
    servicesMenuButtons,
    serviceButtons,
    serviceFieldButtons,
  ]),
};

/** The commands customers see in Telegram's menu, in the order shown. */
export const PUBLIC_COMMANDS: readonly string[] = CUSTOMER_SURFACES.flatMap((s) => s.commands)
  .filter((c) => c.menu !== undefined)
  .sort((a, b) => (a.menu ?? 0) - (b.menu ?? 0))
  .map((c) => c.name);

/**
 * The public command list with descriptions in every language; the default (no language code)
 * uses the practice's default language.
 */
export function publicCommands(i18n: I18n<BotContext>, defaultLanguage: Language): CommandGroup<BotContext> {
  const group = new CommandGroup<BotContext>();
  for (const name of PUBLIC_COMMANDS) {
    const command = group.command(name, i18n.t(defaultLanguage, `command-${name}`));
    for (const language of LANGUAGES) command.localize(language, name, i18n.t(language, `command-${name}`));
  }
  return group;
}

/** Registers the command menu with Telegram in all languages. */
export async function registerCommands(api: Api, i18n: I18n<BotContext>, defaultLanguage: Language): Promise<void> {
  await publicCommands(i18n, defaultLanguage).setCommands({ api });
}

/**
 * Registers the admin commands in each admin's own chat only (scope "chat"), together with the
 * public ones, so nobody else ever sees them. An admin who has not started the bot yet cannot
 * be given a chat scope; that admin is skipped and gets it at the next start.
 */
export async function registerAdminCommands(
  api: Api,
  i18n: I18n<BotContext>,
  defaultLanguage: Language,
  adminIds: number[],
  adminCommands: readonly string[],
  onError: (error: unknown) => void,
): Promise<void> {
  for (const chatId of adminIds) {
    for (const language of [undefined, ...LANGUAGES]) {
      const l = language ?? defaultLanguage;
      const commands = [...PUBLIC_COMMANDS, ...adminCommands].map((command) => ({
        command,
        description: i18n.t(l, `command-${command}`),
      }));
      try {
        await api.setMyCommands(commands, { scope: { type: "chat", chat_id: chatId }, ...(language ? { language_code: language } : {}) });
      } catch (error) {
        onError(error);
        break;
      }
    }
  }
}
