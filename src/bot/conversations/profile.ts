import type { Conversation } from "@grammyjs/conversations";
import { InlineKeyboard } from "grammy";
import { GENDERS, LANGUAGES, type Language } from "../../domain/enums.js";
import type { Validated } from "../../domain/contact.js";
import { OPTIONAL_FIELDS as OPTIONAL, PROFILE_FIELDS as FIELDS } from "../../services/privacy.js";
import type { Actor } from "../../services/audit.js";
import type { ProfileField, ProfileView } from "../../services/privacy.js";
import type { ConversationContext, CustomerContext } from "../context.js";
import type { FeatureSurface } from "../surface.js";
import { BACK, buttonCodec, Flow } from "./flow.js";

/** `/profile` starts something new: typed in another flow, it ends that one first. */
export const profileSurface: FeatureSurface = { commands: [{ name: "profile", menu: 3, endsFlow: true }], flowEndingButtons: [] };

/** Identifier under which the profile conversation is registered and entered. */
export const PROFILE_CONVERSATION = "profile";

export interface ProfileFlowDeps {
  profile(telegramId: number): Promise<ProfileView | undefined>;
  validateProfileValue(field: ProfileField, raw: string, thisYear: number): Validated<string | number>;
  updateProfileField(telegramId: number, field: ProfileField, value: string | number | undefined, actor: Actor, now: Date): Promise<boolean>;
  updateLanguage(telegramId: number, language: Language, now: Date): Promise<void>;
}

/** The profile flow's buttons. */
export const profileButtons = buttonCodec("pf");

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
    const f = new Flow(conversation, ctx, profileButtons, { cancelled: "flow-cancelled", commandInFlow: "profile-command-in-flow" });
    const prompt = f.prompt;

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
        keyboard.text(t(`profile-field-${field}`), f.data("edit", field));
        if (i % 2 === 1) keyboard.row();
      });
      keyboard.text(t("profile-field-language"), f.data("edit", "language")).row().text(t("button-done"), f.data("done"));
      const chosen = await f.ask(card, keyboard, {
        back: false,
        cancel: false,
        accept: (r) => (r.kind !== "button" ? undefined : r.action === "done" ? "done" : r.action === "edit" ? r.value : undefined),
      });
      if (chosen === BACK) continue;
      if (chosen === "done") {
        await prompt.current.editMessageText(card).catch(() => undefined);
        return;
      }

      if (chosen === "language") {
        const kb = new InlineKeyboard();
        for (const l of LANGUAGES) kb.text(prompt.current.i18n.fluent.translate(l, "language-name"), f.data("lang", l));
        const language = await f.ask(t("language-choose"), kb, {
          back: true,
          cancel: false,
          accept: (r) => (r.kind === "button" && r.action === "lang" ? LANGUAGES.find((l) => l === r.value) : undefined),
        });
        if (language !== BACK) {
          const now = new Date(await conversation.now());
          await conversation.external(() => deps.updateLanguage(telegramId, language, now));
          prompt.current.i18n.useLocale(language);
          prompt.notice = prompt.current.t("profile-saved");
        }
        continue;
      }

      const field = FIELDS.find((name) => name === chosen);
      if (!field) {
        prompt.notice = t("booking-option-unavailable");
        continue;
      }
      // A refused value is explained and asked again (Flow.ask); Remove clears an optional field.
      {
        const kb = new InlineKeyboard();
        if (field === "gender") {
          for (const g of GENDERS) kb.text(t(`gender-${g}`), f.data("set", g)).row();
        }
        if (OPTIONAL.includes(field) && p[field] !== undefined) kb.text(t("button-remove"), f.data("remove")).row();
        const thisYear = new Date(await conversation.now()).getUTCFullYear();
        const kind = field === "firstName" || field === "lastName" ? "name" : field;
        // Refused text is explained by the answer loop and never kept in the flow's state.
        const answer = await f.ask<{ value: string | number | undefined }>(t(`profile-ask-${field}`), kb, {
          back: true,
          cancel: false,
          ...(field === "gender"
            ? {}
            : {
                text: (text: string) => {
                  const validated = deps.validateProfileValue(field, text, thisYear);
                  return validated.ok ? undefined : `invalid-${kind}-${validated.reason}`;
                },
              }),
          accept: (r) => {
            if (r.kind === "text") {
              const validated = deps.validateProfileValue(field, r.text, thisYear);
              return validated.ok ? { value: validated.value } : undefined;
            }
            if (r.action === "remove" && OPTIONAL.includes(field)) return { value: undefined };
            if (r.action === "set" && field === "gender") return GENDERS.find((g) => g === r.value) ? { value: r.value } : undefined;
            return undefined;
          },
        });
        if (answer === BACK) continue;
        const value = answer.value;
        const now = new Date(await conversation.now());
        const saved = await conversation.external(() => deps.updateProfileField(telegramId, field, value, { kind: "customer" }, now));
        prompt.notice = t(saved ? "profile-saved" : "booking-option-unavailable");
      }
    }
  };
}
