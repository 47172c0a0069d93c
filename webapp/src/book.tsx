import { useEffect, useState } from "preact/hooks";
import type { Details, Interval, Marketing, Profile, ServiceItem, Slot } from "../../src/miniapp/api-types.js";
import { prefetchDays, ServiceChoices, TimePicker } from "./calendar.js";
import { useApp, useFocusOnShow } from "./context.js";

type Step = "service" | "time" | "details" | "summary" | "done";
const preloadUsed = new WeakSet<object>();
type FieldErrors = Partial<Record<keyof Details, string>>;

/** A labelled text field with its error, announced when it appears. */
export function Field(props: { id: string; label: string; type: "text" | "email" | "tel"; value: string; error?: string; autocomplete: string; onInput: (value: string) => void }) {
  const errorId = `${props.id}-error`;
  const attributes = {
    id: props.id,
    value: props.value,
    autocomplete: props.autocomplete,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": props.error ? errorId : undefined,
    onInput: (e: { currentTarget: HTMLInputElement }) => props.onInput(e.currentTarget.value),
  };
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.type === "email" ? <input type="email" {...attributes} /> : props.type === "tel" ? <input type="tel" {...attributes} /> : <input type="text" {...attributes} />}
      {props.error && (
        <p id={errorId} class="error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}

/**
 * The customer's booking (M1, B3): treatment → day and time in a calendar → details (prefilled
 * for a returning customer), the privacy notice acknowledged before the first booking and
 * marketing consents offered once, each unticked → summary → confirm. The same rules as the chat:
 * the server checks everything again, and a time taken meanwhile brings fresh times.
 */
export function BookFlow() {
  const { call, t, session, preloaded } = useApp();
  const [step, setStep] = useState<Step>("service");
  const [services, setServices] = useState<ServiceItem[] | undefined>();
  const [profile, setProfile] = useState<Profile | undefined>();
  const [service, setService] = useState<ServiceItem | undefined>();
  const [slot, setSlot] = useState<Slot | undefined>();
  const [busy, setBusy] = useState<Interval[]>([]);
  const [details, setDetails] = useState<Details>({ firstName: "", lastName: "", email: "", phone: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [privacyAcknowledged, setPrivacyAcknowledged] = useState(false);
  const [notice, setNotice] = useState<string[] | undefined>();
  const [marketing, setMarketing] = useState<Marketing>({ telegram: false, email: false, sms: false });
  const [bookingId, setBookingId] = useState<string | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<{ when: string; service: string; text: string } | undefined>();
  const heading = useFocusOnShow<HTMLHeadingElement>(step);

  useEffect(() => {
    // The first time, what the app asked for at start; when the tab is opened again, afresh.
    const first = !preloadUsed.has(preloaded);
    preloadUsed.add(preloaded);
    void Promise.all(first ? [preloaded.services, preloaded.profile] : [call("services", {}), call("profile", {})])
      .then(([list, p]) => {
        setServices(list);
        for (const s of list) prefetchDays(call, s.id);
        setProfile(p);
        setDetails({ firstName: p.firstName ?? "", lastName: p.lastName ?? "", email: p.email ?? "", phone: p.phone ?? "" });
        setPrivacyAcknowledged(p.privacyAcknowledged);
        // As in the chat: a consent given already (with /marketing) is shown ticked, not withdrawn.
        setMarketing({ ...p.consents });
      })
      .catch(() => setMessage(t("webapp-error")));
  }, []);

  const toSummary = async () => {
    // The booking's identity is fixed before Confirm is shown: pressing it twice books once.
    const { id } = await call("identity", {});
    setBookingId(id);
    setStep("summary");
  };

  const confirm = async () => {
    if (!service || !slot || !bookingId) return;
    setSending(true);
    setMessage(undefined);
    try {
      const phone = details.phone?.trim();
      const result = await call("book", {
        bookingId,
        serviceId: service.id,
        start: slot.start,
        details: { firstName: details.firstName, lastName: details.lastName, email: details.email, ...(phone ? { phone } : {}) },
        privacyAcknowledged,
        ...(profile?.consentsAsked ? {} : { marketing }),
      });
      if (result.ok) {
        setDone(result);
        setStep("done");
      } else if (result.reason === "invalid") {
        setErrors(result.errors);
        setStep("details");
      } else if (result.reason === "slot-taken") {
        setBusy([...busy, ...result.taken]);
        setMessage(result.text);
        setStep("time");
      } else if (result.reason === "privacy-not-acknowledged") {
        setPrivacyAcknowledged(false);
        setProfile(profile && { ...profile, privacyAcknowledged: false });
        setStep("details");
      } else {
        setMessage(result.text);
        setStep("service");
      }
    } catch {
      setMessage(t("webapp-error"));
    } finally {
      setSending(false);
    }
  };

  if (!services || !profile) {
    return message ? <p role="alert">{message}</p> : <p aria-busy="true">{t("webapp-loading")}</p>;
  }

  if (step === "service") {
    return (
      <section>
        <h2 tabIndex={-1} ref={heading}>
          {t("webapp-choose-service")}
        </h2>
        {message && (
          <p class="notice" role="alert">
            {message}
          </p>
        )}
        {services.length === 0 && <p>{t("booking-no-services")}</p>}
        <ServiceChoices
          services={services}
          onPick={(s) => {
            setService(s);
            setBusy([]);
            setMessage(undefined);
            setStep("time");
          }}
        />
      </section>
    );
  }

  const back = (to: Step) => (
    <button type="button" class="secondary" onClick={() => setStep(to)}>
      {t("button-back")}
    </button>
  );

  if (step === "time" && service) {
    return (
      <section>
        <h2 tabIndex={-1} ref={heading}>
          {service.name}
        </h2>
        <TimePicker
          target={{ serviceId: service.id }}
          busy={busy}
          {...(message ? { notice: message } : {})}
          onPick={(picked) => {
            setSlot(picked);
            setMessage(undefined);
            setStep("details");
          }}
        />
        <div class="actions">{back("service")}</div>
      </section>
    );
  }

  if (step === "details") {
    const set = (field: keyof Details) => (value: string) => setDetails({ ...details, [field]: value });
    const needsAck = !profile.privacyAcknowledged;
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          void toSummary().catch(() => setMessage(t("webapp-error")));
        }}
      >
        <h2 tabIndex={-1} ref={heading}>
          {t("webapp-details")}
        </h2>
        <Field id="firstName" label={t("webapp-first-name")} type="text" autocomplete="given-name" value={details.firstName} error={errors.firstName} onInput={set("firstName")} />
        <Field id="lastName" label={t("webapp-last-name")} type="text" autocomplete="family-name" value={details.lastName} error={errors.lastName} onInput={set("lastName")} />
        <Field id="email" label={t("webapp-email")} type="email" autocomplete="email" value={details.email} error={errors.email} onInput={set("email")} />
        <Field id="phone" label={t("webapp-phone")} type="tel" autocomplete="tel" value={details.phone ?? ""} error={errors.phone} onInput={set("phone")} />
        {needsAck && (
          <fieldset>
            <legend>{t("webapp-privacy-title")}</legend>
            <p>{t("webapp-privacy-text", { controller: session.business.name })}</p>
            <details
              onToggle={(e) => {
                if (e.currentTarget.open && !notice) void call("privacy", {}).then((r) => setNotice(r.parts));
              }}
            >
              <summary>{t("webapp-privacy-read")}</summary>
              {notice ? notice.map((part, i) => <p class="pre" key={i}>{part}</p>) : <p aria-busy="true">{t("webapp-loading")}</p>}
            </details>
            <label class="check">
              <input type="checkbox" required checked={privacyAcknowledged} onChange={(e) => setPrivacyAcknowledged(e.currentTarget.checked)} />
              {t("webapp-privacy-ack")}
            </label>
          </fieldset>
        )}
        {!profile.consentsAsked && (
          <fieldset>
            <legend>{t("webapp-consents-title")}</legend>
            <p>{t("booking-consents", { business: session.business.name })}</p>
            {(["telegram", "email", "sms"] as const)
              .filter((channel) => channel !== "sms" || Boolean(details.phone?.trim()))
              .map((channel) => (
                <label class="check" key={channel}>
                  <input type="checkbox" checked={marketing[channel]} onChange={(e) => setMarketing({ ...marketing, [channel]: e.currentTarget.checked })} />
                  {t(`channel-${channel}`)}
                </label>
              ))}
          </fieldset>
        )}
        {message && (
          <p class="notice" role="alert">
            {message}
          </p>
        )}
        <div class="actions">
          {back("time")}
          <button type="submit">{t("webapp-continue")}</button>
        </div>
      </form>
    );
  }

  if (step === "summary" && service && slot) {
    const phone = details.phone?.trim();
    const chosen = (["telegram", "email", "sms"] as const)
      .filter((c) => marketing[c] && !profile.consentsAsked && (c !== "sms" || phone))
      .map((c) => t(`channel-${c}`));
    const summary = t("booking-summary", {
      service: service.name,
      when: slot.when,
      duration: service.durationMinutes,
      price: service.price,
      address: session.business.address,
      name: `${details.firstName.trim()} ${details.lastName.trim()}`,
      email: details.email.trim(),
      phone: phone || t("value-none"),
      marketing: chosen.length > 0 ? new Intl.ListFormat(session.locale, { type: "conjunction" }).format(chosen) : t("value-none"),
    });
    return (
      <section>
        <h2 tabIndex={-1} ref={heading} class="pre">
          {summary}
        </h2>
        {message && (
          <p class="notice" role="alert">
            {message}
          </p>
        )}
        <div class="actions">
          {back("details")}
          <button type="button" disabled={sending} aria-busy={sending} onClick={() => void confirm()}>
            {t("button-confirm")}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section>
      <h2 tabIndex={-1} ref={heading}>
        {t("webapp-booked")}
      </h2>
      {done && (
        <p role="status">
          <strong>{done.service}</strong>
          <br />
          {done.when}
          <br />
          {done.text}
        </p>
      )}
      <div class="actions">
        <button
          type="button"
          onClick={() => {
            setService(undefined);
            setSlot(undefined);
            setBookingId(undefined);
            // The first booking acknowledged the notice and asked about marketing.
            setProfile({ ...profile, privacyAcknowledged: true, consentsAsked: true });
            setStep("service");
          }}
        >
          {t("webapp-book-another")}
        </button>
      </div>
    </section>
  );
}
