language-name = English

## Commands (Telegram's menu)
command-start = Start and main menu
command-book = Book an appointment
command-mybookings = My upcoming bookings
command-privacy = Privacy notice
command-language = Change language
command-help = Help
command-cancel = Stop what you are doing

## Start, help and menus
start-greeting =
    Hello! I book appointments for the practice.

    Choose an option below, or send /book to start. How we handle your data is explained in /privacy.
help =
    With me you can:
    /book – book an appointment
    /mybookings – see, cancel or move your bookings
    /profile – view and correct your details
    /marketing – choose the channels you allow marketing by
    /unsubscribe – stop all marketing at once
    /mydata – ask for a copy of everything we store about you
    /deleteme – erase your data
    /privacy – read the privacy notice
    /language – change the language
    /cancel – stop what you are doing
button-book = 📅 Book an appointment
button-my-bookings = 🗓 My bookings
button-privacy = 🔒 Privacy
unknown-input = I didn't understand that. Send /book to book an appointment or /help to see what I can do.
button-expired = This button is no longer active.
error-apology = Sorry, something went wrong on our side. Please try again in a moment.
rate-limited = You are sending messages faster than I can answer. Please wait a minute and try again.
flow-cancelled = Stopped. Nothing was booked. Send /book to start again.
nothing-to-cancel = There is nothing in progress to stop.

## Language
language-choose = Choose your language:
language-changed = I will speak English with you from now on.

## My bookings
my-bookings-empty = You have no upcoming bookings. Send /book to book an appointment.
my-bookings-title = Your upcoming bookings:

## Booking flow
button-back = ◀ Back
button-cancel = ✖ Stop
button-next = Next ▶
button-previous = ◀ Earlier
button-skip = Skip
button-continue = Continue
button-confirm = ✅ Confirm booking
button-use-details = Use these details
button-change-details = Change details
button-privacy-ok = I have read the privacy notice
service-button = { $name } – { $price }
booking-choose-service = Which treatment would you like to book?
booking-choose-day = { $service }: choose a day (page { $page }/{ $pages }).
booking-choose-time = { $service }, { $day }: choose a time.
booking-no-services = Booking is not available at the moment. Please contact the practice directly.
booking-no-days = There are no free times for this treatment in the booking period. Please choose another treatment or contact the practice.
booking-day-full = That day has just filled up. Please choose another day.
booking-option-unavailable = That option is not available any more. Please choose again.
booking-slot-taken = Sorry, someone booked that time just before you. Here are the times still free:
booking-where-we-are = That button belonged to an earlier step. This is where your booking is now:
booking-use-buttons = Please choose with the buttons above, or send /cancel to stop.
booking-type-text = Please type your answer as text, or use the buttons above.
booking-command-in-flow = You are in the middle of a booking. Continue with the buttons above, or send /cancel to stop.
booking-cancelled = Booking stopped – no time was booked.
booking-confirm-details =
    Shall we use the details you gave last time?

    Name: { $name }
    Email: { $email }
    Phone: { $phone }
booking-ask-firstName = Please type your first name.
booking-ask-lastName = Please type your last name.
booking-ask-email = Please type your email address. We send nothing to it without your consent; it is needed to reach you about your appointment.
booking-ask-phone = Please type your phone number (e.g. 040 123 4567), or press Skip – the phone number is optional.
invalid-name-empty = The name cannot be empty.
invalid-name-too-long = That is too long for a name (100 characters at most).
invalid-name-invalid = A name can contain letters, spaces, hyphens and apostrophes only.
invalid-email-empty = The email address cannot be empty.
invalid-email-too-long = That email address is too long.
invalid-email-invalid = That does not look like an email address (for example name@example.com).
invalid-phone-empty = The phone number cannot be empty.
invalid-phone-too-long = That is too long for a phone number.
invalid-phone-invalid = That does not look like a phone number. Type it as 040 123 4567 or +358 40 123 4567.
booking-privacy =
    Before your first booking, please read how { $controller } handles your personal data: send /privacy to read the full notice (your booking will wait here).

    In short: we keep only what the booking needs – your name, email, optional phone number and your bookings – and we use it only to serve you. Please do not send health information in this chat.
booking-consents =
    May { $business } send you news and offers? This consent (marketing permission) is optional and has no effect on your booking. Tick the channels you allow, then press Continue. You can withdraw your marketing permission at any time with /marketing.
channel-telegram = Telegram messages
channel-email = Email
channel-sms = Text messages (SMS)
value-none = –
booking-summary =
    Please check your booking:

    { $service }
    { $when }
    Duration: { $duration } min
    Price: { $price }
    Address: { $address }

    Name: { $name }
    Email: { $email }
    Phone: { $phone }
    Marketing allowed by: { $marketing }
booking-confirmed =
    ✅ Your appointment is booked.

    { $service }
    { $when }
    Duration: { $duration } min
    Price: { $price }
    Address: { $address }

    To cancel or change it, send /mybookings, or contact { $business }: { $phone }, { $email }.
booking-ics-caption = Add the appointment to your calendar.
ics-description = To cancel or change, use /mybookings in Telegram or contact the practice: { $phone }, { $email }.

## Practitioner
admin-new-booking =
    🆕 New booking
    { $when }
    { $service }
    Customer: { $name }

admin-cancelled-booking =
    ❌ Booking cancelled by the customer
    { $when }
    { $service }
    Customer: { $name }
admin-moved-booking =
    ↻ Booking moved by the customer
    { $service }
    Customer: { $name }
    From: { $from }
    To: { $to }

## My bookings: cancel and move
my-bookings-item =
    { $when }
    { $service }
    Free cancellation or change until { $deadline }.
button-cancel-booking = ✖ Cancel
button-move-booking = ↻ Reschedule
cancel-confirm =
    Cancel this booking?

    { $when }
    { $service }
button-cancel-yes = Yes, cancel it
button-cancel-keep = No, keep it
cancel-kept = Your booking stands.
cancel-done =
    Your booking is cancelled:
    { $when }
    { $service }

    Send /book to book a new time.
change-not-found = That booking was not found. Send /mybookings to see your bookings.
change-not-active = That booking has already been cancelled or has started, so it cannot be changed.
change-past-cutoff =
    Bookings can be cancelled or moved here until { $hours ->
        [one] one hour
       *[other] { $hours } hours
    } before they start. For a later change, please contact the practice: { $phone }, { $email }.
move-cancelled = Nothing was changed: your booking stands.
move-no-days = There are no other free times in the booking period. Your booking stands.
button-confirm-move = ✅ Confirm the change
move-summary =
    Move your booking?

    { $service }
    From: { $from }
    To: { $to }
move-done =
    ✅ Your booking is moved.

    { $service }
    New time: { $to }
    (was { $from })
    Address: { $address }

## Reminders
reminder =
    ⏰ Reminder: you have an appointment.

    { $service }
    { $when }
    Address: { $address }

    If you cannot come, please cancel or change it in My bookings.

## Privacy rights
command-profile = View and correct your details
command-marketing = Marketing permissions
command-mydata = Ask for a copy of your data
command-unsubscribe = Stop all marketing
command-deleteme = Erase your data
marketing-status =
    Marketing from { $business }: tick the channels through which we may send you news and offers. Optional; tap to change at any time.
marketing-granted = Permission given.
marketing-withdrawn = Permission withdrawn.
unsubscribed = Done: { $business } will send you no marketing by Telegram, email or text message. Your bookings are not affected.
marketing-message =
    📣 News from { $business } (marketing – you allowed it)

    { $body }
button-marketing-stop = 🔕 Stop marketing messages
mydata-caption = Everything we store about you, as a JSON file.
mydata-summary =
    Your data, { $name }:
    • bookings: { $bookings } (visits: { $visits }, missed: { $noShows }, cancelled: { $cancelled })
    • payments: { $payments }
    • marketing permission records: { $consentRecords }
    • marketing messages you received: { $marketingMessages }
    • audit entries (who viewed or changed your data): { $auditEntries }
    • data requests: { $dataRequests }{ $more }

    How long we keep it: while you are a customer; after { $inactiveYears ->
        [one] a year
       *[other] { $inactiveYears } years
    } without use we ask, and erase if you do not answer. Payment records six years from the end of the year in which the financial period ended (Accounting Act). Audit entries { $auditDays ->
        [one] one day
       *[other] { $auditDays } days
    }.

    Your rights: correct your details with /profile, stop marketing with /unsubscribe, erase your data with /deleteme. Two copies a year come straight away here; further requests and anything else are answered by { $contact } ({ $email }). You may also complain to the Data Protection Ombudsman (tietosuoja.fi).
mydata-pending = Here you get a copy of your data straight away twice a year, and you have already had those two copies in the last 12 months. This request is now recorded, and { $contact } will answer it by { $due }. Questions: { $email }.
deleteme-explain =
    Erase your data?

    • Your future bookings will be cancelled (the practitioner is told).
    • Your name, contact details, marketing permissions, bookings and chat state will be erased.
    • Payment records and receipts are kept for six years from the end of the year in which the financial period ended, as the Accounting Act requires. Your name is removed from them and they can no longer be linked to you.

    This cannot be undone. Afterwards you are a new customer to this bot.
button-deleteme-yes = Yes, erase my data
button-deleteme-no = No, keep it
deleteme-kept = Nothing was erased.
deleteme-nothing = We had no data about you to erase.
deleteme-done =
    Your data has been erased. Cancelled bookings: { $cancelled }.

    { $payments ->
        [0] There were no payment records to keep.
        [one] One payment record is kept, because the Accounting Act requires receipts to be kept for six years from the end of the year in which the financial period ended. Your name has been removed from it and it can no longer be linked to you. It will then be deleted too.
       *[other] { $payments } payment records are kept, because the Accounting Act requires receipts to be kept for six years from the end of the year in which the financial period ended. Your name has been removed from them and they can no longer be linked to you. They will then be deleted too.
    }
retention-question =
    You have not used the services of { $business } for { $years ->
        [one] a year
       *[other] { $years } years
    }. We keep customer data only while the customer relationship continues. Shall we keep your details?

    If you do not answer within { $days ->
        [one] a day
       *[other] { $days } days
    }, your data will be erased (payment records stay as the Accounting Act requires).
button-keep-data = Keep my data
retention-kept = Thank you, your data is kept.
profile-card =
    Your details:

    First name: { $firstName }
    Last name: { $lastName }
    Email: { $email }
    Phone: { $phone }
    Address: { $address }
    Gender: { $gender }
    Year of birth: { $birthYear }
    Language: { $language }

    Choose what to correct.
profile-field-firstName = First name
profile-field-lastName = Last name
profile-field-email = Email
profile-field-phone = Phone
profile-field-address = Address
profile-field-gender = Gender
profile-field-birthYear = Year of birth
profile-field-language = Language
button-done = Done
button-remove = Remove
profile-ask-firstName = Type your first name.
profile-ask-lastName = Type your last name.
profile-ask-email = Type your email address.
profile-ask-phone = Type your phone number (e.g. 040 123 4567).
profile-ask-address = Type your address (optional).
profile-ask-gender = Choose your gender (optional).
profile-ask-birthYear = Type your year of birth, e.g. 1980 (optional).
profile-saved = Saved.
profile-command-in-flow = You are editing your details. Use the buttons above, or send /cancel to stop.
gender-female = Female
gender-male = Male
gender-other = Other
invalid-address-empty = The address cannot be empty; press Remove to delete it.
invalid-address-too-long = That address is too long (200 characters at most).
invalid-address-invalid = That does not look like an address.
invalid-birthYear-empty = The year cannot be empty; press Remove to delete it.
invalid-birthYear-too-long = Type the year as four digits, e.g. 1980.
invalid-birthYear-invalid = Type the year as four digits, e.g. 1980.
admin-erased-booking =
    ❌ Booking cancelled: the customer erased their data
    { $when }
    { $service }
admin-data-request = 📄 A customer has asked for their data a third time within 12 months. Answer by { $due } (/requests).

## Practitioner commands
command-today = Today's bookings
command-agenda = Agenda: a date or the week
command-hours = Weekly hours
command-off = Block time off
command-services = Services and prices
command-customer = Find a customer
command-audit = Who viewed or changed a customer's data
command-requests = Data requests waiting
command-stats = Statistics
command-broadcast = Send a marketing message
admin-agenda-title = { $day }: { $count ->
        [one] { $count } booking
       *[other] { $count } bookings
    }
admin-agenda-line = { $time } { $service } – { $name } { $status }
admin-agenda-usage = Use /agenda, /agenda tomorrow, /agenda 24.12., /agenda 2026-12-24 or /agenda week.
admin-attendance-attended = ✓ attended
admin-attendance-no-show = ✗ no-show
button-admin-attended = ✓ Attended
button-admin-noshow = ✗ No-show
button-admin-payment = 💶 Payment
button-admin-details = 👤 Contact details
button-admin-cancel = ✖ Cancel…
admin-contact =
    { $name }
    Email: { $email }
    Phone: { $phone }
admin-payment-amount = Amount paid? Tap the booking's price or type another amount (e.g. 49,50).
admin-payment-bad-amount = Type the amount in euros, e.g. 55 or 49,50.
admin-payment-aborted = No payment recorded.
admin-receipt-recorded = Payment recorded, receipt no. { $number }.
admin-payment-method = Payment method?
payment-method-cash = Cash
payment-method-card = Card
payment-method-mobilepay = MobilePay
payment-method-invoice = Invoice
receipt =
    RECEIPT no. { $number }
    { $business }
    Business ID { $businessId }
    { $address }
    { $email }, { $phone }

    Date: { $date }
    Customer: { $customer }
    Service: { $service }
    Amount: { $amount }
    Paid by: { $method }
    { $vat }
receipt-vat-exempt = VAT 0%: healthcare service exempt from VAT (Finnish VAT Act 34 §)
receipt-vat = Includes VAT { $rate }%: { $amount }
button-admin-send-receipt = 📨 Send the receipt to the customer
admin-receipt-no-customer = The customer can no longer be reached through the bot.
admin-receipt-sent = Receipt sent to the customer.
admin-hours-title = Weekly hours:
admin-closed = closed
admin-hours-usage = To change a day: /hours mon 09:00-12:00 12:30-17:00, or /hours sat off.
admin-off-usage = Use /off 24.12., /off 24.12. 31.12., or /off 24.12. 12:00-17:00.
button-admin-cancel-inside = { $count ->
        [one] Cancel this booking and tell the customer
       *[other] Cancel these { $count } bookings and tell the customers
    }
admin-off-reason = the practice is closed at that time
admin-off-cancelled = { $count ->
        [0] Nothing was cancelled.
        [one] Cancelled { $count } booking; the customer was told.
       *[other] Cancelled { $count } bookings; the customers were told.
    }
customer-cancelled-by-practice =
    ❌ The practice has had to cancel your booking:
    { $when }
    { $service }
    Reason: { $reason }

    We apologise. Send /book to choose a new time, or call { $phone }.
admin-saved = Saved.
admin-vat-exempt = VAT exempt
admin-customer-usage = Use /customer <name, email or phone>. No match found.
admin-audit-usage = Use /audit <name, email or phone>. No match found.
admin-customer-pick = Matches: { $count }. Choose:
admin-customer-card =
    👤 { $name }
    Email: { $email }
    Phone: { $phone }
    Address: { $address }
    Year of birth: { $birthYear }
    Language: { $language }
    Last interaction: { $lastSeen }
    Marketing permissions: { $consents }

    Bookings:
    { $bookings }

    Payments:
    { $payments }
admin-status-confirmed = booked
admin-status-cancelled = cancelled
admin-status-attended = attended
admin-status-no-show = no-show
admin-status-held = in progress
button-admin-withdraw-marketing = 🔕 Customer refused marketing (record it)
admin-marketing-withdrawn = Recorded: no marketing to this customer.
admin-audit-title = Log: { $name } – who viewed or changed the data (newest last):
admin-requests-none = No data requests are waiting.
admin-request-line =
    📄 Data request from { $name }
    Received: { $requested }
    Answer by: { $due }
button-admin-answer-request = Send the data to the customer
admin-request-gone = This request has already been answered.
admin-request-answered = Answered: the customer received their data.
admin-stats =
    { $label }
    Bookings: { $bookings }
    Cancellations: { $cancellations }
    No-show rate: { $noShowRate }
    Revenue: { $revenue }
admin-this-week = This week
admin-this-month = This month
admin-cancel-ask-reason = Type the reason for cancelling. It is sent to the customer.
admin-cancel-aborted = Not cancelled.
admin-cancel-done = Cancelled; the customer was told.
admin-broadcast-ask = Type the marketing message. It goes only to customers who allowed marketing by Telegram.
admin-broadcast-aborted = Nothing was sent.
admin-broadcast-too-long = The message is too long (3,000 characters at most).
admin-broadcast-preview =
    Preview:

    { $preview }

    Recipients: { $count }
button-admin-send-broadcast = Send to { $count }
admin-broadcast-started = Sending to { $count ->
        [one] { $count } customer
       *[other] { $count } customers
    }. I will report progress.
broadcast-progress = Broadcast: { $done } / { $total } done.
broadcast-done = Broadcast finished: sent { $sent }, skipped (consent withdrawn) { $skipped }, failed { $failed }.
admin-cancelled-by-admin =
    ❌ Booking cancelled by the practice
    { $when }
    { $service }
    Customer: { $name }

## Privacy notice (P1)
privacy-notice =
    🔒 Privacy notice (1/2) – customer and booking register

    Controller: { $controller } (business ID { $businessId }), { $address }, { $email }, { $phone }. Contact person for privacy matters: { $contact }.

    Purposes and legal bases (EU General Data Protection Regulation, Article 6):
    • taking and managing your bookings, confirmations, reminders and other booking messages, and the customer relationship: contract
    • payment and receipt records: legal obligation (Accounting Act)
    • news and offers by Telegram, email or SMS: your consent (marketing permission), per channel
    • the log of who viewed or changed your data, and technical data the service needs to work and stay secure: legitimate interest

    What we keep: your Telegram user id (a number) and language; your first and last name and email address; if you choose, your phone number, address, gender and year of birth; your bookings and the steps of a booking in progress; your visits (whether you came) and payments; your marketing permissions per channel with their history; when you confirmed you had read this notice; your data requests; when you last used the bot; and who has viewed or changed your data. We never ask for your personal identity code. The bot keeps no patient records: if the practice keeps any, they are kept separately under the law on patient records. Please do not send health information in this chat.

    Where the data comes from: from you, in this chat. If you book by phone or in person, the practice records what you tell it (your name and, if you give them, your phone number and email) without Telegram, until you open a link it sends you. The practice also records your visits, whether you came, and your payments.

    Recipients and processors: The practice does not disclose your data to third parties. Authorities receive it only where the law requires. This chat runs through Telegram (Telegram FZ-LLC and Telegram Messenger Inc.), an independent controller of its messaging service: Telegram carries and stores the messages under its own privacy policy and may process them outside the EU/EEA. { $hosting } { $transfers } In the chat the bot does not see your IP address, only the addresses of the Telegram servers that deliver the messages. If you use the booking calendar that opens inside Telegram (the Mini App), your device connects to the bot's server, which then sees your IP address: it is kept only in the server's access log, apart from your customer data, for security, and erased after { $accessLogDays ->
        [one] a day
       *[other] { $accessLogDays } days
    }.

## Issue 18: the privacy notice continued, languages, dates and logs
privacy-notice-2 =
    🔒 Privacy notice (2/2)

    How long we keep it:
    • Customer data is kept while the customer relationship lasts. If you have not used the services for { $inactiveYears ->
        [one] a year
       *[other] { $inactiveYears } years
    }, we ask whether to keep your data. If you do not answer within { $answerDays ->
        [one] a day
       *[other] { $answerDays } days
    }, it is erased.
    • If you only opened the bot or read this notice, without booking, giving marketing permission or making a request, your data is erased { $technicalDays ->
        [one] a day
       *[other] { $technicalDays } days
    } after you last used the bot.
    • Payment records and receipts: { $paymentYears } years from the end of the year in which the financial period ended (Accounting Act). If you erase your data, your name is removed from them.
    • { $waitlist }
    • The log of views and changes, and data-request records: { $auditDays } days.
    • Technical data such as unfinished bookings: { $technicalDays ->
        [one] a day
       *[other] { $technicalDays } days
    }; the server's access log { $accessLogDays ->
        [one] a day
       *[other] { $accessLogDays } days
    }.
    • { $backups }

    You have the right:
    • to know what data we have about you and get a copy: /mydata. Two copies a year come straight away here; further requests are answered by { $contact } within a month.
    • to have wrong data corrected: /profile
    • to have your data erased (/deleteme), unless the law requires us to keep it
    • to restrict the processing of your data
    • to take your data to another service: the copy is a machine-readable JSON file
    • to object to processing based on legitimate interest, and to refuse direct marketing at any time: /unsubscribe or an email to { $email }
    • to withdraw your consent at any time (/marketing); withdrawing does not affect processing before it
    • to complain to the Data Protection Ombudsman (tietosuoja.fi)
    For anything else, contact { $contact }, { $email }, { $phone }. If you do not use Telegram, ask { $contact } for any of the above.

    Security: The data is kept in a protected database that only the practice can access. Email, phone, address and the details of a booking in progress are stored encrypted. Every view or change by the practice is logged. If a breach affects you, we will tell you as soon as possible and later say what we did about it.
privacy-hosting = { $count ->
        [one] The bot's server and database are run by a processor that handles the data only on the practice's behalf: { $processors }.
       *[other] The bot's server and database are run by processors that handle the data only on the practice's behalf: { $processors }.
    }
privacy-hosting-own = The practice runs the bot's server and database itself.
privacy-processor = { $name } ({ $countries })
privacy-transfers-eea = The practice does not transfer your data outside the EU/EEA.
privacy-transfers-outside = Outside the EU/EEA, the data is processed in: { $countries }. The transfer relies on an adequacy decision of the European Commission or on standard contractual clauses it has approved.
privacy-backups = Encrypted backups: erased data can remain in them for up to { $days ->
        [one] a day
       *[other] { $days } days
    }, until newer copies replace them.
privacy-backups-manual = Encrypted backups are taken by hand: erased data can remain in them until { $keep ->
        [one] a newer copy replaces them
       *[other] { $keep } newer copies replace them
    }.
admin-vat-rate = VAT { $rate }%
admin-consents = Telegram { $telegram }, email { $email }, SMS { $sms }
admin-customer-booking = { $when } { $service } ({ $status })
admin-customer-payment = Receipt no. { $number }: { $amount }, { $date }
admin-hours-line = { $day }: { $hours }
admin-off-booking = { $when } { $service } – { $name }
audit-actor-customer = customer
audit-actor-system = the bot (automatically)
audit-actor-admin = the practice (Telegram id { $id })
audit-action-view = viewed
audit-action-export = released the data to the customer
audit-action-change = changed
audit-action-booking-created = booked an appointment
audit-action-booking-cancelled = cancelled a booking
audit-action-booking-moved = moved a booking
audit-action-consent = changed marketing permission
audit-action-data-request = asked for their data
audit-action-retention-warning = asked whether to keep the data
audit-action-erase = erased the data
audit-field-firstName = first name
audit-field-lastName = last name
audit-field-email = email
audit-field-phone = phone
audit-field-address = address
audit-field-gender = gender
audit-field-birthYear = year of birth
audit-field-language = language
audit-field-attendance = attendance
audit-field-payments = payments
audit-field-profile = profile
audit-field-consents = marketing permissions
audit-field-bookings = bookings
audit-field-audit = log
audit-field-telegram = Telegram
audit-field-sms = SMS

## Hardening (issue 12, items 19–20): calendar file on cancelling, my bookings past the cutoff
ics-cancel-caption = Open this file to remove the cancelled appointment from your calendar.
ics-cancelled-description = This booking is cancelled. To book a new time, use /book in Telegram.
my-bookings-item-locked =
    { $when }
    { $service }
    This appointment can no longer be cancelled or moved here. If something comes up, please contact the practice: { $phone }, { $email }.

## Data requests and export (issue 12: /mydata, requests)
mydata-still-pending = Your earlier request is still waiting for an answer, so there is no need to ask again. The practitioner will answer it by { $due }. Questions: { $email }.
mydata-summary-consents-asked = • asked about marketing consent: { $date }
mydata-summary-retention-asked = • { $asked }: we asked whether to keep your data (no answer yet)
mydata-summary-retention-answered = • { $asked }: we asked whether to keep your data; it was kept because you answered or used the bot { $answered }
admin-request-not-delivered = The file could not be sent to the customer (they may have blocked the bot). The request is still waiting: try again later or give them the data another way.

## Marketing list (issue 14, item 7: /export marketing, A16)
command-export = Marketing list as a file (/export marketing)
audit-action-marketing-export = handed out contact details for the marketing list
admin-export-usage = Usage: /export marketing – sends a CSV file of the customers whose email or SMS marketing consent stands.
admin-export-marketing-empty = Nobody has a standing email or SMS marketing consent.
admin-export-marketing-file = marketing-list
admin-export-marketing-caption =
    { $count ->
        [one] { $count } customer
       *[other] { $count } customers
    }: email { $email }, SMS { $sms }.
    The file holds personal data: keep it only as long as you need it. Take a fresh list every time, so that withdrawn consents do not linger. A withdrawal received by email can be recorded with /customer.
marketing-csv-first-name = First name
marketing-csv-last-name = Last name
marketing-csv-email = Email
marketing-csv-email-consent-at = Email consent given
marketing-csv-email-wording = Email consent wording version
marketing-csv-phone = Phone
marketing-csv-sms-consent-at = SMS consent given
marketing-csv-sms-wording = SMS consent wording version

## Daily agenda (A15)
command-dailyagenda = Today's bookings every morning: a time or off
daily-agenda-title = Today's bookings, { $day }: { $count ->
    [one] 1 booking
   *[other] { $count } bookings
  }
daily-agenda-empty = There are no bookings today, { $day }.
daily-agenda-current = You get the day's bookings every day at { $time }.
daily-agenda-current-off = The daily agenda is off.
daily-agenda-usage = Use: /dailyagenda 07:30 (a time) or /dailyagenda off (turn it off).
daily-agenda-set = Done! You will get the day's bookings every day at { $time }.
daily-agenda-off = The daily agenda is now off.
daily-agenda-invalid = I did not recognise that time. Type for example /dailyagenda 07:30 or /dailyagenda off.

## Friendlier admin commands (issue 14, item 8)
admin-hours-rejected = { $count ->
    [one] The hours were not changed, because one line has a mistake:
   *[other] The hours were not changed, because { $count } lines have mistakes:
  }
admin-hours-error-day = Line { $line }: "{ $part }" is not a day of the week. Type for example mon or monday.
admin-hours-error-missing = Line { $line }: the hours are missing after "{ $part }". Type for example 9-17 or off.
admin-hours-error-time = Line { $line }: "{ $part }" is not a time range. Type for example 9-17 or 9:00-17:00.
admin-hours-error-step = Line { $line }: "{ $part }": minutes go in steps of five, for example 9:05 or 9:30.
admin-hours-error-order = Line { $line }: "{ $part }" ends before it starts.
admin-hours-error-overlap = Line { $line }: "{ $part }" overlaps another time on the same day.
help-admin-title = Admin commands:
admin-stats-revenue-method = { "  " }{ $method }: { $revenue }

## Issue 14, A10–A11: customers without Telegram, booking on their behalf, Telegram links
button-admin-telegram-link = 🔗 Telegram link
admin-telegram-link =
    Telegram link for { $name }:
    { $link }

    Send it to them (by text message or email). Opening it links their Telegram to this customer record: they see their bookings in /mybookings and get reminders. It works once, until { $until }; a new link replaces this one. Do not open it yourself.
admin-telegram-link-already = { $name } is already linked to Telegram.
button-admin-export-customer = 📦 Export data
admin-export-customer-caption = Everything stored about { $name }, as a JSON file to hand over to them. Recorded as an answered access request.
button-admin-erase-customer = 🗑 Erase data
admin-erase-confirm = Erase this customer's data for good? Their future bookings are cancelled and everything about them is deleted, except payment records, which the Accounting Act requires to be kept (without the name). Do this only when the customer has asked for it.
button-admin-erase-yes = Erase for good
button-admin-erase-no = Keep
admin-erase-kept = Nothing was erased.
admin-erased = Erased. { $cancelled ->
        [0] No bookings ahead were cancelled.
        [one] One booking ahead was cancelled.
       *[other] { $cancelled } bookings ahead were cancelled.
    } { $payments ->
        [0] There were no payment records to keep.
        [one] One payment record is kept without the name.
       *[other] { $payments } payment records are kept without the name.
    }
retention-question-practice = { $name } (a customer without Telegram) has had no visits for { $years ->
        [one] a year
       *[other] { $years } years
    }. Their data will be erased on { $date } unless they are booked again or you keep it.
button-keep-data-practice = Keep the data
admin-retention-kept = Kept: the data will not be erased now.
admin-link-used = ✅ { $name } opened the Telegram link: their Telegram is now linked. They see their bookings and get reminders.
admin-link-expired = { $name } opened an expired Telegram link; nothing was linked. You can make a new one from the customer card (/customer).
admin-link-used-again = Someone opened { $name }'s Telegram link after it had been used. Nothing was changed.
admin-link-own-record = { $name }'s Telegram link was opened from a Telegram account that already has its own customer record ({ $own }), so nothing was linked. Book them under that record (/customer), and erase the record you made if it is the same person.
link-done = ✅ Your Telegram is now linked to your customer record at { $business }. Your bookings are in /mybookings, and you will get reminders before your appointments.
link-already = Your Telegram is already linked to your customer record at { $business }. Your bookings are in /mybookings.
link-invalid = This link is not valid. If { $business } sent it to you, ask for a new one: { $phone }.
link-expired = This link has expired. Ask { $business } for a new one: { $phone }.
link-used = This link has already been used. If you need a new one, contact { $business }: { $phone }.
link-own-record = Your Telegram account already has its own customer record at { $business }, so this link cannot be used. Your bookings are in /mybookings, and { $business } has been told. Questions: { $phone }.
link-admin-opened = This is a customer's Telegram link: send it to the customer. Opening it yourself would link your own Telegram account to them, so nothing was changed.
booking-confirmed-by-practice =
    ✅ { $business } has booked an appointment for you.

    { $service }
    { $when }
    Duration: { $duration } min
    Price: { $price }
    Address: { $address }

    To cancel or change it, send /mybookings, or contact { $business }: { $phone }, { $email }.
audit-action-customer-created = created the customer record
audit-action-telegram-link-created = made a Telegram link
audit-action-telegram-linked = linked Telegram
audit-action-telegram-link-refused = refused a Telegram link
audit-field-expired = the link had expired
audit-field-used = the link had been used
audit-field-customer-linked-elsewhere = the customer was linked already
audit-field-has-own-record = the account has a record of its own
audit-field-retention = keeping the data

# The practitioner books for a customer (A10)
command-bookfor = Book for a customer (phone or desk)
button-admin-book-for = 📅 Book for this customer
admin-book-find-customer = Who is the booking for? Type a name, phone number or email to find the customer, or add a new one.
admin-book-pick-customer = Pick the customer, type another search, or add a new one.
admin-book-search-short = Type at least two characters of a name, phone number or email.
admin-book-no-match = Nobody matched. Try another search or add a new customer.
button-admin-new-customer = ➕ New customer
admin-book-duplicate = Someone already has this phone number or email. Is it one of them, or a new customer ({ $name })?
button-admin-create-anyway = Add as a new customer
button-admin-outside-hours = 🕘 Outside opening hours…
admin-book-outside-time = Type the start time on { $day } (for example 18.30). It can be outside the opening hours, but not over another booking.
admin-book-bad-time = That is not a time. Type for example 18.30 or 7.05 (minutes in steps of five).
admin-book-day-full = That day has no free time within the opening hours.
admin-book-summary = Book { $service } for { $name } on { $when }?{ $outside ->
    [yes] {" "}(outside opening hours)
   *[no] {""}
  }
admin-book-taken = That time was just taken. Pick another.
admin-book-outside-hours = That time is outside the opening hours (or already past). Pick a time from the list, or use "Outside opening hours".
admin-book-service-unavailable = That treatment is no longer offered. Pick another.
admin-book-customer-not-found = That customer no longer exists.
admin-book-invalid-time = That time cannot be booked. Pick another.
admin-book-aborted = Nothing was booked.
admin-book-done = Booked: { $service } for { $name } on { $when }. { $told ->
    [sent] They were sent the confirmation and a calendar file in Telegram.
    [failed] The confirmation could not be sent to them in Telegram: please tell them yourself.
   *[other] They are not on Telegram: please tell them yourself.
  }
## The week (issue 14, item 4: /week, /agenda, A13)
command-week = The week at a glance
calendar-week-title = Week { $week }: { $from } – { $to }
calendar-week-summary = { $count ->
    [one] 1 booking
   *[other] { $count } bookings
  }, { $free } free
calendar-week-count = { $count ->
    [one] 1 booking
   *[other] { $count } bookings
  }
calendar-day-heading = { $day } · { $hours } { $today }
calendar-today = (today)
calendar-booking-line = { "  " }{ $time } { $name }, { $service }{ $marks }
calendar-blocked = { "  " }⛔ { $time } blocked
calendar-blocked-day = { "  " }⛔ whole day blocked
calendar-free = { "  " }free { $times } ({ $total })
calendar-day-summary = { $day }: { $count ->
    [one] 1 booking
   *[other] { $count } bookings
  }
calendar-week-too-long = This week has so many bookings that they are shown a day at a time: choose a day below.
calendar-open-hours = Open: { $hours }
calendar-week-usage = Use /week, /week next or /week 24.12. (the week of that day).
calendar-card =
    { $when }
    { $service }, { $price }
    { $name }
calendar-card-attendance-none = Attendance not marked.
calendar-card-unpaid = 💶 No payment recorded.
calendar-card-paid = 💶 Paid { $amount } (receipt no. { $number })
calendar-card-cancelled = This booking is cancelled.
button-week-previous = ◀ Previous
button-week-next = Next ▶
button-week-current = This week
button-week-of = Week { $week }
duration-hours-minutes = { $hours } h { $minutes } min
duration-hours = { $hours } h
duration-minutes = { $minutes } min

## Calendar subscription (issue 14, item 5: /calendarfeed, A14)
command-calendarfeed = Your bookings in your phone's calendar (subscription)
feed-setup-needed = The calendar subscription needs the bot's HTTP server and a public https address for it. Whoever runs the server must set:
feed-setup-http = • HTTP_PORT: the port the bot's HTTP server listens on (in webhook mode the server already runs).
feed-setup-url = • PUBLIC_URL: the address the server is reached at from the internet, e.g. https://bot.example.fi (in webhook mode WEBHOOK_URL does as it is).
feed-address =
    📅 Your calendar subscription address:
    { $address }

    Add it to your phone's calendar as a subscribed calendar:
    • iPhone: Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar, and paste the address.
    • Google Calendar (on a computer): Other calendars → + → From URL, and paste the address. An Android phone then shows it in Google Calendar.
    The calendar shows bookings from 30 days back to a year ahead, and blocked time. Changes appear when the calendar app fetches the subscription again; Google Calendar can take several hours.

    { $names }

    The address is secret: anyone who has it sees your bookings. If it falls into the wrong hands, make a new one with /calendarfeed new – the old one stops working at once. The address cannot be shown again.
feed-names-shown = Customers' names appear in the calendar, so your calendar service (Google or Apple) stores them too. You can hide them with the button or /calendarfeed names off.
feed-names-hidden = Customers' names are hidden: the calendar shows the service only.
feed-status =
    📅 Your calendar subscription is on (address made { $since }).
    { $names }
    { $fetched }

    The address cannot be shown again: only a checksum of it is kept. If you need it, make a new one; the old one then stops working.
feed-status-fetched = Your calendar app last fetched it { $last } ({ $count ->
    [one] once
   *[other] { $count } times
  } in the last 7 days).
feed-status-never-fetched = No calendar app has fetched it yet.
feed-revoked = Calendar subscription stopped: the address no longer works. Remove the subscribed calendar from your phone too.
feed-none = You have no calendar subscription. Make one with /calendarfeed.
feed-names-now-hidden = Customers' names are now hidden from the calendar. The change shows when the calendar app next fetches the subscription.
feed-names-now-shown = Customers' names are now shown in the calendar (and your calendar service stores them). The change shows when the calendar app next fetches the subscription.
feed-usage = Use /calendarfeed (its state, or the address the first time), /calendarfeed new, /calendarfeed off, /calendarfeed names off or /calendarfeed names on.
button-feed-new = 🔄 New address (the old one stops working)
button-feed-off = 🗑 Stop the subscription
button-feed-hide-names = 🙈 Hide customers' names
button-feed-show-names = 👤 Show customers' names
feed-calendar-name = Bookings – { $business }
feed-booking = { $service }
feed-booking-named = { $name } – { $service }
feed-blocked = Blocked

## Audit as sentences (issue 14, item 8: /audit)
audit-sentence = { $when } – { $actor } { $did }{ $times }.
audit-sentence-fields = { $when } – { $actor } { $did }: { $fields }{ $times }.
audit-times = { " " }({ $count ->
    [one] once
   *[other] { $count } times
  })
audit-actor-admin-named = { $name } (the practice)
audit-did-search = found the customer in a search
audit-did-view-contact = looked at the customer's contact details
audit-did-view-card = opened the customer card
audit-did-view-audit = looked at this log
audit-did-view = looked at
audit-did-attendance = marked whether the customer came
audit-did-payment = recorded a payment
audit-did-change-own = changed their details
audit-did-change = changed the customer's details
audit-did-consent-own = changed their marketing permissions
audit-did-consent = recorded that the customer refused marketing
audit-did-export-own = received a copy of their data
audit-did-export = sent the customer a copy of their data
audit-feed-views = { $when } – { $actor } received the customer's bookings by name in their calendar subscription { $count ->
    [one] once
   *[other] { $count } times
  }.

## /off in words (issue 14, item 8)
admin-off-day = The practice is closed all day { $day }.
admin-off-days = The practice is closed all day from { $from } to { $to }.
admin-off-time = The practice is closed { $day }, { $from }–{ $to }.
admin-off-range = The practice is closed from { $from } to { $to }.
admin-off-inside = { $count ->
    [0] There are no bookings in that time.
    [one] There is already one booking in that time:
   *[other] There are already { $count } bookings in that time:
  }
receipt-file = receipt-{ $number }

## /services as a button menu (issue 14, item 8)
services-title = Services (tap one to change it):
services-none = There are no services. Add the first with the button below.
services-line = { $name } – { $minutes } min, { $price }, buffer { $buffer } min, { $vat }
services-inactive-mark = (not in use)
services-card =
    { $line }
    { $status }
    Names: Finnish "{ $fi }", Swedish "{ $sv }", English "{ $en }"
    { $booked }
services-active = In use: customers can book it.
services-inactive = Not in use: customers do not see it.
services-booked = It has been booked, so it cannot be deleted; you can take it out of use.
services-never-booked = It has never been booked, so it can also be deleted.
services-gone = That service no longer exists.
services-activated = Now in use.
services-deactivated = Taken out of use.
services-delete-ask = Delete the service "{ $name }" for good?
services-delete-booked = It was booked meanwhile, so it was not deleted. You can take it out of use.
services-deleted = Deleted: { $name }.
services-bad-minutes = Type the minutes in steps of five, e.g. 45 or 60 (at most 480).
services-bad-buffer = Type the buffer in minutes in steps of five, e.g. 0, 10 or 15 (at most 240).
services-bad-vat = Type the VAT rate in percent, e.g. 25.5, or 0 if the service is VAT exempt.
services-bad-name = Type the name on one line, at most 60 characters.
services-ask-price = { $name }: new price? Now { $current }. Type the amount in euros, e.g. 59 or 59,50.
services-ask-minutes = { $name }: new length in minutes? Now { $current } min.
services-ask-buffer = { $name }: buffer after each booking, in minutes? Now { $current } min. No new booking can start during it.
services-ask-vat = { $name }: VAT? Now { $current }. Healthcare by a licensed or title-protected professional is VAT exempt (Finnish VAT Act 34 §).
services-ask-name = { $name }: new name ({ $language })? Now "{ $current }".
services-not-changed = Nothing was changed.
services-invalid = That value was not accepted, so nothing was saved.
services-add-aborted = No service was added.
services-add-name = New service. What is it called ({ $language })? Customers see the name on the booking button.
services-add-name-other = Name ({ $language })? Or use the Finnish one: "{ $fi }".
services-add-minutes = How long is the treatment (in minutes)?
services-add-price = What does it cost? Type the amount in euros, e.g. 59 or 59,50.
services-add-buffer = How long a buffer after each booking (in minutes)? No new booking can start during it.
services-add-confirm =
    Add this service?
    { $line }
    Names: Finnish "{ $fi }", Swedish "{ $sv }", English "{ $en }"
    Customers see it at once. You can change the VAT on its card.
services-added = Added: { $name }. Customers see it at once.
button-service-price = 💶 Price
button-service-minutes = ⏱ Length
button-service-buffer = ☕ Buffer
button-service-vat = 🧾 VAT
button-service-name = 🏷 Name: { $language }
button-service-deactivate = ⏸ Take out of use
button-service-activate = ▶ Put in use
button-service-delete = 🗑 Delete
button-service-delete-confirm = 🗑 Delete for good
button-services-list = ◀ All services
button-service-add = ➕ Add a service
button-service-vat-exempt = VAT exempt (34 §)
button-service-same-name = Same as Finnish
button-service-save = ✓ Save
button-admin-book-for-anyone = 📅 Book for a customer
## Mini App (issue 15: the booking calendar inside Telegram)
webapp-menu-button = Calendar
webapp-open-button = 📅 Open the booking calendar
webapp-book-hint = You can also pick a time in the booking calendar:
webapp-title = Appointments
webapp-tab-book = Book
webapp-tab-bookings = My bookings
webapp-tab-week = Week
webapp-tab-hours = Hours
webapp-loading = Loading…
webapp-error = Something went wrong. Please try again.
webapp-auth-error = Please open the calendar from the bot's menu button in Telegram.
webapp-choose-service = Choose a treatment
webapp-choose-day = Choose a day
webapp-choose-time = Choose a time: { $day }
webapp-no-times = There are no free times on this day.
webapp-previous-month = Previous month
webapp-next-month = Next month
webapp-details = Your details
webapp-first-name = First name
webapp-last-name = Last name
webapp-email = Email
webapp-phone = Phone (optional)
webapp-privacy-title = Privacy
webapp-privacy-text = Before your first booking, please read how { $controller } handles your personal data. In short: we keep only what the booking needs – your name, email, optional phone number and your bookings – and use it only to serve you.
webapp-privacy-read = Read the privacy notice
webapp-privacy-ack = I have read the privacy notice
webapp-consents-title = News and offers (optional)
webapp-continue = Continue
webapp-booked = ✅ Your appointment is booked
webapp-booked-text = The confirmation and a calendar file are in your chat with the bot.
webapp-book-another = Book another time
webapp-no-bookings = You have no upcoming bookings.
webapp-move-title = New time for: { $service }
webapp-week-previous = Previous week
webapp-week-next = Next week
webapp-week-this = This week
webapp-blocked = Blocked
webapp-whole-day = whole day
webapp-unblock = Remove the block
webapp-unblocked = The block is removed: the time can be booked again.
webapp-block-title = Block time off
webapp-block-from = First day
webapp-block-to = Last day (optional)
webapp-block-start-time = From (optional)
webapp-block-end-time = Until (optional)
webapp-block-submit = Block
webapp-block-invalid = Please check the days and times: the end must come after the start.
webapp-hours-title = Weekly hours
webapp-hours-add = Add hours
webapp-hours-remove = Remove
webapp-hours-save = Save
webapp-hours-start = Opens
webapp-hours-end = Closes
webapp-hours-invalid = Please check the times: each must end after it starts, in steps of five minutes, without overlaps.
webapp-saved = Saved.
webapp-close = Close
webapp-amount = Amount (€)
webapp-record-payment = Record the payment
webapp-cancel-submit = Cancel the booking and tell the customer
webapp-customer = Customer
webapp-status = Status
webapp-moved-done = Moved from { $from } to { $to }. The customer was told.
webapp-moved-by-practice =
    ↻ The practice has moved your booking.

    { $service }
    New time: { $to }
    (was { $from })
    Address: { $address }

    If the new time does not suit you, please call { $phone }.
## Waitlist and last-minute offers (issue 16)
button-waitlist-join = 🔔 Tell me when a time opens
button-waitlist-that-day = That day only
button-waitlist-days = The next { $days } days
button-waitlist-part-any = Any time of day
button-waitlist-part-morning = Morning (before { $to }.00)
button-waitlist-part-afternoon = Afternoon ({ $from }–{ $to })
button-waitlist-part-evening = Evening (from { $from }.00)
waitlist-ask-days = I will send you a message if a time opens up. Which days would suit you?
waitlist-no-days = There are no free times for this treatment at the moment. I can send you a message if a time opens up: which days would suit you?
waitlist-ask-part = Which part of the day suits you?
waitlist-part-any = any time of day
waitlist-part-morning = mornings
waitlist-part-afternoon = afternoons
waitlist-part-evening = evenings
waitlist-joined =
    You are on the waiting list for { $service }: { $from }–{ $to }, { $part }.
    If a time opens up, I will send you a message with the free times; whoever confirms first gets the time. You can remove yourself from the list in /mybookings. The request ends after its last day.
waitlist-too-many = You already have the most waiting-list requests at once. You can remove old ones in /mybookings.
waitlist-offer =
    A time has opened up for { $service }! Pick a time to book it. Whoever confirms first gets the time.
waitlist-offer-gone = Sorry, that time has gone: someone else booked it first. You are still on the waiting list.
waitlist-offer-unknown = This offer is no longer valid.
button-waitlist-take = { $day } { $time }
button-waitlist-leave = No more offers
waitlist-left = You have left the waiting list. You will get no more offers for this request.
waitlist-removed = The waiting-list request was removed.
waitlist-list-title = You are on the waiting list:
waitlist-list-item =
    { $service }
    { $days }
waitlist-entry-days = { $days }, { $part }
button-waitlist-remove = ✖ Remove from the waiting list
admin-waitlist-booked = 🔔 Booked from the waiting list: { $name }, { $service }, { $when }.
privacy-waitlist = If you ask to be told when a time opens up, we keep that request (treatment, days, part of the day) and the times offered to you until its last day has passed. The offers are an answer to your own request, so they are not marketing and need no marketing consent.
command-lastminute = Offer the next two days' free times (last minute)
lastminute-none = There are no free times in the next { $hours } hours.
lastminute-gap = • { $from }–{ $to }
lastminute-draft =
    Last-minute times free:
    { $gaps }
    Book with /book.
waitlist-type-range = Or type a day or a range of days, for example 1.12. or 1.12.–5.12.
waitlist-bad-range = I did not recognise those days. Type for example 1.12. or 1.12.–5.12., or choose a button.

# The Mini App's time-off and empty-day texts (kept for the Mini App when the chat's /off and /agenda got their own wording)
admin-agenda-empty = No bookings.
admin-off-done = Blocked: { $from } – { $to }. Bookings already inside: { $count }.

# The practitioner moves a booking (A12)
button-admin-move = 🔁 Move
admin-move-title = Move the booking
admin-move-summary = Move the booking to { $to }? The customer is told, with a new calendar file.
admin-move-aborted = The booking was not moved.
admin-move-done = Moved: { $service } from { $from } to { $to }.

# The Mini App: the practitioner books for a customer (A10) and sees the waiting list per day (W4)
webapp-book-for-title = Book for a customer
webapp-customer-search = Name, phone number or email
webapp-search = Search
webapp-email-optional = Email (optional)
webapp-not-on-telegram = not on Telegram
webapp-waiting = ⏳ { $count ->
    [one] { $count } customer
   *[other] { $count } customers
  } on the waiting list
# The practitioner's week and day views: how many wait for a time (issue 16, W4)
calendar-waiting = { "  " }🔔 on the waiting list: { $count ->
    [one] 1 customer
   *[other] { $count } customers
  }
calendar-day-summary-waiting = · 🔔 { $count }

# Giving time off back from the day view (A3; those waiting are offered it, issue 16 W2)
button-calendar-unblock = ✓ Unblock { $time }
button-calendar-unblock-day = ✓ Unblock the whole day
calendar-unblocked = Unblocked: the time can be booked again.
calendar-unblock-none = There is no blocked time here any more.

# An offer message after someone else booked some of its times (issue 16, W2)
waitlist-offer-taken = ✖ Already booked by someone else: { $times }.
waitlist-offer-all-taken = You are still on the waiting list; I will tell you if a time opens again.

# Waiting for a better time while moving a booking (issue 16, W1)
waitlist-move-ask-days = Your booking on { $current } stays as it is. I will send you a message if a time that suits you better opens up; you can then move your booking to it. Which days would suit you?
waitlist-move-no-days = There are no other free times in the booking period right now. Your booking on { $current } stays as it is. I can send you a message if a time opens up, and you can then move your booking to it: which days would suit you?
waitlist-joined-move =
    You are on the waiting list to move your booking (now { $current }): { $service }, { $from }–{ $to }, { $part }.
    Your booking stays as it is until you move it. If a time opens up, I will send you a message; whoever confirms first gets the time. You can remove yourself from the list in /mybookings.
waitlist-offer-move =
    A time has opened up for { $service }! You can move your booking on { $current } to one of these times. Whoever confirms first gets the time.
waitlist-offer-gone-move = Sorry, that time has gone: someone else booked it first. Your booking stays as it is, and you are still on the waiting list.
waitlist-list-item-move =
    { $service }: moving from { $current }
    { $days }
admin-waitlist-moved = 🔔 Moved to a freed time from the waiting list: { $name }, { $service }, { $from } → { $to }.
