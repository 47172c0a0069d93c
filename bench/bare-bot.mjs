/* global process */
// The framework's ceiling for `npm run bench`: a bare grammY bot (one reply per update) through
// @grammyjs/runner, talking to the Bot API at BOT_API_ROOT. Plain JavaScript, started as its own
// process like the compiled bot, so that both are measured the same way.
import { run } from "@grammyjs/runner";
import { Bot } from "grammy";

const bot = new Bot(process.env.BOT_TOKEN ?? "", { client: { apiRoot: process.env.BOT_API_ROOT ?? "" } });
bot.on("message:text", (ctx) => ctx.reply(`pong ${ctx.message.text}`));
const runner = run(bot);
const stop = () => void runner.stop().then(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
