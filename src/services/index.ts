import type { Config } from "../config.js";
import * as admin from "./admin.js";
import * as auditReport from "./audit-report.js";
import * as booking from "./booking.js";
import * as bookings from "./bookings.js";
import * as broadcast from "./broadcast.js";
import * as calendarFeed from "./calendar-feed.js";
import * as catalog from "./catalog.js";
import * as catalogAdmin from "./catalog-admin.js";
import * as customers from "./customers.js";
import * as dailyAgenda from "./daily-agenda.js";
import * as manage from "./manage-booking.js";
import * as marketingList from "./marketing-list.js";
import * as payments from "./payments.js";
import * as practiceBooking from "./practice-booking.js";
import * as practiceCustomers from "./practice-customers.js";
import * as privacy from "./privacy.js";
import * as reminders from "./reminders.js";
import * as retention from "./retention.js";
import * as slots from "./slots.js";
import * as chats from "./chats.js";
import * as technical from "./technical.js";
import * as telegramLink from "./telegram-link.js";
import * as practiceWeek from "./practice-week.js";
import * as week from "./week.js";
import * as waitlist from "./waitlist.js";

/**
 * The use cases the bot calls, bound to the practice's settings. Handlers and conversations go
 * through these; none of them touches Mongoose.
 */
export function createServices(config: Config) {
  const settings: slots.BookingSettings = { zone: config.timeZone, rules: config.booking };
  return {
    settings,
    listServices: catalog.listActiveServices,
    availableDays: (query: slots.SlotQuery, now: number) => slots.availableDays(settings, query, now),
    slotsOnDay: (query: slots.SlotQuery, day: string, now: number) => slots.slotsOnDay(settings, query, day, now),
    book: (request: booking.BookingRequest) => booking.bookAppointment(settings, request),
    upcomingBookings: manage.upcomingBookings,
    checkChangeable: (telegramId: number, ref: string, now: number) => manage.checkChangeable(settings, telegramId, ref, now),
    cancelBooking: (telegramId: number, ref: string, now: number) => manage.cancelBooking(settings, telegramId, ref, now),
    moveBooking: (telegramId: number, ref: string, start: number, now: number, moveId: string) =>
      manage.moveBooking(settings, telegramId, ref, start, now, moveId),
    changeDeadline: (start: number) => manage.changeDeadline(settings, start),
    claimDueReminders: reminders.claimDueReminders,
    markReminderSent: reminders.markReminderSent,
    releaseReminder: reminders.releaseReminder,
    touchCustomer: (telegramId: number, telegramLanguage: string | undefined, now: Date) =>
      customers.touchCustomer(telegramId, telegramLanguage, config.defaultLanguage, now),
    languageOf: customers.languageOf,
    bookingProfile: customers.bookingProfile,
    marketingState: privacy.marketingState,
    setMarketingConsent: privacy.setMarketingConsent,
    withdrawAllMarketing: privacy.withdrawAllMarketing,
    mayMarket: privacy.mayMarket,
    profile: privacy.profile,
    validateProfileValue: privacy.validateProfileValue,
    updateProfileField: privacy.updateProfileField,
    updateLanguage: privacy.updateLanguage,
    requestExport: privacy.requestExport,
    eraseByTelegramId: privacy.eraseByTelegramId,
    keepCustomerData: retention.keepCustomerData,
    claimInactiveCustomers: (now: Date) => retention.claimInactiveCustomers(config.retention, now),
    eraseUnanswered: (now: Date) => retention.eraseUnanswered(config.retention, now),
    purgeExpired: (now: Date) => retention.purgeExpired(config.retention, now, { keepTelegramIds: config.adminIds }),
    admin: {
      ...admin,
      markAttendance: (adminId: number, bookingId: string, attendance: "attended" | "no-show", now: Date) =>
        bookings.markAttendance(bookingId, attendance, { kind: "admin", telegramId: adminId }, now),
      recordPayment: (adminId: number, bookingId: string, amountCents: number, method: payments.PaymentMethod, now: Date) =>
        payments.recordPayment(bookingId, amountCents, method, { kind: "admin", telegramId: adminId }, now),
      receiptByNumber: payments.receiptByNumber,
      bookingPrice: payments.bookingPrice,
      stats: (now: number) => admin.stats(now, config.timeZone),
      marketingList: marketingList.marketingList,
      // Customers without Telegram and booking on their behalf (A10, A11).
      createPhoneCustomer: (input: practiceCustomers.NewCustomerInput, adminId: number, now: Date, options: { allowDuplicate?: boolean; customerId?: string } = {}) =>
        practiceCustomers.createPhoneCustomer(input, adminId, now, { defaultLanguage: config.defaultLanguage, ...options }),
      exportForPractitioner: practiceCustomers.exportForPractitioner,
      eraseByPractitioner: practiceCustomers.eraseByPractitioner,
      keepByPractitioner: practiceCustomers.keepByPractitioner,
      availableDays: (serviceId: string, now: number, alsoBusy?: slots.SlotQuery["alsoBusy"]) =>
        practiceBooking.practitionerAvailableDays(settings, serviceId, now, alsoBusy),
      slotsOnDay: (serviceId: string, day: string, now: number, alsoBusy?: slots.SlotQuery["alsoBusy"]) =>
        practiceBooking.practitionerSlotsOnDay(settings, serviceId, day, now, alsoBusy),
      bookOnBehalf: (request: practiceBooking.OnBehalfRequest) => practiceBooking.bookOnBehalf(settings, request),
      createTelegramLink: (adminId: number, customerId: string, now: Date) =>
        telegramLink.createTelegramLink(adminId, customerId, now, config.telegramLinkDays),
      auditReport: auditReport.auditReport,
      moveBooking: (adminId: number, bookingId: string, start: number, now: number, moveId: string) =>
        manage.moveBookingByAdmin(settings, adminId, bookingId, start, now, moveId),
      ...practiceWeek,
      setWeekdayHours: (weekday: number, intervals: Array<{ start: string; end: string }>) =>
        admin.setWeekdayHours(weekday, intervals, { settings, now: Date.now() }),
    },
    redeemTelegramLink: (token: string, telegramId: number, now: Date) => telegramLink.redeemTelegramLink(token, telegramId, now, config.booking),
    dailyAgenda,
    catalogAdmin,
    calendarFeed: {
      issueFeed: calendarFeed.issueFeed,
      revokeFeed: calendarFeed.revokeFeed,
      setFeedNames: calendarFeed.setFeedNames,
      feedStatus: calendarFeed.feedStatus,
      /** The feed an address names, for a practitioner in ADMIN_IDS only. */
      authenticateFeed: (feedId: string, token: string) => calendarFeed.authenticateFeed(feedId, token, config.adminIds),
      /** The feed's content now (30 days back, a year or the horizon ahead), the fetch recorded. */
      fetchFeed: (access: calendarFeed.FeedAccess, now: Date) =>
        calendarFeed.fetchFeed(access, calendarFeed.feedWindow(now.getTime(), config.timeZone, config.booking.horizonDays), now),
      feedViewsOf: calendarFeed.feedViewsOf,
    },
    week: {
      calendarDays: (firstDate: string, count: number, now: number) => week.calendarDays(config.timeZone, firstDate, count, now),
      bookingCard: week.bookingCard,
    },
    telegramAudience: broadcast.telegramAudience,
    createBroadcast: broadcast.createBroadcast,
    pendingRecipients: broadcast.pendingRecipients,
    claimDelivery: broadcast.claimDelivery,
    settleDelivery: broadcast.settleDelivery,
    finishBroadcast: broadcast.finishBroadcast,
    unfinishedBroadcasts: broadcast.unfinishedBroadcasts,
    openChat: chats.openChat,
    closeChat: chats.closeChat,
    logAccess: technical.logAccess,
    waitlist: {
      join: (telegramId: number, wish: waitlist.WaitlistWish, now: number) => waitlist.joinWaitlist(settings, telegramId, wish, now),
      entries: (telegramId: number, now: number) => waitlist.waitlistEntries(settings, telegramId, now),
      leave: waitlist.leaveWaitlist,
      checkOffer: (telegramId: number, entryId: string, start: number, now: number) => waitlist.checkOffer(settings, telegramId, entryId, start, now),
      booked: waitlist.bookedFromWaitlist,
      matchFreedTimes: (now: number) => waitlist.matchFreedTimes(settings, now, { headstartMinutes: config.waitlist.headstartMinutes }),
      takeDueOffers: (now: number) => waitlist.takeDueOffers(settings, now),
      offerSent: waitlist.offerSent,
      takeGoneOffers: (now: number) => waitlist.takeGoneOffers(now),
      waitingPerDay: (fromDay: string, toDay: string, now: number) => waitlist.waitingPerDay(settings, fromDay, toDay, now),
      lastMinuteGaps: (now: number, hours: number) => waitlist.lastMinuteGaps(settings, now, hours),
    },
  };
}

export type Services = ReturnType<typeof createServices>;
