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
 * Follows Telegram's colours (M4): each theme parameter becomes a CSS variable
 * (`bg_color` → `--tg-theme-bg-color`, the names telegram-web-app.js uses), and the colour scheme
 * sets `color-scheme`, so form controls match. Applied again whenever the user changes theme.
 */
export function followTheme(app: TelegramWebApp | undefined): void {
  const apply = () => {
    const root = document.documentElement;
    for (const [key, value] of Object.entries(app?.themeParams ?? {})) {
      if (value) root.style.setProperty(`--tg-theme-${key.replace(/_/g, "-")}`, value);
    }
    const scheme = app?.colorScheme ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
    root.style.colorScheme = scheme;
    root.dataset.scheme = scheme;
  };
  apply();
  app?.onEvent?.("themeChanged", apply);
}
