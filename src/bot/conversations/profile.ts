import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import { GENDERS, LANGUAGES, type Language } from "../../domain/enums.js";
import type { Validated } from "../../domain/contact.js";
import { OPTIONAL_FIELDS as OPTIONAL, PROFILE_FIELDS as FIELDS } from "../../services/privacy.js";
import type { Actor } from "../../services/audit.js";
import type { ProfileField, ProfileView } from "../../services/privacy.js";
import type { ConversationContext, CustomerContext } from "../context.js";
import { Prompt, type AnswerRules } from "./prompt.js";

/** Identifier under which the profile conversation is registered and entered. */
export const PROFILE_CONVERSATION = "profile";

export interface ProfileFlowDeps {
  profile(telegramId: number): Promise<ProfileView | undefined>;
  validateProfileValue(field: ProfileField, raw: string, thisYear: number): Validated<string | number>;
  updateProfileField(telegramId: number, field: ProfileField, value: string | number | undefined, actor: Actor, now: Date): Promise<boolean>;
  updateLanguage(telegramId: number, language: Language, now: Date): Promise<void>;
}

const CB = "pf";

/**
 * `/profile` (P6): shows what is stored and lets the customer correct each field: name, email,
 * phone, language and the optional address, gender and birth year (which can also be removed).
 * Typed values are validated as in booking; every change is audit-logged by the service.
 */
export function createProfileConversation(deps: ProfileFlowDeps) {
  return async function profileFlow(
    conversation: Conversation<CustomerContext, ConversationContext>,
    ctx: ConversationContext,
  ): Promise<void> {
    const telegramId = ctx.from?.id;
    if (telegramId === undefined) return;
    const prompt = new Prompt(ctx);

    /**
     * The next press on the current prompt, or typed text that `acceptText` accepts; presses on
     * earlier prompts only get "expired".
     */
    async function answer(acceptText: AnswerRules["acceptText"] = false) {
      for (;;) {
        const a = await prompt.answer(conversation, { prefix: CB, acceptText, commandReply: "profile-command-in-flow" });
        if (a.kind !== "stale") return a;
      }
    }

    const valueText = (p: ProfileView, field: ProfileField): string => {
      const value = p[field];
      if (value === undefined) return prompt.current.t("value-none");
      if (field === "gender") return prompt.current.t(`gender-${String(value)}`);
      return String(value);
    };

    for (;;) {
      const p = await conversation.external(() => deps.profile(telegramId));
      if (!p) return;
      const t = prompt.current.t;
      const card = t("profile-card", {
        firstName: valueText(p, "firstName"),
        lastName: valueText(p, "lastName"),
        email: valueText(p, "email"),
        phone: valueText(p, "phone"),
        address: valueText(p, "address"),
        gender: valueText(p, "gender"),
        birthYear: valueText(p, "birthYear"),
        language: prompt.current.i18n.fluent.translate(p.language, "language-name"),
      });
      const keyboard = new InlineKeyboard();
      FIELDS.forEach((field, i) => {
        keyboard.text(t(`profile-field-${field}`), `${CB}:edit:${field}`);
        if (i % 2 === 1) keyboard.row();
      });
      keyboard.text(t("profile-field-language"), `${CB}:edit:language`).row().text(t("button-done"), `${CB}:done`);
      await prompt.show(card, keyboard);
      const chosen = await answer();
      if (chosen.kind !== "button" || chosen.action !== "edit") {
        if (chosen.kind === "button" && chosen.action === "done") {
          await prompt.current.editMessageText(card).catch(() => undefined);
          return;
        }
        continue;
      }

      if (chosen.value === "language") {
        const kb = new InlineKeyboard();
        for (const l of LANGUAGES) kb.text(prompt.current.i18n.fluent.translate(l, "language-name"), `${CB}:lang:${l}`);
        kb.row().text(t("button-back"), `${CB}:back`);
        await prompt.show(t("language-choose"), kb);
        const a = await answer();
        if (a.kind === "button" && a.action === "lang" && (LANGUAGES as readonly string[]).includes(a.value)) {
          const language = a.value as Language;
          const now = new Date(await conversation.now());
          await conversation.external(() => deps.updateLanguage(telegramId, language, now));
          prompt.current.i18n.useLocale(language);
          prompt.notice = prompt.current.t("profile-saved");
        }
        continue;
      }

      const field = FIELDS.find((f) => f === chosen.value);
      if (!field) {
        prompt.notice = t("booking-option-unavailable");
        continue;
      }
      // Ask until a valid value, Remove or Back: a refused value is explained and asked again.
      for (;;) {
        const kb = new InlineKeyboard();
        if (field === "gender") {
          for (const g of GENDERS) kb.text(t(`gender-${g}`), `${CB}:set:${g}`).row();
        }
        if (OPTIONAL.includes(field) && p[field] !== undefined) kb.text(t("button-remove"), `${CB}:remove`).row();
        kb.text(t("button-back"), `${CB}:back`);
        await prompt.show(t(`profile-ask-${field}`), kb);
        const thisYear = new Date(await conversation.now()).getUTCFullYear();
        const kind = field === "firstName" || field === "lastName" ? "name" : field;
        // Refused text is explained by the answer loop and never kept in the flow's state.
        const a = await answer(
          field === "gender"
            ? false
            : (text) => {
                const validated = deps.validateProfileValue(field, text, thisYear);
                return validated.ok ? undefined : `invalid-${kind}-${validated.reason}`;
              },
        );
        let value: string | number | undefined;
        if (a.kind === "button") {
          if (a.action === "back") break;
          if (a.action === "remove" && OPTIONAL.includes(field)) value = undefined;
          else if (a.action === "set" && field === "gender") value = a.value;
          else {
            prompt.notice = t("booking-option-unavailable");
            continue;
          }
        } else {
          const validated = deps.validateProfileValue(field, a.text, thisYear);
          if (!validated.ok) continue; // cannot happen: the answer loop refused it already
          value = validated.value;
        }
        const now = new Date(await conversation.now());
        const saved = await conversation.external(() => deps.updateProfileField(telegramId, field, value, { kind: "customer" }, now));
        prompt.notice = t(saved ? "profile-saved" : "booking-option-unavailable");
        break;
      }
    }
  };
}
