import type { DemoUser } from "./bot-api.js";

/** The demo's bot token: the stand-in accepts it; Telegram never issued it. */
export const DEMO_TOKEN = "1000000001:DEMO-local-stand-in-not-a-real-token";

/** The practitioner (the one id in ADMIN_IDS), who opened the chat with the bot earlier. */
export const PRACTITIONER: Omit<DemoUser, "started"> = {
  id: 1001,
  firstName: "Maija",
  lastName: "Meikäläinen",
  username: "maija_demo",
  languageCode: "fi",
};

/** Fictional customers, in the order the page adds them (ids 2001, 2002, …); later ones are numbered. */
export const CUSTOMER_NAMES: Array<[string, string]> = [
  ["Matti", "Meikäläinen"],
  ["Teppo", "Testaaja"],
  ["Erkki", "Esimerkki"],
  ["Sanna", "Sukunimi"],
];

/** The practice the demo runs: fictional, and saying so in its name. */
export const DEMO_ENV: Record<string, string> = {
  BOT_TOKEN: DEMO_TOKEN,
  ADMIN_IDS: String(PRACTITIONER.id),
  // 32 bytes, published here: demo data only.
  ENCRYPTION_KEY: Buffer.from("ajanvarausbotti-demo-key-public!").toString("base64"),
  BUSINESS_NAME: "Hieronta Esimerkki (DEMO – kuvitteellinen yritys)",
  BUSINESS_ID: "1234567-1",
  BUSINESS_ADDRESS: "Esimerkkikatu 1, 00100 Helsinki",
  BUSINESS_EMAIL: "demo@example.com",
  BUSINESS_PHONE: "040 000 0000",
  CONTACT_PERSON: "Maija Meikäläinen",
  PRIVACY_PROCESSORS: "none",
  BOT_MODE: "polling",
  BACKUP_INTERVAL_HOURS: "0",
  LOG_LEVEL: "info",
};
