import { useEffect, useState } from "preact/hooks";
import type { ChangeResponse, Interval, MyBooking, Slot, SlotTarget } from "../../src/miniapp/api-types.js";
import { TimePicker } from "./calendar.js";
import { useApp, useFocusOnShow } from "./context.js";

/**
 * Moving a booking: the calendar for the new time, then the change to confirm. The customer's
 * own move and the practitioner's share it; `confirm` makes the move with an identity fixed
 * before the confirm button was shown, so pressing it twice moves once.
 */
export function MoveFlow(props: {
  title: string;
  target: SlotTarget;
  service: string;
  from: string;
  confirm: (start: number, moveId: string) => Promise<ChangeResponse>;
  onDone: (text: string) => void;
  onBack: () => void;
}) {
  const { call, t } = useApp();
  const [busy, setBusy] = useState<Interval[]>([]);
  const [slot, setSlot] = useState<Slot | undefined>();
  const [moveId, setMoveId] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const heading = useFocusOnShow<HTMLHeadingElement>(slot);

  if (!slot || !moveId) {
    return (
      <section>
        <h2 tabIndex={-1} ref={heading}>
          {props.title}
        </h2>
        <TimePicker
          target={props.target}
          busy={busy}
          {...(notice ? { notice } : {})}
          onPick={(picked) => {
            void call("identity", {}).then(({ id }) => {
              setMoveId(id);
              setSlot(picked);
              setNotice(undefined);
            });
          }}
        />
        <div class="actions">
          <button type="button" class="secondary" onClick={props.onBack}>
            {t("button-back")}
          </button>
        </div>
      </section>
    );
  }
  return (
    <section>
      <h2 tabIndex={-1} ref={heading} class="pre">
        {t("move-summary", { service: props.service, from: props.from, to: slot.when })}
      </h2>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => setSlot(undefined)}>
          {t("button-back")}
        </button>
        <button
          type="button"
          disabled={sending}
          onClick={() => {
            setSending(true);
            props
              .confirm(slot.start, moveId)
              .then((result) => {
                if (result.ok) props.onDone(result.text);
                else if (result.taken) {
                  setBusy([...busy, ...result.taken]);
                  setNotice(result.text);
                  setSlot(undefined);
                } else props.onDone(result.text);
              })
              .catch(() => setNotice(t("webapp-error")))
              .finally(() => setSending(false));
          }}
        >
          {t("button-confirm-move")}
        </button>
      </div>
    </section>
  );
}

/**
 * The customer's upcoming bookings (M1, B6): each with Cancel (asked again) and Reschedule until
 * the cutoff, and after it whom to contact instead. The server checks the booking is the caller's
 * own and the cutoff again.
 */
export function MyBookings() {
  const { call, t } = useApp();
  const [list, setList] = useState<MyBooking[] | undefined>();
  const [confirming, setConfirming] = useState<string | undefined>();
  const [moving, setMoving] = useState<MyBooking | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const heading = useFocusOnShow<HTMLHeadingElement>(moving);

  const load = () =>
    call("bookings", {})
      .then(setList)
      .catch(() => setMessage(t("webapp-error")));
  useEffect(() => void load(), []);

  if (moving) {
    return (
      <MoveFlow
        title={t("webapp-move-title", { service: moving.service })}
        target={{ ref: moving.ref }}
        service={moving.service}
        from={moving.when}
        confirm={(start, moveId) => call("move", { ref: moving.ref, start, moveId })}
        onDone={(text) => {
          setMoving(undefined);
          setMessage(text);
          void load();
        }}
        onBack={() => setMoving(undefined)}
      />
    );
  }
  return (
    <section>
      <h2 tabIndex={-1} ref={heading}>
        {t("webapp-tab-bookings")}
      </h2>
      {message && (
        <p class="notice pre" role="status">
          {message}
        </p>
      )}
      {!list ? (
        <p aria-busy="true">{t("webapp-loading")}</p>
      ) : list.length === 0 ? (
        <p>{t("webapp-no-bookings")}</p>
      ) : (
        <ul class="cards">
          {list.map((b) => (
            <li key={b.ref} class="card">
              <strong>{b.when}</strong>
              <span>{b.service}</span>
              {b.locked ? (
                <p class="hint">{b.locked}</p>
              ) : confirming === b.ref ? (
                <div role="group" aria-label={t("cancel-confirm", { when: b.when, service: b.service })}>
                  <p class="pre">{t("cancel-confirm", { when: b.when, service: b.service })}</p>
                  <div class="actions">
                    <button type="button" class="secondary" onClick={() => setConfirming(undefined)}>
                      {t("button-cancel-keep")}
                    </button>
                    <button
                      type="button"
                      class="danger"
                      onClick={() => {
                        setConfirming(undefined);
                        void call("cancel", { ref: b.ref })
                          .then((r) => setMessage(r.text))
                          .catch(() => setMessage(t("webapp-error")))
                          .then(load);
                      }}
                    >
                      {t("button-cancel-yes")}
                    </button>
                  </div>
                </div>
              ) : (
                <div class="actions">
                  <button type="button" class="secondary" onClick={() => setConfirming(b.ref)}>
                    {t("button-cancel-booking")}
                  </button>
                  <button type="button" onClick={() => setMoving(b)}>
                    {t("button-move-booking")}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
