import { useEffect, useMemo, useState } from "preact/hooks";
import type { MessageKey } from "../../src/miniapp/api-types.js";
import { AuthError, createApi } from "./api.js";
import { HoursView, WeekView } from "./admin.js";
import { BookFlow } from "./book.js";
import { MyBookings } from "./bookings.js";
import { Ctx, type AppContext } from "./context.js";
import { createTranslate } from "./i18n.js";

type Tab = "book" | "bookings" | "week" | "hours";
const TABS: Array<{ tab: Tab; label: MessageKey; admin: boolean }> = [
  { tab: "book", label: "webapp-tab-book", admin: false },
  { tab: "bookings", label: "webapp-tab-bookings", admin: false },
  { tab: "week", label: "webapp-tab-week", admin: true },
  { tab: "hours", label: "webapp-tab-hours", admin: true },
];

type State = { kind: "loading" } | { kind: "refused"; text: string } | { kind: "failed" } | { kind: "ready"; app: AppContext };

/**
 * The Mini App: the session first (who, which language, which texts), then tabs — booking and
 * my bookings for everyone, the week and the hours for the practitioner.
 */
export function App(props: { initData: string }) {
  const call = useMemo(() => createApi(props.initData), [props.initData]);
  const [state, setState] = useState<State>({ kind: "loading" });
  const [tab, setTab] = useState<Tab>("book");

  const start = () => {
    setState({ kind: "loading" });
    // The booking screen's data is asked for at the same time as the session: none depends on another.
    const preloaded = { services: call("services", {}), profile: call("profile", {}) };
    preloaded.services.catch(() => undefined);
    preloaded.profile.catch(() => undefined);
    call("session", {})
      .then((session) => {
        document.documentElement.lang = session.language;
        document.title = session.business.name;
        setState({ kind: "ready", app: { call, session, t: createTranslate(session.locale, session.messages), preloaded } });
      })
      .catch((error: unknown) => setState(error instanceof AuthError ? { kind: "refused", text: error.message } : { kind: "failed" }));
  };
  useEffect(start, []);

  if (state.kind === "loading") return <p aria-busy="true" class="loading" />;
  // Before the session there are no texts in the user's language: the server's refusal carries one.
  if (state.kind === "refused") return <p role="alert">{state.text}</p>;
  if (state.kind === "failed") {
    return (
      <p role="alert">
        ⚠{" "}
        <button type="button" aria-label="↻" onClick={start}>
          ↻
        </button>
      </p>
    );
  }
  const { app } = state;
  const tabs = TABS.filter((x) => !x.admin || app.session.admin);
  return (
    <Ctx.Provider value={app}>
      <header>
        <h1>{app.session.business.name}</h1>
        <nav role="tablist" aria-label={app.t("webapp-title")}>
          {tabs.map((x) => (
            <button type="button" role="tab" id={`tab-${x.tab}`} aria-controls="panel" aria-selected={tab === x.tab} key={x.tab} onClick={() => setTab(x.tab)}>
              {app.t(x.label)}
            </button>
          ))}
        </nav>
      </header>
      <div id="panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === "book" ? <BookFlow /> : tab === "bookings" ? <MyBookings /> : tab === "week" ? <WeekView /> : <HoursView />}
      </div>
    </Ctx.Provider>
  );
}
