import { createContext } from "preact";
import { useContext, useEffect, useRef } from "preact/hooks";
import type { Session } from "../../src/miniapp/api-types.js";
import type { Call } from "./api.js";
import type { Translate } from "./i18n.js";

/** What every view needs: the API, the texts and the session. */
export interface AppContext {
  call: Call;
  t: Translate;
  session: Session;
}

export const Ctx = createContext<AppContext | undefined>(undefined);

export function useApp(): AppContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error("no app context");
  return ctx;
}

/**
 * A heading that takes the keyboard focus when its view appears, so a screen reader announces
 * each new step and keyboard users continue from the top of it.
 */
export function useFocusOnShow<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}
