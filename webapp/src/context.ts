import { createContext } from "preact";
import { useContext, useEffect, useRef } from "preact/hooks";
import type { Profile, ServiceItem, Session } from "../../src/miniapp/api-types.js";
import type { Call } from "./api.js";
import type { Translate } from "./i18n.js";

/** What every view needs: the API, the texts and the session. */
export interface AppContext {
  call: Call;
  t: Translate;
  session: Session;
  /** Asked for together with the session, so the first screen waits for one round trip only. */
  preloaded: { services: Promise<ServiceItem[]>; profile: Promise<Profile> };
}

export const Ctx = createContext<AppContext | undefined>(undefined);

export function useApp(): AppContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error("no app context");
  return ctx;
}

/**
 * A heading that takes the keyboard focus when its view appears (it is drawn anew, or `key`
 * changes), so a screen reader announces each new step and keyboard users continue from the top
 * of it.
 */
export function useFocusOnShow<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  const shown = useRef<{ element: T | null; key: unknown }>({ element: null, key });
  useEffect(() => {
    const element = ref.current;
    if (element && (element !== shown.current.element || key !== shown.current.key)) element.focus();
    shown.current = { element, key };
  });
  return ref;
}
