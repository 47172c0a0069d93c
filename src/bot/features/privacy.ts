import { Composer } from "grammy";
import type { BusinessProfile, RetentionRules } from "../../config.js";
import type { Language } from "../../domain/enums.js";
import { isInEea, type Processor } from "../../domain/processors.js";
import type { BotContext } from "../context.js";
import { formatCountry, formatList } from "../format.js";
import type { FeatureSurface } from "../surface.js";
import { MENU } from "../keyboards.js";

/** What the privacy notice states about the practice's set-up: all of it from the configuration. */
export interface PrivacyNoticeFacts {
  business: BusinessProfile;
  processors: Processor[];
  retention: RetentionRules;
  backup: { intervalHours: number; keep: number };
  defaultLanguage: Language;
}

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** The message keys of the notice, sent in this order as consecutive messages. */
export const PRIVACY_NOTICE_PARTS = ["privacy-notice", "privacy-notice-2"] as const;

/**
 * The full privacy notice (P1), filled in from the configuration, as consecutive messages: the whole
 * notice is longer than Telegram's 4,096 characters, so it comes in parts that each stay within it.
 */
export function privacyNotice(t: Translate, language: Language, facts: PrivacyNoticeFacts): string[] {
  const { business, processors, retention, backup } = facts;
  const countries = (codes: string[]) => formatList(codes.map((c) => formatCountry(c, language)), language);
  const outside = [...new Set(processors.flatMap((p) => p.countries).filter((c) => !isInEea(c)))];
  const hosting =
    processors.length === 0
      ? t("privacy-hosting-own")
      : t("privacy-hosting", {
          count: processors.length,
          processors: formatList(processors.map((p) => t("privacy-processor", { name: p.name, countries: countries(p.countries) })), language),
        });
  const transfers = outside.length === 0 ? t("privacy-transfers-eea") : t("privacy-transfers-outside", { countries: countries(outside) });
  // Backups rotate out after `keep` intervals; erased data can live that long in the oldest one.
  const backups =
    backup.intervalHours > 0
      ? t("privacy-backups", { days: Math.ceil((backup.intervalHours * backup.keep) / 24) })
      : t("privacy-backups-manual", { keep: backup.keep });
  const vars = {
    controller: business.name,
    businessId: business.businessId,
    address: business.address,
    email: business.email,
    phone: business.phone,
    contact: business.contactPerson,
    hosting,
    transfers,
    backups,
    waitlist: t("privacy-waitlist"),
    inactiveYears: retention.inactiveYears,
    answerDays: retention.answerDays,
    technicalDays: retention.technicalDays,
    auditDays: retention.auditDays,
    paymentYears: retention.paymentYears,
    accessLogDays: retention.accessLogDays,
  };
  return PRIVACY_NOTICE_PARTS.map((key) => t(key, vars));
}

/** `/privacy` answers in the middle of a flow and leaves it waiting. */
export const privacySurface: FeatureSurface = { commands: [{ name: "privacy", menu: 6, endsFlow: false }], flowEndingButtons: [] };

/** `/privacy` and the Privacy button. Works in the middle of a booking without ending it. */
export function privacyFeature(facts: PrivacyNoticeFacts): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const send = async (ctx: BotContext) => {
    const language = ctx.customer?.language ?? facts.defaultLanguage;
    for (const part of privacyNotice((key, vars) => ctx.t(key, vars), language, facts)) await ctx.reply(part);
  };
  composer.command("privacy", send);
  composer.callbackQuery(MENU.privacy, async (ctx) => {
    await ctx.answerCallbackQuery();
    await send(ctx);
  });
  return composer;
}
