import type { CommandInfo } from "../surface.js";
import { Composer, InlineKeyboard } from "grammy";
import type { Services } from "../../services/index.js";
import { buttons, onButton } from "../buttons.js";
import type { CustomerContext } from "../context.js";
import { feedAddress } from "../calendar-feed.js";
import { formatDateTime } from "../format.js";

/** This feature's commands (position in the practitioner's menu; bot/commands.ts gathers them). */
export const calendarFeedCommands: readonly CommandInfo[] = [
  { name: "calendarfeed", menu: 15, endsFlow: true },
];

/** The buttons of /calendarfeed (`ad:cf:<change>`): a new address, stop, hide or show names. */
export const feedButtons = buttons("ad", { action: ["cf"], change: ["new", "off", "hide", "show"] });

const NEW_WORDS = ["new", "renew", "uusi", "ny"];
const OFF_WORDS = ["off", "revoke", "stop", "pois", "lopeta", "av", "stopp"];
const NAMES_WORDS = ["names", "nimet", "namn"];
const HIDE_WORDS = ["off", "hide", "pois", "piiloon", "av", "dölj"];
const SHOW_WORDS = ["on", "show", "päälle", "näkyviin", "på", "visa"];

/**
 * `/calendarfeed` (A14): the practitioner's private calendar subscription for her phone's
 * calendar. The first time it makes the address and shows it with instructions; afterwards it
 * shows the feed's state (the address itself cannot be shown again: only a hash of its token is
 * kept) with buttons to make a new address (the old one stops working), to stop the feed, and to
 * hide or show customers' names. The feed is served by the bot's HTTP server (calendar-feed-route.ts),
 * so it needs that server and a public https address: without them the command says what to set.
 */
export function calendarFeedFeature(
  services: Services,
  config: { zone: string; publicUrl: string | undefined; httpServer: boolean },
): Composer<CustomerContext> {
  const composer = new Composer<CustomerContext>();
  const feeds = services.calendarFeed;

  /** What is missing for a feed to be reachable, or undefined when nothing is. */
  const missingSetup = (ctx: CustomerContext): string | undefined => {
    const missing = [
      ...(config.httpServer ? [] : [ctx.t("feed-setup-http")]),
      ...(config.publicUrl ? [] : [ctx.t("feed-setup-url")]),
    ];
    return missing.length > 0 ? `${ctx.t("feed-setup-needed")}\n${missing.join("\n")}` : undefined;
  };

  const keyboard = (ctx: CustomerContext, hideNames: boolean, withRenew: boolean) => {
    const k = new InlineKeyboard();
    if (withRenew) k.text(ctx.t("button-feed-new"), feedButtons.pack({ action: "cf", change: "new" })).row();
    return k
      .text(ctx.t(hideNames ? "button-feed-show-names" : "button-feed-hide-names"), feedButtons.pack({ action: "cf", change: hideNames ? "show" : "hide" }))
      .row()
      .text(ctx.t("button-feed-off"), feedButtons.pack({ action: "cf", change: "off" }));
  };

  /** Makes a new address and shows it with how to subscribe to it. */
  async function issue(ctx: CustomerContext): Promise<void> {
    const setup = missingSetup(ctx);
    if (setup) {
      await ctx.reply(setup);
      return;
    }
    const feed = await feeds.issueFeed(ctx.from!.id, ctx.customer.language, new Date());
    await ctx.reply(
      ctx.t("feed-address", {
        address: feedAddress(config.publicUrl!, feed.feedId, feed.token),
        names: ctx.t(feed.hideNames ? "feed-names-hidden" : "feed-names-shown"),
      }),
      { reply_markup: keyboard(ctx, feed.hideNames, false), link_preview_options: { is_disabled: true } },
    );
  }

  async function status(ctx: CustomerContext): Promise<void> {
    const feed = await feeds.feedStatus(ctx.from!.id, Date.now());
    if (!feed) {
      await issue(ctx);
      return;
    }
    const l = ctx.customer.language;
    const fetched = feed.lastFetchAt
      ? ctx.t("feed-status-fetched", { last: formatDateTime(feed.lastFetchAt, l, config.zone), count: feed.recentFetches })
      : ctx.t("feed-status-never-fetched");
    await ctx.reply(
      ctx.t("feed-status", {
        since: formatDateTime(feed.createdAt, l, config.zone),
        names: ctx.t(feed.hideNames ? "feed-names-hidden" : "feed-names-shown"),
        fetched,
      }),
      { reply_markup: keyboard(ctx, feed.hideNames, true) },
    );
  }

  async function revoke(ctx: CustomerContext): Promise<void> {
    const revoked = await feeds.revokeFeed(ctx.from!.id);
    await ctx.reply(ctx.t(revoked ? "feed-revoked" : "feed-none"));
  }

  async function names(ctx: CustomerContext, hide: boolean): Promise<void> {
    const changed = await feeds.setFeedNames(ctx.from!.id, hide, ctx.customer.language);
    await ctx.reply(ctx.t(changed ? (hide ? "feed-names-now-hidden" : "feed-names-now-shown") : "feed-none"));
  }

  composer.command("calendarfeed", async (ctx) => {
    const [first = "", second = "", ...rest] = ctx.match.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (!first) return status(ctx);
    if (rest.length === 0 && !second && NEW_WORDS.includes(first)) return issue(ctx);
    if (rest.length === 0 && !second && OFF_WORDS.includes(first)) return revoke(ctx);
    if (rest.length === 0 && NAMES_WORDS.includes(first) && (HIDE_WORDS.includes(second) || SHOW_WORDS.includes(second))) {
      return names(ctx, HIDE_WORDS.includes(second));
    }
    await ctx.reply(ctx.t("feed-usage"));
  });

  onButton(composer, feedButtons, {}, async (ctx, { change }) => {
    await ctx.answerCallbackQuery();
    // The buttons are taken off the pressed message: its state is out of date once acted on.
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    if (change === "new") await issue(ctx);
    else if (change === "off") await revoke(ctx);
    else await names(ctx, change === "hide");
  });

  return composer;
}
