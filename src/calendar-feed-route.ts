import { FEED_PATH } from "./bot/calendar-feed.js";
import type { Logger } from "./logger.js";
import { clientAddress, type HttpRoute } from "./server.js";

/** What the calendar feed's route needs. */
export interface CalendarFeedRouteOptions {
  /** The feed at an address as iCalendar text, or undefined for a wrong address (bot/calendar-feed.ts). */
  serve(feedId: string, token: string, now: number): Promise<string | undefined>;
  /** Reverse proxies in front (TRUST_PROXY), for the source address in the access log. */
  trustedProxies: number;
  /** Records a request's source address in the access log (P11). */
  logAccess(ip: string, path: string, status: number): Promise<void>;
  logger: Logger;
}

/**
 * The practitioner's calendar subscription over HTTP (A14): GET (or HEAD) /calendar/<id>/<token>.ics.
 * Any other path under /calendar/, another method or a wrong address is refused with 404 before
 * anything is written, so guessing costs no database write (the server only counts refusals).
 * A right address is answered with the feed and its fetch goes to the access log, under the feed's
 * id: the token never reaches a log.
 */
export function calendarFeedRoute(options: CalendarFeedRouteOptions): HttpRoute {
  return async (req, res, url, refuse) => {
    if (!url.pathname.startsWith("/calendar/")) return false;
    const match = FEED_PATH.exec(url.pathname);
    if (!match || (req.method !== "GET" && req.method !== "HEAD")) {
      refuse(404, "not found");
      return true;
    }
    const [, feedId, token] = match as unknown as [string, string, string];
    const body = await options.serve(feedId, token, Date.now());
    if (body === undefined) {
      refuse(404, "not found");
      return true;
    }
    const ip = clientAddress(req, options.trustedProxies);
    res.once("finish", () => {
      options.logAccess(ip, `/calendar/${feedId}`, res.statusCode).catch((error: unknown) => options.logger.warn({ err: error }, "access log write failed"));
    });
    res.writeHead(200, {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="calendar.ics"',
      // Private to whoever holds the address: no shared cache keeps a copy.
      "cache-control": "private, no-cache",
      "x-robots-tag": "noindex",
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
