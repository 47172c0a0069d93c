import { useEffect, useState } from "preact/hooks";
import type { CustomerChoice, Interval, NewCustomer, ServiceItem, Slot } from "../../src/miniapp/api-types.js";
import { Field } from "./book.js";
import { ServiceChoices, TimePicker } from "./calendar.js";
import { useApp, useFocusOnShow } from "./context.js";

type Step = "customer" | "new" | "service" | "time" | "summary";
type CreateErrors = Partial<Record<keyof NewCustomer, string>>;

/** A customer's name; one not on Telegram carries ☎ as in the chat, said in words to a screen reader. */
function CustomerName(props: { customer: CustomerChoice }) {
  const { t } = useApp();
  if (props.customer.onTelegram) return <span>{props.customer.name}</span>;
  return (
    <span>
      {props.customer.name} <span aria-hidden="true">☎</span>
      <span class="sr-only">({t("webapp-not-on-telegram")})</span>
    </span>
  );
}

/** Customers to pick from, each a button. */
function CustomerList(props: { customers: CustomerChoice[]; onPick: (customer: CustomerChoice) => void }) {
  return (
    <ul class="choices">
      {props.customers.map((c) => (
        <li key={c.customerId}>
          <button type="button" class="choice" onClick={() => props.onPick(c)}>
            <CustomerName customer={c} />
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * Who the booking is for: a search by name, phone number or email (sent in the request's body,
 * never in a URL; each customer found is audit-logged as viewed by her), or a new customer.
 */
function FindCustomer(props: { onPick: (customer: CustomerChoice) => void; onNew: () => void; onClose: () => void; notice?: string }) {
  const { call, t } = useApp();
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<CustomerChoice[]>([]);
  const [message, setMessage] = useState<string | undefined>(props.notice);
  const heading = useFocusOnShow<HTMLHeadingElement>(true);
  return (
    <section>
      <h2 tabIndex={-1} ref={heading}>
        {t("webapp-book-for-title")}
      </h2>
      <p class="hint">{t("admin-book-find-customer")}</p>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const q = query.trim();
          if (q.length < 2) {
            setMessage(t("admin-book-search-short"));
            return;
          }
          void call("admin/customers", { query: q })
            .then((found) => {
              setHits(found);
              setMessage(found.length === 0 ? t("admin-book-no-match") : undefined);
            })
            .catch(() => setMessage(t("webapp-error")));
        }}
      >
        <div class="row">
          <div class="field">
            <label for="customer-search">{t("webapp-customer-search")}</label>
            <input id="customer-search" type="search" autocomplete="off" maxLength={100} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
          </div>
          <button type="submit">{t("webapp-search")}</button>
        </div>
      </form>
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
      <CustomerList customers={hits} onPick={props.onPick} />
      <div class="actions">
        <button type="button" class="secondary" onClick={props.onClose}>
          {t("button-back")}
        </button>
        <button type="button" onClick={props.onNew}>
          {t("button-admin-new-customer")}
        </button>
      </div>
    </section>
  );
}

/**
 * A new customer without Telegram (A10): a name, and a phone number and email if she has them,
 * checked as the chat checks them. The form's identity is fixed before it can be sent, so sending
 * it twice creates one customer. Someone with the same phone or email already is offered first.
 */
function NewCustomerForm(props: { onCreated: (customer: CustomerChoice) => void; onBack: () => void }) {
  const { call, t } = useApp();
  const [form, setForm] = useState<Required<NewCustomer>>({ firstName: "", lastName: "", phone: "", email: "" });
  const [errors, setErrors] = useState<CreateErrors>({});
  const [duplicate, setDuplicate] = useState<{ text: string; matches: CustomerChoice[] } | undefined>();
  const [customerId, setCustomerId] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const heading = useFocusOnShow<HTMLHeadingElement>(duplicate);
  useEffect(() => {
    void call("identity", {})
      .then(({ id }) => setCustomerId(id))
      .catch(() => setMessage(t("webapp-error")));
  }, []);

  const send = (allowDuplicate: boolean) => {
    if (!customerId) return;
    setSending(true);
    setMessage(undefined);
    const phone = form.phone.trim();
    const email = form.email.trim();
    const customer = { firstName: form.firstName, lastName: form.lastName, ...(phone ? { phone } : {}), ...(email ? { email } : {}) };
    call("admin/create-customer", { customerId, customer, ...(allowDuplicate ? { allowDuplicate } : {}) })
      .then((r) => {
        if (r.ok) props.onCreated(r.customer);
        else if (r.reason === "invalid") {
          setErrors(r.errors);
          setDuplicate(undefined);
        } else setDuplicate({ text: r.text, matches: r.matches });
      })
      .catch(() => setMessage(t("webapp-error")))
      .finally(() => setSending(false));
  };

  if (duplicate) {
    return (
      <section>
        <h2 tabIndex={-1} ref={heading}>
          {duplicate.text}
        </h2>
        <CustomerList customers={duplicate.matches} onPick={props.onCreated} />
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setDuplicate(undefined)}>
            {t("button-back")}
          </button>
          <button type="button" disabled={sending} onClick={() => send(true)}>
            {t("button-admin-create-anyway")}
          </button>
        </div>
      </section>
    );
  }
  const set = (field: keyof NewCustomer) => (value: string) => setForm({ ...form, [field]: value });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        send(false);
      }}
    >
      <h2 tabIndex={-1} ref={heading}>
        {t("button-admin-new-customer")}
      </h2>
      <Field id="new-firstName" label={t("webapp-first-name")} type="text" autocomplete="off" value={form.firstName} error={errors.firstName} onInput={set("firstName")} />
      <Field id="new-lastName" label={t("webapp-last-name")} type="text" autocomplete="off" value={form.lastName} error={errors.lastName} onInput={set("lastName")} />
      <Field id="new-phone" label={t("webapp-phone")} type="tel" autocomplete="off" value={form.phone} error={errors.phone} onInput={set("phone")} />
      <Field id="new-email" label={t("webapp-email-optional")} type="email" autocomplete="off" value={form.email} error={errors.email} onInput={set("email")} />
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={props.onBack}>
          {t("button-back")}
        </button>
        <button type="submit" disabled={sending || !customerId} aria-busy={sending}>
          {t("webapp-continue")}
        </button>
      </div>
    </form>
  );
}

/**
 * The practitioner books for a customer who phoned or came to the desk (A10), as the chat's
 * /bookfor does: find the customer or create one → treatment → day and time by her rules (no
 * minimum notice, a year ahead, within the opening hours) → summary → confirm. The same claim,
 * audit and message to the customer (when on Telegram) as the chat's; `onDone` gets the chat's
 * own report and the booking's day, so the week can show it.
 */
export function BookForFlow(props: { onDone: (text: string, day: string) => void; onClose: () => void }) {
  const { call, t } = useApp();
  const [step, setStep] = useState<Step>("customer");
  const [customer, setCustomer] = useState<CustomerChoice | undefined>();
  const [services, setServices] = useState<ServiceItem[] | undefined>();
  const [service, setService] = useState<ServiceItem | undefined>();
  const [slot, setSlot] = useState<Slot | undefined>();
  const [busy, setBusy] = useState<Interval[]>([]);
  const [bookingId, setBookingId] = useState<string | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const heading = useFocusOnShow<HTMLHeadingElement>(step);

  const loadServices = () =>
    void call("services", {})
      .then(setServices)
      .catch(() => setMessage(t("webapp-error")));
  useEffect(loadServices, []);

  const picked = (c: CustomerChoice) => {
    setCustomer(c);
    setMessage(undefined);
    setStep("service");
  };

  if (step === "customer") {
    return <FindCustomer onPick={picked} onNew={() => setStep("new")} onClose={props.onClose} {...(message ? { notice: message } : {})} />;
  }
  if (step === "new") return <NewCustomerForm onCreated={picked} onBack={() => setStep("customer")} />;
  if (!customer) return null;

  const back = (to: Step) => (
    <button type="button" class="secondary" onClick={() => setStep(to)}>
      {t("button-back")}
    </button>
  );
  const notice = message && (
    <p class="notice" role="alert">
      {message}
    </p>
  );

  if (step === "service" || !service) {
    return (
      <section>
        <h2 tabIndex={-1} ref={heading}>
          <CustomerName customer={customer} />
        </h2>
        {notice}
        {!services ? (
          <p aria-busy="true">{t("webapp-loading")}</p>
        ) : services.length === 0 ? (
          <p>{t("booking-no-services")}</p>
        ) : (
          <ServiceChoices
            services={services}
            onPick={(s) => {
              setService(s);
              setBusy([]);
              setMessage(undefined);
              setStep("time");
            }}
          />
        )}
        <div class="actions">{back("customer")}</div>
      </section>
    );
  }

  if (step === "time" || !slot || !bookingId) {
    return (
      <section>
        <h2 tabIndex={-1} ref={heading}>
          {service.name}
        </h2>
        <TimePicker
          target={{ serviceId: service.id, practitioner: true }}
          busy={busy}
          {...(message ? { notice: message } : {})}
          onPick={(chosen) => {
            // The booking's identity is fixed before Confirm is shown: pressing it twice books once.
            void call("identity", {})
              .then(({ id }) => {
                setBookingId(id);
                setSlot(chosen);
                setMessage(undefined);
                setStep("summary");
              })
              .catch(() => setMessage(t("webapp-error")));
          }}
        />
        <div class="actions">{back("service")}</div>
      </section>
    );
  }

  const confirm = () => {
    setSending(true);
    setMessage(undefined);
    call("admin/book-for", { bookingId, customerId: customer.customerId, serviceId: service.id, start: slot.start })
      .then((r) => {
        if (r.ok) {
          props.onDone(t("admin-book-done", { service: r.service, name: customer.name, when: r.when, told: r.told }), r.day);
          return;
        }
        setMessage(r.text);
        if (r.reason === "slot-taken") setBusy([...busy, ...r.taken]);
        if (r.reason === "service-unavailable") loadServices();
        setStep(r.reason === "customer-not-found" ? "customer" : r.reason === "service-unavailable" ? "service" : "time");
      })
      .catch(() => setMessage(t("webapp-error")))
      .finally(() => setSending(false));
  };
  return (
    <section>
      <h2 tabIndex={-1} ref={heading} class="pre">
        {t("admin-book-summary", { service: service.name, name: customer.name, when: slot.when, outside: "no" })}
      </h2>
      {notice}
      <div class="actions">
        {back("time")}
        <button type="button" disabled={sending} aria-busy={sending} onClick={confirm}>
          {t("button-confirm")}
        </button>
      </div>
    </section>
  );
}
