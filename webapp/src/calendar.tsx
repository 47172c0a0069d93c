import { useEffect, useState } from "preact/hooks";
import type { Interval, ServiceItem, Slot, SlotTarget } from "../../src/miniapp/api-types.js";
import type { Call } from "./api.js";
import { useApp } from "./context.js";

type Days = Array<{ date: string; label: string }>;
const prefetched = new Map<string, { at: number; days: Promise<Days> }>();

/**
 * Asks for a treatment's free days before it is picked, so its calendar opens at once; kept for
 * half a minute (what is free changes, and the server checks at booking anyway).
 */
export function prefetchDays(call: Call, serviceId: string): void {
  const key = JSON.stringify({ serviceId });
  if ((prefetched.get(key)?.at ?? 0) > Date.now() - 30_000) return;
  const days = call("days", { target: { serviceId }, busy: [] });
  days.catch(() => prefetched.delete(key));
  prefetched.set(key, { at: Date.now(), days });
}

/** "2026-12" → [2026, 12] */
function parseMonth(month: string): [number, number] {
  const [y, m] = month.split("-").map(Number);
  return [y ?? 1970, m ?? 1];
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = parseMonth(month);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/**
 * One month as a grid, Monday first: days with free times are buttons (named for screen
 * readers, e.g. "ti 1.12.2026"), the others plain numbers. Paged a month at a time between the
 * first and the last bookable month.
 */
function MonthGrid(props: {
  month: string;
  free: Map<string, string>;
  selected: string | undefined;
  first: string;
  last: string;
  onMonth: (month: string) => void;
  onSelect: (date: string) => void;
}) {
  const { t, session } = useApp();
  const [y, m] = parseMonth(props.month);
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const cells: Array<string | undefined> = [...Array<undefined>(lead), ...Array.from({ length }, (_, i) => `${props.month}-${String(i + 1).padStart(2, "0")}`)];
  return (
    <div class="calendar">
      <div class="month-bar">
        <button type="button" class="icon" aria-label={t("webapp-previous-month")} disabled={props.month <= props.first} onClick={() => props.onMonth(shiftMonth(props.month, -1))}>
          ‹
        </button>
        <h3 aria-live="polite">
          {session.months[m - 1]} {y}
        </h3>
        <button type="button" class="icon" aria-label={t("webapp-next-month")} disabled={props.month >= props.last} onClick={() => props.onMonth(shiftMonth(props.month, 1))}>
          ›
        </button>
      </div>
      <div class="grid" role="group" aria-label={`${session.months[m - 1] ?? ""} ${y}`}>
        {session.weekdays.map((w) => (
          <span class="weekday" aria-hidden="true" key={w}>
            {w}
          </span>
        ))}
        {cells.map((date, i) => {
          if (!date) return <span key={`blank${i}`} />;
          const day = Number(date.slice(8));
          const label = props.free.get(date);
          return label ? (
            <button type="button" key={date} class="day free" aria-label={label} aria-pressed={props.selected === date} onClick={() => props.onSelect(date)}>
              {day}
            </button>
          ) : (
            <span key={date} class="day" aria-hidden="true">
              {day}
            </span>
          );
        })}
      </div>
    </div>
  );
}

/**
 * Picks a free time (M1): the days with free times in a month calendar, and the free times of
 * the chosen day under it. The same picker books, moves a customer's own booking, and for the
 * practitioner moves any booking or books for a customer: `target` says which. `busy` is time
 * lost to others meanwhile.
 */
export function TimePicker(props: { target: SlotTarget; busy: Interval[]; notice?: string; onPick: (slot: Slot) => void }) {
  const { call, t, session } = useApp();
  const [days, setDays] = useState<Days | undefined>();
  const [month, setMonth] = useState(session.today.slice(0, 7));
  const [day, setDay] = useState<string | undefined>();
  const [slots, setSlots] = useState<Slot[] | undefined>();
  const [failed, setFailed] = useState(false);
  const targetKey = JSON.stringify(props.target);
  const busyKey = JSON.stringify(props.busy);

  useEffect(() => {
    setDays(undefined);
    const ready = props.busy.length === 0 ? prefetched.get(targetKey) : undefined;
    prefetched.delete(targetKey);
    (ready && ready.at > Date.now() - 30_000 ? ready.days : call("days", { target: props.target, busy: props.busy }))
      .then((found) => {
        setDays(found);
        const first = found[0]?.date;
        if (first) setMonth(first.slice(0, 7));
        // A day chosen before stays chosen only while it still has free times.
        setDay((current) => (current && found.some((d) => d.date === current) ? current : undefined));
      })
      .catch(() => setFailed(true));
  }, [targetKey, busyKey]);

  useEffect(() => {
    setSlots(undefined);
    if (!day) return;
    call("slots", { target: props.target, day, busy: props.busy })
      .then(setSlots)
      .catch(() => setFailed(true));
  }, [day, targetKey, busyKey]);

  if (failed) return <p role="alert">{t("webapp-error")}</p>;
  if (!days) return <p aria-busy="true">{t("webapp-loading")}</p>;
  if (days.length === 0) return <p role="status">{t("booking-no-days")}</p>;
  const free = new Map(days.map((d) => [d.date, d.label]));
  const chosen = day ? free.get(day) : undefined;
  return (
    <div>
      {props.notice && (
        <p class="notice" role="alert">
          {props.notice}
        </p>
      )}
      <h2>{t("webapp-choose-day")}</h2>
      <MonthGrid
        month={month}
        free={free}
        selected={day}
        first={session.today.slice(0, 7)}
        // The customers' horizon, or further for the practitioner's own bookings (a year ahead).
        last={[session.lastDay, days.at(-1)?.date ?? ""].reduce((a, b) => (b > a ? b : a)).slice(0, 7)}
        onMonth={setMonth}
        onSelect={setDay}
      />
      {day && chosen && (
        <section aria-live="polite">
          <h3>{t("webapp-choose-time", { day: chosen })}</h3>
          {!slots ? (
            <p aria-busy="true">{t("webapp-loading")}</p>
          ) : slots.length === 0 ? (
            <p>{t("webapp-no-times")}</p>
          ) : (
            <div class="times">
              {slots.map((slot) => (
                <button type="button" key={slot.start} aria-label={slot.when} onClick={() => props.onPick(slot)}>
                  {slot.time}
                </button>
              ))}
            </div>
          )}
        </section>
      )}
    </div>
  );
}

/** The treatments as a list of buttons, each with its price. */
export function ServiceChoices({ services, onPick }: { services: ServiceItem[]; onPick: (service: ServiceItem) => void }) {
  return (
    <ul class="choices">
      {services.map((s) => (
        <li key={s.id}>
          <button type="button" class="choice" onClick={() => onPick(s)}>
            <span>{s.name}</span>
            <span class="price">{s.price}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
