import { useEffect, useState } from "preact/hooks";
import type { BookingCard, HoursDay, PaymentRequest, Week, WeekEntry } from "../../src/miniapp/api-types.js";
import { BookForFlow } from "./book-for.js";
import { MoveFlow } from "./bookings.js";
import { useApp, useFocusOnShow } from "./context.js";

const METHODS: Array<PaymentRequest["method"]> = ["cash", "card", "mobilepay", "invoice"];

/**
 * One booking for the practitioner (M2, A2): its particulars and every action the chat has —
 * attended, no-show, payment with a receipt to send, contact details (audit-logged on the
 * server), cancel with a reason the customer is told, and move.
 */
function BookingView(props: { bookingId: string; onClose: () => void }) {
  const { call, t } = useApp();
  const [card, setCard] = useState<BookingCard | null | undefined>();
  const [panel, setPanel] = useState<"none" | "payment" | "cancel" | "move">("none");
  const [message, setMessage] = useState<string | undefined>();
  const [receipt, setReceipt] = useState<number | undefined>();
  const [amount, setAmount] = useState("");
  const [method, setMethod] = useState<PaymentRequest["method"]>("card");
  const [reason, setReason] = useState("");
  const heading = useFocusOnShow<HTMLHeadingElement>(panel);

  const load = () =>
    call("admin/booking", { bookingId: props.bookingId })
      .then((c) => {
        setCard(c);
        if (c) setAmount(c.amount);
      })
      .catch(() => setMessage(t("webapp-error")));
  useEffect(() => void load(), [props.bookingId]);
  const show = (promise: Promise<{ text: string }>) =>
    promise
      .then((r) => setMessage(r.text))
      .catch(() => setMessage(t("webapp-error")))
      .then(load);

  if (card === undefined) return <p aria-busy="true">{t("webapp-loading")}</p>;
  if (card === null) return <p role="alert">{t("webapp-error")}</p>;
  if (panel === "move") {
    return (
      <MoveFlow
        title={t("webapp-move-title", { service: card.service })}
        target={{ bookingId: card.bookingId }}
        service={card.service}
        from={card.when}
        confirm={(start, moveId) => call("admin/move", { bookingId: card.bookingId, start, moveId })}
        onDone={(text) => {
          setPanel("none");
          setMessage(text);
          void load();
        }}
        onBack={() => setPanel("none")}
      />
    );
  }
  return (
    <section>
      <h2 tabIndex={-1} ref={heading}>
        {card.when}
      </h2>
      <dl class="facts">
        <dt>{t("webapp-customer")}</dt>
        <dd>{card.customer}</dd>
        <dt>{t("webapp-status")}</dt>
        <dd>{card.status}</dd>
      </dl>
      <p>
        {card.service}, {card.time}, {card.price}
      </p>
      {message && (
        <p class="notice pre" role="status">
          {message}
        </p>
      )}
      {receipt !== undefined && (
        <button type="button" class="secondary" onClick={() => void show(call("admin/send-receipt", { receiptNumber: receipt }))}>
          {t("button-admin-send-receipt")}
        </button>
      )}
      <div class="actions wrap">
        {card.standing && (
          <>
            <button type="button" aria-pressed={card.attendance === "attended"} onClick={() => void show(call("admin/attendance", { bookingId: card.bookingId, attendance: "attended" }))}>
              {t("button-admin-attended")}
            </button>
            <button type="button" aria-pressed={card.attendance === "no-show"} onClick={() => void show(call("admin/attendance", { bookingId: card.bookingId, attendance: "no-show" }))}>
              {t("button-admin-noshow")}
            </button>
          </>
        )}
        <button type="button" class="secondary" onClick={() => setPanel(panel === "payment" ? "none" : "payment")}>
          {t("button-admin-payment")}
        </button>
        <button type="button" class="secondary" onClick={() => void show(call("admin/contact", { bookingId: card.bookingId }))}>
          {t("button-admin-details")}
        </button>
        {card.changeable && (
          <>
            <button type="button" class="secondary" onClick={() => setPanel("move")}>
              {t("button-move-booking")}
            </button>
            <button type="button" class="danger" onClick={() => setPanel(panel === "cancel" ? "none" : "cancel")}>
              {t("button-admin-cancel")}
            </button>
          </>
        )}
      </div>
      {panel === "payment" && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void call("admin/payment", { bookingId: card.bookingId, amount, method })
              .then((r) => {
                setMessage(r.text);
                if (r.ok) {
                  setReceipt(r.receiptNumber);
                  setPanel("none");
                }
              })
              .catch(() => setMessage(t("webapp-error")));
          }}
        >
          <div class="field">
            <label for="amount">{t("webapp-amount")}</label>
            <input id="amount" inputMode="decimal" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="method">{t("admin-payment-method")}</label>
            <select id="method" value={method} onChange={(e) => setMethod(e.currentTarget.value as PaymentRequest["method"])}>
              {METHODS.map((m) => (
                <option value={m} key={m}>
                  {t(`payment-method-${m}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t("webapp-record-payment")}</button>
        </form>
      )}
      {panel === "cancel" && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setPanel("none");
            void show(call("admin/cancel", { bookingId: card.bookingId, reason }));
          }}
        >
          <div class="field">
            <label for="reason">{t("admin-cancel-ask-reason")}</label>
            <textarea id="reason" required maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </div>
          <button type="submit" class="danger">
            {t("webapp-cancel-submit")}
          </button>
        </form>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={props.onClose}>
          {t("webapp-close")}
        </button>
      </div>
    </section>
  );
}

/** Blocking time off (A3): a day or several, whole or from a time to a time. */
function BlockForm(props: { onDone: (text: string, inside: WeekEntry[]) => void; onClose: () => void }) {
  const { call, t, session } = useApp();
  const [from, setFrom] = useState(session.today);
  const [to, setTo] = useState("");
  const [startTime, setStartTime] = useState("");
  const [endTime, setEndTime] = useState("");
  const [message, setMessage] = useState<string | undefined>();
  const heading = useFocusOnShow<HTMLHeadingElement>(true);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void call("admin/block", { from, ...(to ? { to } : {}), ...(startTime ? { startTime } : {}), ...(endTime ? { endTime } : {}) })
          .then((r) => (r.ok ? props.onDone(r.text, r.inside) : setMessage(r.text)))
          .catch(() => setMessage(t("webapp-error")));
      }}
    >
      <h2 tabIndex={-1} ref={heading}>
        {t("webapp-block-title")}
      </h2>
      <div class="field">
        <label for="block-from">{t("webapp-block-from")}</label>
        <input id="block-from" type="date" required value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="block-to">{t("webapp-block-to")}</label>
        <input id="block-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
      </div>
      <div class="row">
        <div class="field">
          <label for="block-start">{t("webapp-block-start-time")}</label>
          <input id="block-start" type="time" step={300} value={startTime} onInput={(e) => setStartTime(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="block-end">{t("webapp-block-end-time")}</label>
          <input id="block-end" type="time" step={300} value={endTime} onInput={(e) => setEndTime(e.currentTarget.value)} />
        </div>
      </div>
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={props.onClose}>
          {t("button-back")}
        </button>
        <button type="submit">{t("webapp-block-submit")}</button>
      </div>
    </form>
  );
}

/** A booking or a block in the week, as a line; a booking opens its card. */
function EntryLine(props: { entry: WeekEntry; onOpen: (id: string) => void; onUnblock: (id: string) => void }) {
  const { t } = useApp();
  const e = props.entry;
  if (e.kind === "blocked") {
    return (
      <li class="entry blocked">
        <span>
          {e.time} · {t("webapp-blocked")}
        </span>
        <button type="button" class="link" onClick={() => props.onUnblock(e.id)}>
          {t("webapp-unblock")}
        </button>
      </li>
    );
  }
  return (
    <li class="entry">
      <button type="button" class="booking" onClick={() => props.onOpen(e.id)}>
        <span class="time">{e.time}</span>
        <span>
          {e.customer} – {e.service} {e.attendance ?? ""}
        </span>
      </button>
    </li>
  );
}

/**
 * The practitioner's week (M2, A13): each day with its hours, bookings, blocked time and how many
 * customers wait for it (W4), paged a week at a time; a booking opens its card, time off can be
 * blocked and unblocked here, and she books for a customer who phoned (A10).
 */
export function WeekView() {
  const { call, t } = useApp();
  const [start, setStart] = useState<string | undefined>();
  const [week, setWeek] = useState<Week | undefined>();
  const [open, setOpen] = useState<string | undefined>();
  const [blocking, setBlocking] = useState(false);
  const [bookingFor, setBookingFor] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const [inside, setInside] = useState<WeekEntry[]>([]);
  const [loads, setLoads] = useState(0);
  const heading = useFocusOnShow<HTMLHeadingElement>(`${open ?? ""}${String(blocking)}${String(bookingFor)}`);

  const load = () =>
    call("admin/week", start ? { start } : {})
      .then(setWeek)
      .catch(() => setMessage(t("webapp-error")));
  useEffect(() => void load(), [start, loads]);

  if (open) {
    return (
      <BookingView
        bookingId={open}
        onClose={() => {
          setOpen(undefined);
          void load();
        }}
      />
    );
  }
  if (blocking) {
    return (
      <BlockForm
        onDone={(text, found) => {
          setBlocking(false);
          setMessage(text);
          setInside(found);
          void load();
        }}
        onClose={() => setBlocking(false)}
      />
    );
  }
  if (bookingFor) {
    return (
      <BookForFlow
        onDone={(text, day) => {
          setBookingFor(false);
          setMessage(text);
          setInside([]);
          // The week the booking is in, read afresh.
          setStart(day);
          setLoads(loads + 1);
        }}
        onClose={() => setBookingFor(false)}
      />
    );
  }
  const unblock = (id: string) =>
    void call("admin/unblock", { exceptionId: id })
      .then((r) => setMessage(r.text))
      .catch(() => setMessage(t("webapp-error")))
      .then(load);
  return (
    <section>
      <h2 tabIndex={-1} ref={heading}>
        {t("webapp-tab-week")}
      </h2>
      <div class="actions pager">
        <button type="button" class="icon" aria-label={t("webapp-week-previous")} disabled={!week} onClick={() => week && setStart(week.previous)}>
          ‹
        </button>
        <button type="button" class="secondary" onClick={() => setStart(undefined)}>
          {t("webapp-week-this")}
        </button>
        <button type="button" class="icon" aria-label={t("webapp-week-next")} disabled={!week} onClick={() => week && setStart(week.next)}>
          ›
        </button>
      </div>
      <div class="actions">
        <button type="button" onClick={() => setBookingFor(true)}>
          {t("button-admin-book-for-anyone")}
        </button>
        <button type="button" class="secondary" onClick={() => setBlocking(true)}>
          {t("webapp-block-title")}
        </button>
      </div>
      {message && (
        <div class="notice" role="status">
          <p class="pre">{message}</p>
          {inside.length > 0 && (
            <ul class="entries">
              {inside.map((e) => (
                <EntryLine key={e.id} entry={e} onOpen={setOpen} onUnblock={unblock} />
              ))}
            </ul>
          )}
        </div>
      )}
      {!week ? (
        <p aria-busy="true">{t("webapp-loading")}</p>
      ) : (
        week.days.map((day) => (
          <section class="day-block" key={day.date} aria-label={day.label}>
            <h3>
              {day.label} <span class="hint">{day.hours}</span>
            </h3>
            {day.waiting !== undefined && <p class="hint">{t("webapp-waiting", { count: day.waiting })}</p>}
            {day.entries.length === 0 ? (
              <p class="hint">{t("admin-agenda-empty")}</p>
            ) : (
              <ul class="entries">
                {day.entries.map((e) => (
                  <EntryLine key={e.id + e.start} entry={e} onOpen={setOpen} onUnblock={unblock} />
                ))}
              </ul>
            )}
          </section>
        ))
      )}
    </section>
  );
}

/** The weekly hours (A3): each weekday's intervals, edited and saved a day at a time. */
export function HoursView() {
  const { call, t } = useApp();
  const [days, setDays] = useState<HoursDay[] | undefined>();
  const [messages, setMessages] = useState<Record<number, string>>({});
  const heading = useFocusOnShow<HTMLHeadingElement>(true);
  useEffect(() => {
    void call("admin/hours", {})
      .then(setDays)
      .catch(() => setMessages({ 0: t("webapp-error") }));
  }, []);
  if (!days) return <p aria-busy="true">{messages[0] ?? t("webapp-loading")}</p>;
  const update = (weekday: number, intervals: HoursDay["intervals"]) => setDays(days.map((d) => (d.weekday === weekday ? { ...d, intervals } : d)));
  return (
    <section>
      <h2 tabIndex={-1} ref={heading}>
        {t("webapp-hours-title")}
      </h2>
      {days.map((day) => (
        <form
          key={day.weekday}
          class="hours-day"
          aria-label={day.label}
          onSubmit={(e) => {
            e.preventDefault();
            // A time field cannot say 24:00: an interval ending at 00:00 ends at midnight.
            const intervals = day.intervals.map((i) => (i.end === "00:00" ? { ...i, end: "24:00" } : i));
            void call("admin/set-hours", { weekday: day.weekday, intervals })
              .then((r) => setMessages({ ...messages, [day.weekday]: r.text }))
              .catch(() => setMessages({ ...messages, [day.weekday]: t("webapp-error") }));
          }}
        >
          <h3>{day.label}</h3>
          {day.intervals.map((interval, i) => (
            <div class="row" key={i}>
              <div class="field">
                <label for={`h${day.weekday}-${i}-start`}>{t("webapp-hours-start")}</label>
                <input
                  id={`h${day.weekday}-${i}-start`}
                  type="time"
                  step={300}
                  required
                  value={interval.start}
                  onInput={(e) => update(day.weekday, day.intervals.map((x, j) => (j === i ? { ...x, start: e.currentTarget.value } : x)))}
                />
              </div>
              <div class="field">
                <label for={`h${day.weekday}-${i}-end`}>{t("webapp-hours-end")}</label>
                <input
                  id={`h${day.weekday}-${i}-end`}
                  type="time"
                  step={300}
                  required
                  value={interval.end === "24:00" ? "00:00" : interval.end}
                  onInput={(e) => update(day.weekday, day.intervals.map((x, j) => (j === i ? { ...x, end: e.currentTarget.value } : x)))}
                />
              </div>
              <button
                type="button"
                class="link"
                aria-label={`${t("webapp-hours-remove")} ${interval.start}–${interval.end}`}
                onClick={() => update(day.weekday, day.intervals.filter((_, j) => j !== i))}
              >
                {t("webapp-hours-remove")}
              </button>
            </div>
          ))}
          <div class="actions">
            <button type="button" class="secondary" onClick={() => update(day.weekday, [...day.intervals, { start: "09:00", end: "17:00" }])}>
              {t("webapp-hours-add")}
            </button>
            <button type="submit">{t("webapp-hours-save")}</button>
          </div>
          {messages[day.weekday] && <p role="status">{messages[day.weekday]}</p>}
        </form>
      ))}
    </section>
  );
}
