/** The part of Telegram's `window.Telegram.WebApp` the app uses (telegram-web-app.js). */
export interface TelegramWebApp {
  initData: string;
  colorScheme?: "light" | "dark";
  themeParams?: Record<string, string | undefined>;
  ready(): void;
  expand?(): void;
  onEvent?(event: "themeChanged", handler: () => void): void;
}

declare global {
  interface Window {
    Telegram?: { WebApp?: TelegramWebApp };
  }
}

/** The WebApp object, when the page was opened by Telegram. */
export function webApp(): TelegramWebApp | undefined {
  return window.Telegram?.WebApp;
}

/**
 * The signed launch data and theme: from telegram-web-app.js, or, when that script could not
 * load (offline, or a local stand-in such as `npm run demo`), from the URL's fragment, where
 * Telegram puts them for the script (`#tgWebAppData=…&tgWebAppThemeParams=…`).
 */
export function launchData(app: TelegramWebApp | undefined): { initData: string; themeParams?: Record<string, string | undefined> } {
  if (app?.initData) return { initData: app.initData, ...(app.themeParams ? { themeParams: app.themeParams } : {}) };
  const fragment = new URLSearchParams(location.hash.slice(1));
  let themeParams: Record<string, string | undefined> | undefined;
  try {
    themeParams = JSON.parse(fragment.get("tgWebAppThemeParams") ?? "null") as Record<string, string | undefined> | undefined;
  } catch {
    themeParams = undefined;
  }
  return { initData: fragment.get("tgWebAppData") ?? "", ...(themeParams ? { themeParams } : {}) };
}

/**
 * Follows Telegram's colours (M4): each theme parameter becomes a CSS variable
 * (`bg_color` → `--tg-theme-bg-color`, the names telegram-web-app.js uses), and the colour scheme
 * sets `color-scheme`, so form controls match. Applied again whenever the user changes theme.
 */
export function followTheme(app: TelegramWebApp | undefined, fallback?: Record<string, string | undefined>): void {
  const apply = () => {
    const root = document.documentElement;
    for (const [key, value] of Object.entries(app?.themeParams ?? fallback ?? {})) {
      if (value) root.style.setProperty(`--tg-theme-${key.replace(/_/g, "-")}`, value);
    }
    const scheme = app?.colorScheme ?? schemeOf(fallback?.bg_color) ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
    root.style.colorScheme = scheme;
    root.dataset.scheme = scheme;
  };
  apply();
  app?.onEvent?.("themeChanged", apply);
}

/** Dark or light, from a background colour ("#17212b" is dark). */
function schemeOf(color: string | undefined): "light" | "dark" | undefined {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? "");
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x ?? "0", 16));
  return 0.299 * (r ?? 0) + 0.587 * (g ?? 0) + 0.114 * (b ?? 0) < 128 ? "dark" : "light";
}
