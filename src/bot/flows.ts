import type { Conversation, ConversationBuilder } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import type { Api, MiddlewareFn, Transformer } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Services } from "../services/index.js";
import type { Broadcaster } from "./broadcast.js";
import type { BotContext, ConversationContext, CustomerContext } from "./context.js";
import { createAdminCancelConversation, createBroadcastConversation, createPaymentConversation, type AdminFlowDeps } from "./conversations/admin.js";
import {
  BOOKING_CONVERSATION,
  createBookingConversation,
  createMoveConversation,
  MOVE_CONVERSATION,
  type BookingFlowDeps,
} from "./conversations/booking.js";
import {
  BOOK_FOR_CUSTOMER_CONVERSATION,
  createBookForCustomerConversation,
  createPractitionerMoveConversation,
  PRACTITIONER_MOVE_CONVERSATION,
  type BookForDeps,
  type PractitionerMoveDeps,
} from "./conversations/practitioner.js";
import { createProfileConversation, PROFILE_CONVERSATION, type ProfileFlowDeps } from "./conversations/profile.js";
import { createServiceAddConversation, createServiceEditConversation, type ServiceFlowDeps } from "./conversations/services.js";
import type { CustomerMessages } from "./customer-messages.js";
import { ADMIN_CANCEL_CONVERSATION, ADMIN_PAYMENT_CONVERSATION, BROADCAST_CONVERSATION, renderReceipt } from "./features/admin.js";
import { SERVICE_ADD_CONVERSATION, SERVICE_EDIT_CONVERSATION } from "./features/services-menu.js";
import { formatPrice } from "./format.js";
import type { AdminNotifier } from "./notify.js";
import { createOnBehalfMessages } from "./practice-booking.js";

/**
 * Inside a conversation the plugin builds a fresh context for each update, which outside
 * middleware does not reach: retries, i18n and the customer's language are installed on it here.
 *
 * The plugin asks for these plugins at every `wait`, and a replay passes every earlier wait again:
 * an eleven-step booking would read the language eleven times on its last step, each read an
 * operation kept in the flow's saved state. So it is read once per run of the flow, through
 * `external` at its first wait (the update that began the flow), and every later context of the
 * run gets the same middleware: a flow speaks the language it began in. A change of language
 * (/language) ends a flow in progress anyway, as every command does.
 */
export function conversationPlugins(i18n: I18n<BotContext>, retry: () => Transformer) {
  const translation = i18n.middleware() as unknown as MiddlewareFn<ConversationContext>;
  const retries = retry();
  const perRun = new WeakMap<object, Promise<MiddlewareFn<ConversationContext>[]>>();
  const build = async (conversation: Conversation<CustomerContext, ConversationContext>): Promise<MiddlewareFn<ConversationContext>[]> => {
    const language = await conversation.external((outside) => outside.customer.language);
    // One middleware rather than three: the plugin composes them anew at every wait of a replay.
    return [
      async (ctx, next) => {
        ctx.api.config.use(retries);
        await translation(ctx, async () => {
          ctx.language = language;
          ctx.i18n.useLocale(language);
          await next();
        });
      },
    ];
  };
  return (conversation: Conversation<CustomerContext, ConversationContext>): Promise<MiddlewareFn<ConversationContext>[]> => {
    let plugins = perRun.get(conversation);
    if (!plugins) {
      plugins = build(conversation);
      perRun.set(conversation, plugins);
    }
    return plugins;
  };
}

/** What the flows' dependencies are made from. */
export interface FlowSources {
  config: Config;
  services: Services;
  i18n: I18n<BotContext>;
  /** The bot's own Api (interactive priority). */
  api: Api;
  notifier: AdminNotifier;
  broadcaster: Broadcaster;
  customerMessages: CustomerMessages;
  logger: Logger;
}

/** Every conversation of the bot with its id, in the order they are installed. */
export function createConversations(sources: FlowSources): Array<[id: string, builder: ConversationBuilder<CustomerContext, ConversationContext>]> {
  const flows = createFlowDeps(sources);
  return [
    [BOOKING_CONVERSATION, createBookingConversation(flows.booking)],
    [MOVE_CONVERSATION, createMoveConversation(flows.booking)],
    [PROFILE_CONVERSATION, createProfileConversation(flows.profile)],
    [ADMIN_CANCEL_CONVERSATION, createAdminCancelConversation(flows.admin)],
    [BROADCAST_CONVERSATION, createBroadcastConversation(flows.admin)],
    [ADMIN_PAYMENT_CONVERSATION, createPaymentConversation(flows.admin)],
    [BOOK_FOR_CUSTOMER_CONVERSATION, createBookForCustomerConversation(flows.bookFor)],
    [PRACTITIONER_MOVE_CONVERSATION, createPractitionerMoveConversation(flows.practitionerMove)],
    [SERVICE_ADD_CONVERSATION, createServiceAddConversation(flows.serviceMenu)],
    [SERVICE_EDIT_CONVERSATION, createServiceEditConversation(flows.serviceMenu)],
  ];
}

/** What each conversation needs, bound to this bot's configuration, services and messages. */
function createFlowDeps({ config, services, i18n, api, notifier, broadcaster, customerMessages, logger }: FlowSources) {
  const isAdmin = (telegramId: number) => config.adminIds.includes(telegramId);
  const booking: BookingFlowDeps = {
    zone: config.timeZone,
    business: config.business,
    cancellationCutoffHours: config.booking.cancellationCutoffMinutes / 60,
    listServices: services.listServices,
    availableDays: services.availableDays,
    slotsOnDay: services.slotsOnDay,
    bookingProfile: services.bookingProfile,
    book: services.book,
    checkChangeable: services.checkChangeable,
    moveBooking: services.moveBooking,
    notifyAdminsBooked: notifier.booked,
    notifyAdminsMoved: notifier.moved,
    joinWaitlist: services.waitlist.join,
    async bookedFromWaitlist(entryId, booked) {
      await services.waitlist.booked(entryId);
      await notifier.bookedFromWaitlist(booked);
    },
    async movedFromWaitlist(entryId, before, after) {
      await services.waitlist.booked(entryId);
      await notifier.movedFromWaitlist(before, after);
    },
  };
  const profile: ProfileFlowDeps = {
    profile: services.profile,
    validateProfileValue: services.validateProfileValue,
    updateProfileField: services.updateProfileField,
    updateLanguage: services.updateLanguage,
  };
  const admin: AdminFlowDeps = {
    isAdmin,
    bookingPrice: services.admin.bookingPrice,
    recordPayment: services.admin.recordPayment,
    renderReceipt: (language, receipt) =>
      renderReceipt(language, receipt, (key, vars) => i18n.t(language, key, vars), { zone: config.timeZone, business: config.business }),
    formatPrice,
    cancelByAdmin: services.admin.cancelByAdmin,
    tellCustomerCancelled: (cancellation, reason) => customerMessages.tellCustomerCancelled(cancellation, () => reason),
    audienceSize: async () => (await services.telegramAudience()).length,
    async startBroadcast(adminId, text) {
      const audience = (await services.telegramAudience()).length;
      const id = await services.createBroadcast(adminId, text, new Date());
      void broadcaster.run(id, text, adminId).catch((error: unknown) => logger.error({ err: error, broadcastId: id }, "broadcast failed"));
      return audience;
    },
    previewMarketing: (language, text) => i18n.t(language, "marketing-message", { business: config.business.name, body: text }),
  };
  const onBehalf = createOnBehalfMessages(api, i18n, config, logger);
  const bookFor: BookForDeps = {
    zone: config.timeZone,
    isAdmin,
    listServices: services.listServices,
    findCustomers: services.admin.findCustomers,
    createPhoneCustomer: services.admin.createPhoneCustomer,
    availableDays: services.admin.availableDays,
    slotsOnDay: services.admin.slotsOnDay,
    bookOnBehalf: services.admin.bookOnBehalf,
    confirmToCustomer: (booked, customer) => onBehalf.confirmToCustomer(booked, customer),
  };
  const practitionerMove: PractitionerMoveDeps = {
    zone: config.timeZone,
    isAdmin,
    availableDays: services.availableDays,
    slotsOnDay: services.slotsOnDay,
    moveBooking: services.admin.moveBooking,
    tellCustomerMoved: (bookingId, before, after) => customerMessages.tellCustomerMoved(bookingId, before, after),
  };
  const serviceMenu: ServiceFlowDeps = { ...services.catalogAdmin, isAdmin };
  return { booking, profile, admin, bookFor, practitionerMove, serviceMenu };
}
