import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { BookingModel } from "../../src/db/models/booking.js";
import { SlotClaimModel } from "../../src/db/models/slot-claim.js";
import { claimSlot, STALE_CLAIM_MS } from "../../src/services/claims.js";
import { until, useBotProcess } from "../helpers/bot-process.js";

const bot = useBotProcess();
const { api, sendText, press, shown } = bot;

/** Walks a new customer through /book to the summary of a 30-minute massage; returns the start picked. */
async function toSummary(id: number, day = 0): Promise<number> {
  sendText(id, "/book");
  await shown(id, /Minkä hoidon/, 60_000);
  press(id, "30 min");
  await shown(id, /valitse päivä/);
  press(id, (buttons) => buttons.filter((b) => b.callback_data?.startsWith("bk:day:"))[day]!.callback_data!);
  await shown(id, /valitse kellonaika/);
  let start = 0;
  press(id, (buttons) => {
    const data = buttons.find((b) => b.callback_data?.startsWith("bk:time:"))!.callback_data!;
    start = Number(data.split(":")[2]);
    return data;
  });
  await shown(id, /etunimesi/);
  sendText(id, "Testi");
  await shown(id, /sukunimesi/);
  sendText(id, "Asiakas");
  await shown(id, /sähköpostiosoitteesi/);
  sendText(id, `asiakas${id}@example.com`);
  await shown(id, /puhelinnumerosi/);
  press(id, "Ohita");
  await shown(id, /privacy/);
  press(id, "Olen lukenut");
  await shown(id, /Jatka|uutisia/);
  press(id, "Jatka");
  await shown(id, /Tarkista varauksesi/);
  return start;
}

describe("crash safety of confirm (O9)", () => {
  it("killed the moment the booking exists, restarted, the same Confirm pressed again: one booking, and the customer is told it is booked", async () => {
    const id = 71_001;
    let process = bot.start();
    await toSummary(id);
    // The bot's reply after writing the booking never gets through: it hangs there, and dies.
    api.hold = (method, payload) => Number(payload.chat_id) === id && method !== "answerCallbackQuery";
    press(id, "Vahvista");
    await until(async () => (await BookingModel.countDocuments()) > 0, 30_000, () => "no booking was written");
    await bot.kill(process);
    api.hold = undefined;
    expect(api.tg.lastText(id)).toContain("Tarkista varauksesi"); // what the customer still sees

    process = bot.start();
    press(id, "Vahvista");
    await shown(id, /Aikasi on varattu/, 60_000);
    expect(await BookingModel.countDocuments()).toBe(1);
    expect(api.tg.textsTo(id).join("\n")).not.toMatch(/ehti varata|juuri varattu/);
    await until(() => api.tg.callsOf("sendDocument", id).length > 0, 30_000, () => "no calendar file");
    await bot.kill(process);
  }, 180_000);

  it("a move killed after it was made and confirmed again after a restart is reported done, once", async () => {
    const id = 71_002;
    let process = bot.start();
    await toSummary(id, 1);
    press(id, "Vahvista");
    await shown(id, /Aikasi on varattu/, 60_000);
    const booking = await BookingModel.findOne({ status: "confirmed", "service.durationMinutes": 30 }).sort({ createdAt: -1 }).lean();
    sendText(id, "/mybookings");
    await until(
      () => JSON.stringify(api.tg.latestKeyboardMessage(id)?.keyboard ?? {}).includes("mb:move"),
      30_000,
      () => "no reschedule button",
    );
    press(id, (buttons) => buttons.find((b) => b.callback_data?.startsWith("mb:move:"))!.callback_data!);
    await shown(id, /valitse päivä/);
    press(id, (buttons) => buttons.filter((b) => b.callback_data?.startsWith("bk:day:"))[2]!.callback_data!);
    await shown(id, /valitse kellonaika/);
    press(id, (buttons) => buttons.find((b) => b.callback_data?.startsWith("bk:time:"))!.callback_data!);
    await shown(id, /Siirretäänkö/);
    api.hold = (method, payload) => Number(payload.chat_id) === id && method !== "answerCallbackQuery";
    press(id, (buttons) => buttons.find((b) => b.callback_data?.startsWith("bk:confirm:"))!.callback_data!);
    await until(
      async () => (await BookingModel.findById(booking!._id).lean())?.start.getTime() !== booking!.start.getTime(),
      30_000,
      () => "the move was not written",
    );
    await bot.kill(process);
    api.hold = undefined;

    process = bot.start();
    press(id, (buttons) => buttons.find((b) => b.callback_data?.startsWith("bk:confirm:"))!.callback_data!);
    await shown(id, /on siirretty/, 60_000);
    const after = await BookingModel.findById(booking!._id).lean();
    expect(api.tg.lastText(id)).not.toMatch(/ehti varata|juuri varattu/);
    expect(after?.status).toBe("confirmed");
    expect(await BookingModel.countDocuments({ customerId: booking!.customerId, status: "confirmed" })).toBe(1);
    await bot.kill(process);
  }, 180_000);

  it("time claimed by a booking that never came is freed while the bot runs, without another restart", async () => {
    const first = 71_003;
    const process = bot.start({ CLAIM_SWEEP_SECONDS: "1" });
    const start = await toSummary(first, 3);
    // A process claimed this time just under its lease ago and died before writing the booking.
    const orphan = new Types.ObjectId();
    await claimSlot(orphan, start, start + 45 * 60_000, new Date(Date.now() - STALE_CLAIM_MS + 6_000));
    press(first, "Vahvista");
    await shown(first, /ehti|juuri/, 30_000); // lost to the orphan claim, as before

    // Within seconds of the lease running out the sweep frees it; the running bot books it.
    await until(async () => (await SlotClaimModel.countDocuments({ bookingId: orphan })) === 0, 30_000, () => "orphan claim not freed");
    const second = 71_004;
    const again = await toSummary(second, 3);
    expect(again).toBe(start);
    press(second, "Vahvista");
    await shown(second, /Aikasi on varattu/, 30_000);
    expect(await BookingModel.countDocuments({ start: new Date(start), status: "confirmed" })).toBe(1);
    await bot.kill(process);
  }, 180_000);
});
