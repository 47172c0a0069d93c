import { describe, expect, it } from "vitest";
import { BookingModel } from "../../src/db/models/booking.js";
import { useBotProcess } from "../helpers/bot-process.js";

const bot = useBotProcess();
const { api, sendText, press, shown, exitOf } = bot;
const startBot = () => bot.start();

const CUSTOMERS = Array.from({ length: 20 }, (_, i) => 70_000 + i);

async function all(step: (id: number, i: number) => Promise<void>): Promise<void> {
  await Promise.all(CUSTOMERS.map((id, i) => step(id, i)));
}
describe("crash and restart (O4)", () => {
  it("SIGKILL in the middle of 20 concurrent bookings: after a restart every one continues and completes, none lost or doubled", async () => {
    let bot = startBot();
    await all(async (id) => {
      sendText(id, "/book");
      await shown(id, /Minkä hoidon/, 60_000);
      press(id, "30 min");
      await shown(id, /valitse päivä/);
    });
    await all(async (id, i) => {
      // Two days a page apart never share a time: customers 0–9 on the 2nd day shown, 10–19 on the 3rd.
      press(id, (buttons) => buttons.filter((b) => b.callback_data?.startsWith("bk:day:"))[1 + Math.floor(i / 10)]!.callback_data!);
      await shown(id, /valitse kellonaika/);
      press(id, (buttons) => buttons.filter((b) => b.callback_data?.startsWith("bk:time:"))[(i % 10) * 3]!.callback_data!);
      await shown(id, /etunimesi/);
      sendText(id, "Testi");
      await shown(id, /sukunimesi/);
      sendText(id, `Asiakas-${String.fromCharCode(65 + i)}`); // names have no digits
      await shown(id, /sähköpostiosoitteesi/);
    });

    // Every conversation is mid-flow; the next answers are on their way when the process dies.
    for (const id of CUSTOMERS) sendText(id, `asiakas${id}@example.com`);
    await new Promise((r) => setTimeout(r, 150));
    bot.kill("SIGKILL");
    await exitOf(bot);

    bot = startBot();
    await new Promise((r) => setTimeout(r, 2000));
    await all(async (id) => {
      // Where a process died, the customer may see a prompt whose step was never saved, or no
      // answer at all: they go on as a person would — press Skip, or type the email again when
      // the bot shows that it still waits for it — until the privacy step appears.
      const deadline = Date.now() + 60_000;
      let last = "";
      while (!/privacy/.test(api.tg.lastText(id))) {
        if (Date.now() > deadline) throw new Error(`customer ${id} stuck at: ${api.tg.lastText(id)}`);
        const text = api.tg.lastText(id);
        if (text !== last) {
          last = text;
          if (/puhelinnumerosi/.test(text)) press(id, "Ohita");
          else if (/sähköpostiosoitteesi/.test(text)) sendText(id, `asiakas${id}@example.com`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      press(id, "Olen lukenut");
      await shown(id, /Jatka|uutisia/);
      press(id, "Jatka");
      await shown(id, /Tarkista varauksesi/);
      press(id, "Vahvista");
      await shown(id, /Aikasi on varattu/);
    });

    const bookings = await BookingModel.find({ status: "confirmed" }).lean();
    expect(bookings).toHaveLength(20);
    expect(new Set(bookings.map((b) => b.customerId.toHexString())).size).toBe(20);
    for (const id of CUSTOMERS) {
      expect(api.tg.textsTo(id).filter((t) => t.includes("Aikasi on varattu")), String(id)).toHaveLength(1);
    }

    // Graceful stop: SIGTERM lets the process finish and exit cleanly.
    bot.kill("SIGTERM");
    expect(await exitOf(bot)).toBe(0);
  }, 240_000);
});
