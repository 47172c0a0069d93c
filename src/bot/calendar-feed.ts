import type { I18n } from "@grammyjs/i18n";
import { DateTime } from "luxon";
import type { BusinessProfile } from "../config.js";
import { bookingUid, buildCalendarFeed, type FeedEvent } from "../domain/ics.js";
import type { FeedAccess, FeedContent } from "../services/calendar-feed.js";
import type { Services } from "../services/index.js";
import type { BotContext } from "./context.js";

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** How often calendar apps are asked to fetch the feed again (Google goes by its own clock anyway). */
export const FEED_REFRESH_MINUTES = 60;

/** The path of a feed's address; `feedAddress` and the HTTP route share it. */
export const FEED_PATH = /^\/calendar\/([0-9a-f]{16})\/([A-Za-z0-9_-]{43})\.ics$/;

/** The address the practitioner subscribes to. */
export function feedAddress(publicUrl: string, feedId: string, token: string): string {
  return `${publicUrl}/calendar/${feedId}/${token}.ics`;
}

/**
 * The feed's content as an iCalendar text in the practitioner's language: each booking under the
 * UID its customer's calendar files carry, with the customer's name unless she hid names, and each
 * stretch of time off (a whole day as a date).
 */
export function renderCalendarFeed(content: FeedContent, access: FeedAccess, t: Translate, config: { zone: string; business: BusinessProfile }, now: number): string {
  const l = access.language;
  const midnight = (instant: number) => {
    const local = DateTime.fromMillis(instant, { zone: config.zone });
    return +local.startOf("day") === instant ? local.toISODate()! : undefined;
  };
  const events: FeedEvent[] = content.bookings.map((b) => ({
    uid: bookingUid(b.ref),
    sequence: b.icsSequence,
    title: b.customerName ? t("feed-booking-named", { name: b.customerName, service: b.serviceName[l] }) : t("feed-booking", { service: b.serviceName[l] }),
    start: b.start,
    end: b.end,
    ...(b.updatedAt !== undefined ? { lastModified: b.updatedAt } : {}),
  }));
  for (const block of content.blocks) {
    const startDate = midnight(block.start);
    const endDate = midnight(block.end);
    events.push({
      uid: `block-${block.id}@ajanvarausbotti`,
      sequence: 0,
      title: t("feed-blocked"),
      start: block.start,
      end: block.end,
      ...(startDate && endDate ? { allDay: { startDate, endDate } } : {}),
      ...(block.updatedAt !== undefined ? { lastModified: block.updatedAt } : {}),
    });
  }
  events.sort((a, b) => a.start - b.start);
  return buildCalendarFeed({ name: t("feed-calendar-name", { business: config.business.name }), now, refreshMinutes: FEED_REFRESH_MINUTES, events });
}

/**
 * What the HTTP route asks: the feed at an address as iCalendar text, or undefined when the address
 * is wrong (nothing written then). A right one is recorded as the practitioner's view before the
 * text is made (services/calendar-feed.ts fetchFeed).
 */
export function createCalendarFeedSource(services: Services, i18n: I18n<BotContext>, config: { zone: string; business: BusinessProfile }) {
  return {
    serve: async (feedId: string, token: string, now: number): Promise<string | undefined> => {
      const access = await services.calendarFeed.authenticateFeed(feedId, token);
      if (!access) return undefined;
      const content = await services.calendarFeed.fetchFeed(access, new Date(now));
      return renderCalendarFeed(content, access, (key, vars) => i18n.t(access.language, key, vars), config, now);
    },
  };
}
