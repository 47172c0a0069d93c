language-name = Svenska

## Kommandon (Telegrams meny)
command-start = Start och huvudmeny
command-book = Boka en tid
command-mybookings = Mina kommande bokningar
command-privacy = Dataskyddsbeskrivning
command-language = Byt språk
command-help = Hjälp
command-cancel = Avbryt det som pågår

## Start, hjälp och menyer
start-greeting =
    Hej! Här kan du boka en tid på mottagningen.

    Välj nedan eller börja boka med /book. Hur vi behandlar dina uppgifter står i dataskyddsbeskrivningen: /privacy.
help =
    Här kan du:
    /book – boka en tid
    /mybookings – se, avboka eller flytta dina bokningar
    /profile – se och rätta dina uppgifter
    /marketing – välja vilken marknadsföring du tillåter
    /unsubscribe – stoppa all marknadsföring på en gång
    /mydata – få en kopia av allt vi sparat om dig
    /deleteme – radera dina uppgifter
    /privacy – läsa dataskyddsbeskrivningen
    /language – byta språk
    /cancel – avbryta det som pågår
button-book = 📅 Boka en tid
button-my-bookings = 🗓 Mina bokningar
button-privacy = 🔒 Dataskydd
unknown-input = Jag förstod inte det. Skicka /book för att boka en tid eller /help för att se vad jag kan göra.
button-expired = Den här knappen är inte längre aktiv.
error-apology = Förlåt, något gick fel hos oss. Försök igen om en stund.
rate-limited = Du skickar meddelanden snabbare än jag hinner svara. Vänta en minut och försök igen.
flow-cancelled = Avbrutet. Ingenting bokades. Skicka /book för att börja om.
nothing-to-cancel = Det finns ingenting pågående att avbryta.

## Språk
language-choose = Välj språk:
language-changed = Från och med nu talar jag svenska med dig.

## Mina bokningar
my-bookings-empty = Du har inga kommande bokningar. Skicka /book för att boka en tid.
my-bookings-title = Dina kommande bokningar:

## Bokning
button-back = ◀ Tillbaka
button-cancel = ✖ Avbryt
button-next = Nästa ▶
button-previous = ◀ Tidigare
button-skip = Hoppa över
button-continue = Fortsätt
button-confirm = ✅ Bekräfta bokningen
button-use-details = Använd dessa uppgifter
button-change-details = Ändra uppgifter
button-privacy-ok = Jag har läst dataskyddsbeskrivningen
service-button = { $name } – { $price }
booking-choose-service = Vilken behandling vill du boka?
booking-choose-day = { $service }: välj en dag (sida { $page }/{ $pages }).
booking-choose-time = { $service }, { $day }: välj en tid.
booking-no-services = Bokningen är inte tillgänglig just nu. Kontakta mottagningen direkt.
booking-no-days = Det finns inga lediga tider för den här behandlingen under bokningsperioden. Välj en annan behandling eller kontakta mottagningen.
booking-day-full = Dagen blev just fullbokad. Välj en annan dag.
booking-option-unavailable = Det valet finns inte längre. Välj igen.
booking-slot-taken = Förlåt, någon bokade den tiden precis före dig. Här är de tider som fortfarande är lediga:
booking-where-we-are = Knappen hörde till ett tidigare steg. Så här långt har din bokning kommit:
booking-use-buttons = Välj med knapparna ovan, eller skicka /cancel för att avbryta.
booking-type-text = Skriv ditt svar som text, eller använd knapparna ovan.
booking-command-in-flow = Du håller på att boka. Fortsätt med knapparna ovan eller skicka /cancel för att avbryta.
booking-cancelled = Bokningen avbröts – ingen tid bokades.
booking-confirm-details =
    Ska vi använda uppgifterna du gav förra gången?

    Namn: { $name }
    E-post: { $email }
    Telefon: { $phone }
booking-ask-firstName = Skriv ditt förnamn.
booking-ask-lastName = Skriv ditt efternamn.
booking-ask-email = Skriv din e-postadress. Vi behöver den för att nå dig angående din tid. Marknadsföring skickar vi bara med ditt samtycke.
booking-ask-phone = Skriv ditt telefonnummer (t.ex. 040 123 4567) eller tryck på Hoppa över – telefonnumret är frivilligt.
invalid-name-empty = Namnet kan inte vara tomt.
invalid-name-too-long = Det är för långt för ett namn (högst 100 tecken).
invalid-name-invalid = Ett namn kan bara innehålla bokstäver, mellanslag, bindestreck och apostrofer.
invalid-email-empty = E-postadressen kan inte vara tom.
invalid-email-too-long = E-postadressen är för lång.
invalid-email-invalid = Det ser inte ut som en e-postadress (till exempel namn@exempel.fi).
invalid-phone-empty = Telefonnumret kan inte vara tomt.
invalid-phone-too-long = Det är för långt för ett telefonnummer.
invalid-phone-invalid = Det ser inte ut som ett telefonnummer. Skriv det som 040 123 4567 eller +358 40 123 4567.
booking-privacy =
    Läs före din första bokning hur { $controller } behandlar dina personuppgifter. Hela beskrivningen öppnas med /privacy, och din bokning väntar här under tiden.

    Kort sagt: vi sparar bara det som bokningen behöver – ditt namn, din e-postadress, om du vill ditt telefonnummer samt dina bokningar – och använder det för att sköta dina bokningar. Skicka inga hälsouppgifter i den här chatten.
booking-consents =
    Får { $business } skicka dig nyheter och erbjudanden? Samtycket till marknadsföring är frivilligt och påverkar inte din bokning. Kryssa för de kanaler du samtycker till och tryck sedan på Fortsätt. Du kan återkalla samtycket när som helst med /marketing.
channel-telegram = Telegram-meddelanden
channel-email = E-post
channel-sms = Textmeddelanden (sms)
value-none = –
booking-summary =
    Kontrollera din bokning:

    { $service }
    { $when }
    Längd: { $duration } min
    Pris: { $price }
    Adress: { $address }

    Namn: { $name }
    E-post: { $email }
    Telefon: { $phone }
    Marknadsföring tillåten via: { $marketing }
booking-confirmed =
    ✅ Din tid är bokad.

    { $service }
    { $when }
    Längd: { $duration } min
    Pris: { $price }
    Adress: { $address }

    Du kan avboka eller flytta tiden med /mybookings eller genom att kontakta { $business }: { $phone }, { $email }.
booking-ics-caption = Lägg till tiden i din kalender.
ics-description = Avboka eller flytta med /mybookings i Telegram eller kontakta mottagningen: { $phone }, { $email }.

## För behandlaren
admin-new-booking =
    🆕 Ny bokning
    { $when }
    { $service }
    Kund: { $name }

admin-cancelled-booking =
    ❌ Kunden avbokade
    { $when }
    { $service }
    Kund: { $name }
admin-moved-booking =
    ↻ Kunden flyttade bokningen
    { $service }
    Kund: { $name }
    Tidigare tid: { $from }
    Ny tid: { $to }

## Mina bokningar: avboka och flytta
my-bookings-item =
    { $when }
    { $service }
    Avgiftsfri avbokning eller ändring senast { $deadline }.
button-cancel-booking = ✖ Avboka
button-move-booking = ↻ Flytta
cancel-confirm =
    Avboka den här bokningen?

    { $when }
    { $service }
button-cancel-yes = Ja, avboka
button-cancel-keep = Nej, behåll den
cancel-kept = Din bokning står kvar.
cancel-done =
    Din bokning är avbokad:
    { $when }
    { $service }

    Skicka /book för att boka en ny tid.
change-not-found = Bokningen hittades inte. Skicka /mybookings för att se dina bokningar.
change-not-active = Bokningen är redan avbokad eller har börjat, så den kan inte ändras.
change-past-cutoff =
    Bokningar kan avbokas eller flyttas här senast { $hours ->
        [one] en timme
       *[other] { $hours } timmar
    } före start. Kontakta mottagningen för senare ändringar: { $phone }, { $email }.
move-cancelled = Ingenting ändrades: din bokning står kvar.
move-no-days = Det finns inga andra lediga tider under bokningsperioden. Din bokning står kvar.
button-confirm-move = ✅ Bekräfta ändringen
move-summary =
    Flytta din bokning?

    { $service }
    Nuvarande tid: { $from }
    Ny tid: { $to }
move-done =
    ✅ Din bokning är flyttad.

    { $service }
    Ny tid: { $to }
    (tidigare { $from })
    Adress: { $address }

## Påminnelser
reminder =
    ⏰ Påminnelse: du har en bokad tid.

    { $service }
    { $when }
    Adress: { $address }

    Om du inte kan komma kan du avboka eller flytta tiden under Mina bokningar.

## Dataskyddsrättigheter
command-profile = Se och rätta dina uppgifter
command-marketing = Samtycken till marknadsföring
command-mydata = Få en kopia av dina uppgifter
command-unsubscribe = Stoppa all marknadsföring
command-deleteme = Radera dina uppgifter
marketing-status =
    Marknadsföring från { $business }: kryssa för de kanaler som vi får skicka dig nyheter och erbjudanden via. Samtycket är frivilligt, och du kan ändra det när som helst genom att trycka.
marketing-granted = Samtycke givet.
marketing-withdrawn = Samtycke återkallat.
unsubscribed = Klart: { $business } skickar dig ingen marknadsföring via Telegram, e-post eller sms. Dina bokningar påverkas inte.
marketing-message =
    📣 Nyheter från { $business } (marknadsföring – du har tillåtit det)

    { $body }
button-marketing-stop = 🔕 Stoppa marknadsföringen
mydata-caption = Allt vi har sparat om dig, som en JSON-fil.
mydata-summary =
    Dina uppgifter, { $name }:
    • bokningar: { $bookings } (besök: { $visits }, uteblivna: { $noShows }, avbokade: { $cancelled })
    • betalningar: { $payments }
    • registreringar av samtycken: { $consentRecords }
    • marknadsföringsmeddelanden du fått: { $marketingMessages }
    • loggposter (vem som sett eller ändrat dina uppgifter): { $auditEntries }
    • begäranden om uppgifter: { $dataRequests }{ $more }

    Hur länge vi sparar: så länge du är kund; efter { $inactiveYears ->
        [one] ett år
       *[other] { $inactiveYears } år
    } utan användning frågar vi och raderar om du inte svarar. Betalningsuppgifter sex år från utgången av det år under vilket räkenskapsperioden upphörde (bokföringslagen). Loggposter { $auditDays ->
        [one] ett dygn
       *[other] { $auditDays } dagar
    }.

    Dina rättigheter: rätta dina uppgifter med /profile, stoppa marknadsföring med /unsubscribe och radera dina uppgifter med /deleteme. Två kopior per år får du genast här; på fler begäranden och andra frågor svarar { $contact } ({ $email }). Du kan också klaga hos dataombudsmannen (tietosuoja.fi).
mydata-pending = Här får du en kopia av dina uppgifter genast två gånger per år, och de två kopiorna har du redan fått under de senaste 12 månaderna. Den här begäran är nu registrerad, och { $contact } besvarar den senast { $due }. Frågor: { $email }.
deleteme-explain =
    Radera dina uppgifter?

    • Dina kommande bokningar avbokas (mottagningen meddelas).
    • Ditt namn, dina kontaktuppgifter, samtycken, bokningar och chattens tillstånd raderas.
    • Betalningsuppgifter och kvitton sparas i sex år från utgången av det år under vilket räkenskapsperioden upphörde, som bokföringslagen kräver. Ditt namn tas bort från dem och de kan inte längre kopplas till dig.

    Det går inte att ångra. Efteråt är du en ny kund för boten.
button-deleteme-yes = Ja, radera mina uppgifter
button-deleteme-no = Nej, behåll dem
deleteme-kept = Ingenting raderades.
deleteme-nothing = Vi hade inga uppgifter om dig att radera.
deleteme-done =
    Dina uppgifter har raderats. Avbokade bokningar: { $cancelled }.

    { $payments ->
        [0] Det fanns inga betalningsuppgifter att spara.
        [one] En betalningsuppgift sparas, eftersom bokföringslagen kräver att kvitton sparas i sex år från utgången av det år under vilket räkenskapsperioden upphörde. Ditt namn har tagits bort från den och den kan inte längre kopplas till dig. Sedan raderas även den.
       *[other] { $payments } betalningsuppgifter sparas, eftersom bokföringslagen kräver att kvitton sparas i sex år från utgången av det år under vilket räkenskapsperioden upphörde. Ditt namn har tagits bort från dem och de kan inte längre kopplas till dig. Sedan raderas även de.
    }
retention-question =
    Du har inte använt tjänsterna hos { $business } på { $years } år. Vi sparar kunduppgifter bara medan kundrelationen fortsätter. Ska vi behålla dina uppgifter?

    Om du inte svarar inom { $days ->
        [one] en dag
       *[other] { $days } dagar
    } raderas dina uppgifter (betalningsuppgifter sparas enligt bokföringslagen).
button-keep-data = Behåll mina uppgifter
retention-kept = Tack, dina uppgifter behålls.
profile-card =
    Dina uppgifter:

    Förnamn: { $firstName }
    Efternamn: { $lastName }
    E-post: { $email }
    Telefon: { $phone }
    Adress: { $address }
    Kön: { $gender }
    Födelseår: { $birthYear }
    Språk: { $language }

    Välj vad du vill rätta.
profile-field-firstName = Förnamn
profile-field-lastName = Efternamn
profile-field-email = E-post
profile-field-phone = Telefon
profile-field-address = Adress
profile-field-gender = Kön
profile-field-birthYear = Födelseår
profile-field-language = Språk
button-done = Klar
button-remove = Ta bort
profile-ask-firstName = Skriv ditt förnamn.
profile-ask-lastName = Skriv ditt efternamn.
profile-ask-email = Skriv din e-postadress.
profile-ask-phone = Skriv ditt telefonnummer (t.ex. 040 123 4567).
profile-ask-address = Skriv din adress (frivilligt).
profile-ask-gender = Välj kön (frivilligt).
profile-ask-birthYear = Skriv ditt födelseår, t.ex. 1980 (frivilligt).
profile-saved = Sparat.
profile-command-in-flow = Du redigerar dina uppgifter. Använd knapparna ovan, eller skicka /cancel för att avbryta.
gender-female = Kvinna
gender-male = Man
gender-other = Annat
invalid-address-empty = Adressen kan inte vara tom; tryck på Ta bort för att radera den.
invalid-address-too-long = Adressen är för lång (högst 200 tecken).
invalid-address-invalid = Det ser inte ut som en adress.
invalid-birthYear-empty = Året kan inte vara tomt; tryck på Ta bort för att radera det.
invalid-birthYear-too-long = Skriv året med fyra siffror, t.ex. 1980.
invalid-birthYear-invalid = Skriv året med fyra siffror, t.ex. 1980.
admin-erased-booking =
    ❌ Bokning avbokad: kunden raderade sina uppgifter
    { $when }
    { $service }
admin-data-request = 📄 En kund har begärt sina uppgifter en tredje gång inom 12 månader. Svara senast { $due } (/requests).

## Behandlarens kommandon
command-today = Dagens bokningar
command-agenda = Kalender: ett datum eller veckan
command-hours = Öppettider per vecka
command-off = Blockera tid (ledighet)
command-services = Tjänster och priser
command-customer = Sök en kund
command-audit = Vem har sett eller ändrat en kunds uppgifter
command-requests = Väntande begäranden om uppgifter
command-stats = Statistik
command-broadcast = Skicka ett marknadsföringsmeddelande
admin-agenda-title = { $day }: { $count ->
        [one] { $count } bokning
       *[other] { $count } bokningar
    }
admin-agenda-line = { $time } { $service } – { $name } { $status }
admin-agenda-usage = Använd /agenda, /agenda imorgon, /agenda 24.12., /agenda 2026-12-24 eller /agenda vecka.
admin-attendance-attended = ✓ kom
admin-attendance-no-show = ✗ uteblev
button-admin-attended = ✓ Kom
button-admin-noshow = ✗ Uteblev
button-admin-payment = 💶 Betalning
button-admin-details = 👤 Kontaktuppgifter
button-admin-cancel = ✖ Avboka…
admin-contact =
    { $name }
    E-post: { $email }
    Telefon: { $phone }
admin-payment-amount = Betalt belopp? Tryck på bokningens pris eller skriv ett annat belopp (t.ex. 49,50).
admin-payment-bad-amount = Skriv beloppet i euro, t.ex. 55 eller 49,50.
admin-payment-aborted = Ingen betalning registrerades.
admin-receipt-recorded = Betalning registrerad, kvitto nr { $number }.
admin-payment-method = Betalningssätt?
payment-method-cash = Kontant
payment-method-card = Kort
payment-method-mobilepay = MobilePay
payment-method-invoice = Faktura
receipt =
    KVITTO nr { $number }
    { $business }
    FO-nummer { $businessId }
    { $address }
    { $email }, { $phone }

    Datum: { $date }
    Kund: { $customer }
    Tjänst: { $service }
    Belopp: { $amount }
    Betalningssätt: { $method }
    { $vat }
receipt-vat-exempt = Moms 0 %: momsfri hälso- och sjukvårdstjänst (mervärdesskattelagen 34 §)
receipt-vat = Inklusive moms { $rate } %: { $amount }
button-admin-send-receipt = 📨 Skicka kvittot till kunden
admin-receipt-no-customer = Kunden kan inte längre nås via boten.
admin-receipt-sent = Kvittot skickat till kunden.
admin-hours-title = Öppettider per vecka:
admin-closed = stängt
admin-hours-usage = Ändra en dag: /hours mon 09:00-12:00 12:30-17:00 eller /hours sat off.
admin-off-usage = Använd /off 24.12., /off 24.12. 31.12. eller /off 24.12. 12:00-17:00.
button-admin-cancel-inside = { $count ->
        [one] Avboka den här bokningen och meddela kunden
       *[other] Avboka dessa { $count } bokningar och meddela kunderna
    }
admin-off-reason = mottagningen är stängd då
admin-off-cancelled = { $count ->
        [0] Ingenting avbokades.
        [one] { $count } bokning avbokad; kunden har meddelats.
       *[other] { $count } bokningar avbokade; kunderna har meddelats.
    }
customer-cancelled-by-practice =
    ❌ Mottagningen har tyvärr varit tvungen att avboka din tid:
    { $when }
    { $service }
    Orsak: { $reason }

    Vi ber om ursäkt. Skicka /book för att välja en ny tid eller ring { $phone }.
admin-saved = Sparat.
admin-vat-exempt = momsfri
admin-customer-usage = Använd /customer <namn, e-post eller telefon>. Ingen träff.
admin-audit-usage = Använd /audit <namn, e-post eller telefon>. Ingen träff.
admin-customer-pick = Träffar: { $count }. Välj:
admin-customer-card =
    👤 { $name }
    E-post: { $email }
    Telefon: { $phone }
    Adress: { $address }
    Födelseår: { $birthYear }
    Språk: { $language }
    Senast aktiv: { $lastSeen }
    Samtycken till marknadsföring: { $consents }

    Bokningar:
    { $bookings }

    Betalningar:
    { $payments }
admin-status-confirmed = bokad
admin-status-cancelled = avbokad
admin-status-attended = kom
admin-status-no-show = uteblev
admin-status-held = pågår
button-admin-withdraw-marketing = 🔕 Kunden förbjöd marknadsföring (registrera)
admin-marketing-withdrawn = Registrerat: ingen marknadsföring till den här kunden.
admin-audit-title = Logg: { $name } – vem som har sett eller ändrat uppgifterna (nyaste sist):
admin-requests-none = Inga begäranden väntar.
admin-request-line =
    📄 Begäran om uppgifter: { $name }
    Inkommen: { $requested }
    Svara senast: { $due }
button-admin-answer-request = Skicka uppgifterna till kunden
admin-request-gone = Den här begäran är redan besvarad.
admin-request-answered = Besvarad: kunden fick sina uppgifter.
admin-stats =
    { $label }
    Bokningar: { $bookings }
    Avbokningar: { $cancellations }
    Andel uteblivna: { $noShowRate }
    Försäljning: { $revenue }
admin-this-week = Den här veckan
admin-this-month = Den här månaden
admin-cancel-ask-reason = Skriv orsaken till avbokningen. Den skickas till kunden.
admin-cancel-aborted = Inte avbokad.
admin-cancel-done = Avbokad; kunden har meddelats.
admin-broadcast-ask = Skriv marknadsföringsmeddelandet. Det går bara till kunder som har samtyckt till marknadsföring via Telegram.
admin-broadcast-aborted = Ingenting skickades.
admin-broadcast-too-long = Meddelandet är för långt (högst 3 000 tecken).
admin-broadcast-preview =
    Förhandsvisning:

    { $preview }

    Mottagare: { $count }
button-admin-send-broadcast = Skicka till { $count }
admin-broadcast-started = Skickar till { $count ->
        [one] { $count } kund
       *[other] { $count } kunder
    }. Jag rapporterar hur det går.
broadcast-progress = Utskick: { $done } / { $total } klara.
broadcast-done = Utskicket klart: skickade { $sent }, hoppade över (samtycke återkallat) { $skipped }, misslyckade { $failed }.
admin-cancelled-by-admin =
    ❌ Mottagningen avbokade
    { $when }
    { $service }
    Kund: { $name }

## Dataskyddsbeskrivning (P1)
privacy-notice =
    🔒 Dataskyddsbeskrivning (1/2) – kund- och bokningsregister

    Personuppgiftsansvarig: { $controller } (FO-nummer { $businessId }), { $address }, { $email }, { $phone }. Kontaktperson i dataskyddsfrågor: { $contact }.

    Ändamål och rättslig grund (EU:s dataskyddsförordning, artikel 6):
    • att ta emot och sköta dina bokningar, bekräftelser, påminnelser och andra meddelanden om bokningar samt kundrelationen: avtal
    • betalnings- och kvittouppgifter: rättslig förpliktelse (bokföringslagen)
    • nyheter och erbjudanden via Telegram, e-post eller sms: ditt samtycke, per kanal
    • loggen över vem som har sett eller ändrat dina uppgifter samt tekniska uppgifter som behövs för att tjänsten ska fungera och vara säker: berättigat intresse

    Vad vi sparar: ditt användar-id på Telegram (ett nummer) och ditt språk; ditt för- och efternamn och din e-postadress; om du vill ditt telefonnummer, din adress, ditt kön och ditt födelseår; dina bokningar och stegen i en bokning som pågår; dina besök (om du kom) och betalningar; dina samtycken till marknadsföring per kanal med historik; när du bekräftade att du läst den här beskrivningen; dina begäranden om uppgifter; när du senast använde boten; och vem som har sett eller ändrat dina uppgifter. Vi frågar aldrig efter din personbeteckning. Boten sparar inga patientuppgifter: om mottagningen för journaler förvaras de separat enligt lagstiftningen om journalhandlingar. Skicka inga hälsouppgifter i den här chatten.

    Varifrån uppgifterna kommer: från dig själv i den här chatten. Om du bokar per telefon eller på plats registrerar mottagningen det du berättar (ditt namn och om du vill ditt telefonnummer och din e-postadress) utan Telegram, tills du öppnar en länk som mottagningen skickar dig. Dessutom registrerar mottagningen dina besök, om du kom och dina betalningar.

    Mottagare och personuppgiftsbiträden: Mottagningen lämnar inte ut dina uppgifter till tredje parter. Till myndigheter lämnas uppgifter bara när lagen kräver det. Den här chatten går via Telegram (Telegram FZ-LLC och Telegram Messenger Inc.), som är självständigt personuppgiftsansvarig för sin meddelandetjänst: Telegram förmedlar och lagrar meddelandena enligt sin egen integritetspolicy och kan behandla dem utanför EU/EES. { $hosting } { $transfers } I chatten ser boten inte din IP-adress, bara adresserna till Telegrams servrar som förmedlar meddelandena. Om du använder bokningskalendern som öppnas i Telegram (miniappen) ansluter din enhet till botens server, som då ser din IP-adress: den sparas av säkerhetsskäl bara i serverns åtkomstlogg, skild från dina kunduppgifter, och raderas efter { $accessLogDays ->
        [one] ett dygn
       *[other] { $accessLogDays } dagar
    }.

## Issue 18: dataskyddsbeskrivningens fortsättning, språk, datum och loggar
privacy-notice-2 =
    🔒 Dataskyddsbeskrivning (2/2)

    Hur länge vi sparar:
    • Kunduppgifter sparas så länge kundrelationen varar. Om du inte har använt tjänsterna på { $inactiveYears } år frågar vi om dina uppgifter ska sparas. Svarar du inte inom { $answerDays ->
        [one] en dag
       *[other] { $answerDays } dagar
    } raderas de.
    • Om du bara öppnade boten eller läste den här beskrivningen utan att boka, ge samtycke eller göra en begäran raderas dina uppgifter { $technicalDays ->
        [one] ett dygn
       *[other] { $technicalDays } dagar
    } efter att du senast använde boten.
    • Betalningsuppgifter och kvitton: { $paymentYears } år från utgången av det år under vilket räkenskapsperioden upphörde (bokföringslagen). Om du raderar dina uppgifter tas ditt namn bort från dem.
    • { $waitlist }
    • Loggen över visningar och ändringar samt registrerade begäranden: { $auditDays } dagar.
    • Tekniska uppgifter, till exempel avbrutna bokningar: { $technicalDays ->
        [one] ett dygn
       *[other] { $technicalDays } dagar
    }; serverns åtkomstlogg { $accessLogDays ->
        [one] ett dygn
       *[other] { $accessLogDays } dagar
    }.
    • { $backups }

    Du har rätt:
    • att få veta vilka uppgifter vi har om dig och få en kopia av dem: /mydata. Två kopior per år får du genast här; på fler begäranden svarar { $contact } inom en månad.
    • att få felaktiga uppgifter rättade: /profile
    • att få dina uppgifter raderade (/deleteme), om inte lagen kräver att de sparas
    • att begränsa behandlingen av dina uppgifter
    • att flytta dina uppgifter till en annan tjänst: kopian är en maskinläsbar JSON-fil
    • att invända mot behandling som grundar sig på berättigat intresse och att när som helst förbjuda direktmarknadsföring: /unsubscribe eller e-post till { $email }
    • att när som helst återkalla ditt samtycke (/marketing); återkallandet påverkar inte behandlingen före det
    • att klaga hos dataombudsmannen (tietosuoja.fi)
    I andra frågor kan du kontakta { $contact }, { $email }, { $phone }. Om du inte använder Telegram, be { $contact } om allt ovan.

    Datasäkerhet: Uppgifterna förvaras i en skyddad databas som bara mottagningen har tillgång till. E-post, telefonnummer, adress och uppgifterna i en pågående bokning sparas krypterade. Varje gång mottagningen ser eller ändrar uppgifterna loggas det. Om ett dataintrång berör dig meddelar vi dig så snart som möjligt och berättar senare vad vi gjorde åt det.
privacy-hosting = { $count ->
        [one] Botens server och databas sköts av ett personuppgiftsbiträde som behandlar uppgifterna bara för mottagningens räkning: { $processors }.
       *[other] Botens server och databas sköts av personuppgiftsbiträden som behandlar uppgifterna bara för mottagningens räkning: { $processors }.
    }
privacy-hosting-own = Botens server och databas sköts av mottagningen själv.
privacy-processor = { $name } ({ $countries })
privacy-transfers-eea = Mottagningen överför inte dina uppgifter utanför EU/EES.
privacy-transfers-outside = Utanför EU/EES behandlas uppgifterna i följande länder: { $countries }. Överföringen grundar sig på EU-kommissionens beslut om adekvat skyddsnivå eller på standardavtalsklausuler som kommissionen har godkänt.
privacy-backups = Krypterade säkerhetskopior: raderade uppgifter kan finnas kvar i dem i högst { $days ->
        [one] ett dygn
       *[other] { $days } dagar
    }, tills nyare kopior ersätter dem.
privacy-backups-manual = Krypterade säkerhetskopior tas för hand: raderade uppgifter kan finnas kvar i dem tills { $keep ->
        [one] en nyare kopia ersätter dem
       *[other] { $keep } nyare kopior ersätter dem
    }.
admin-vat-rate = moms { $rate } %
admin-consents = Telegram { $telegram }, e-post { $email }, sms { $sms }
admin-customer-booking = { $when } { $service } ({ $status })
admin-customer-payment = Kvitto nr { $number }: { $amount }, { $date }
admin-hours-line = { $day }: { $hours }
admin-off-booking = { $when } { $service } – { $name }
audit-actor-customer = kunden
audit-actor-system = boten (automatiskt)
audit-actor-admin = mottagningen (Telegram-id { $id })
audit-action-view = såg
audit-action-export = lämnade ut uppgifterna till kunden
audit-action-change = ändrade
audit-action-booking-created = bokade en tid
audit-action-booking-cancelled = avbokade en bokning
audit-action-booking-moved = flyttade en bokning
audit-action-consent = ändrade samtycke till marknadsföring
audit-action-data-request = begärde sina uppgifter
audit-action-retention-warning = frågade om uppgifterna ska sparas
audit-action-erase = raderade uppgifterna
audit-field-firstName = förnamn
audit-field-lastName = efternamn
audit-field-email = e-post
audit-field-phone = telefon
audit-field-address = adress
audit-field-gender = kön
audit-field-birthYear = födelseår
audit-field-language = språk
audit-field-attendance = närvaro
audit-field-payments = betalningar
audit-field-profile = grunduppgifter
audit-field-consents = samtycken
audit-field-bookings = bokningar
audit-field-audit = logg
audit-field-telegram = Telegram
audit-field-sms = sms

## Härdning (issue 12, punkt 19–20): kalenderfil vid avbokning, mina bokningar efter avbokningsgränsen
ics-cancel-caption = Öppna filen så försvinner den avbokade tiden ur din kalender.
ics-cancelled-description = Bokningen är avbokad. Du kan boka en ny tid i Telegram med /book.
my-bookings-item-locked =
    { $when }
    { $service }
    Den här tiden kan inte längre avbokas eller flyttas här. Om du får förhinder, kontakta mottagningen: { $phone }, { $email }.

## Begäran om uppgifter och export (issue 12: /mydata, begäranden)
mydata-still-pending = Din tidigare begäran väntar fortfarande på svar, så du behöver inte göra en ny. Mottagningen besvarar den senast { $due }. Frågor: { $email }.
mydata-summary-consents-asked = • du tillfrågades om samtycke till marknadsföring: { $date }
mydata-summary-retention-asked = • { $asked } frågade vi om dina uppgifter ska sparas (du har inte svarat ännu)
mydata-summary-retention-answered = • { $asked } frågade vi om dina uppgifter ska sparas; de sparades eftersom du svarade eller använde boten { $answered }
admin-request-not-delivered = Filen kunde inte skickas till kunden (kunden har kanske blockerat boten). Begäran väntar fortfarande: försök igen senare eller lämna ut uppgifterna på annat sätt.

## Marknadsföringslista (issue 14, punkt 7: /export marketing, A16)
command-export = Marknadsföringslistan som fil (/export marketing)
audit-action-marketing-export = lämnade ut kontaktuppgifter till marknadsföringslistan
admin-export-usage = Användning: /export marketing – skickar en CSV-fil med de kunder som har gett samtycke till marknadsföring per e-post eller sms.
admin-export-marketing-empty = Ingen har ett gällande samtycke till marknadsföring per e-post eller sms.
admin-export-marketing-file = marknadsföringslista
admin-export-marketing-caption =
    { $count ->
        [one] { $count } kund
       *[other] { $count } kunder
    }: e-post { $email }, sms { $sms }.
    Filen innehåller personuppgifter: spara den bara så länge du behöver den. Ta ut listan på nytt varje gång, så att återkallade samtycken inte blir kvar. En återkallelse som kommit per e-post kan du registrera med /customer.
marketing-csv-first-name = Förnamn
marketing-csv-last-name = Efternamn
marketing-csv-email = E-post
marketing-csv-email-consent-at = Samtycke till e-post givet
marketing-csv-email-wording = Version av e-postsamtyckets text
marketing-csv-phone = Telefon
marketing-csv-sms-consent-at = Samtycke till sms givet
marketing-csv-sms-wording = Version av sms-samtyckets text

## Daily agenda (A15)
command-dailyagenda = Dagens bokningar varje morgon: klockslag eller off
daily-agenda-title = Dagens bokningar, { $day }: { $count ->
    [one] 1 bokning
   *[other] { $count } bokningar
  }
daily-agenda-empty = I dag, { $day }, finns inga bokningar.
daily-agenda-current = Du får dagens bokningar varje dag kl. { $time }.
daily-agenda-current-off = Den dagliga bokningslistan är inte i bruk.
daily-agenda-usage = Använd: /dailyagenda 7.30 (klockslag) eller /dailyagenda off (stäng av).
daily-agenda-set = Klart! Du får dagens bokningar varje dag kl. { $time }.
daily-agenda-off = Den dagliga bokningslistan är nu avstängd.
daily-agenda-invalid = Jag kände inte igen klockslaget. Skriv till exempel /dailyagenda 7.30 eller /dailyagenda off.

## Friendlier admin commands (issue 14, item 8)
admin-hours-rejected = { $count ->
    [one] Öppettiderna ändrades inte, eftersom en rad har ett fel:
   *[other] Öppettiderna ändrades inte, eftersom { $count } rader har fel:
  }
admin-hours-error-day = Rad { $line }: ”{ $part }” är ingen veckodag. Skriv till exempel må eller måndag.
admin-hours-error-missing = Rad { $line }: tiderna saknas efter ”{ $part }”. Skriv till exempel 9-17 eller off.
admin-hours-error-time = Rad { $line }: ”{ $part }” är inget tidsintervall. Skriv till exempel 9-17 eller 9.00-17.00.
admin-hours-error-step = Rad { $line }: ”{ $part }”: minuterna ska gå i steg om fem minuter, till exempel 9.05 eller 9.30.
admin-hours-error-order = Rad { $line }: ”{ $part }” slutar innan det börjar.
admin-hours-error-overlap = Rad { $line }: ”{ $part }” överlappar en annan tid samma dag.
help-admin-title = Administratörens kommandon:
admin-stats-revenue-method = { "  " }{ $method }: { $revenue }

## Issue 14, A10–A11: kunder utan Telegram, bokning för kundens räkning, Telegram-länkar
button-admin-telegram-link = 🔗 Telegram-länk
admin-telegram-link =
    Telegram-länk för { $name }:
    { $link }

    Skicka den till kunden (per sms eller e-post). När kunden öppnar länken kopplas kundens Telegram till den här kunduppgiften: kunden ser sina bokningar med /mybookings och får påminnelser. Länken fungerar en gång, till { $until }; en ny länk ersätter den här. Öppna inte länken själv.
admin-telegram-link-already = { $name } är redan kopplad till Telegram.
button-admin-export-customer = 📦 Exportera uppgifter
admin-export-customer-caption = Allt som sparats om { $name } som en JSON-fil att ge till kunden. Registrerad som en besvarad begäran om uppgifter.
button-admin-erase-customer = 🗑 Radera uppgifter
admin-erase-confirm = Radera kundens uppgifter för gott? Kommande bokningar avbokas och allt om kunden raderas, utom betalningsuppgifter som bokföringslagen kräver att sparas (utan namn). Gör detta endast om kunden har bett om det.
button-admin-erase-yes = Radera för gott
button-admin-erase-no = Radera inte
admin-erase-kept = Ingenting raderades.
admin-erased = Raderat. { $cancelled ->
        [0] Det fanns inga kommande bokningar att avboka.
        [one] En kommande bokning avbokades.
       *[other] { $cancelled } kommande bokningar avbokades.
    } { $payments ->
        [0] Det fanns inga betalningsuppgifter att spara.
        [one] En betalningsuppgift sparas utan namn.
       *[other] { $payments } betalningsuppgifter sparas utan namn.
    }
retention-question-practice = { $name } (kund utan Telegram) har inte haft några besök på { $years ->
        [one] ett år
       *[other] { $years } år
    }. Kundens uppgifter raderas { $date } om kunden inte bokas igen eller du sparar dem.
button-keep-data-practice = Spara uppgifterna
admin-retention-kept = Sparas: uppgifterna raderas inte nu.
admin-link-used = ✅ { $name } öppnade Telegram-länken: kundens Telegram är nu kopplad. Kunden ser sina bokningar och får påminnelser.
admin-link-expired = { $name } öppnade en Telegram-länk som hade gått ut, och ingenting kopplades. Du kan göra en ny länk från kundkortet (/customer).
admin-link-used-again = Någon öppnade Telegram-länken för { $name } efter att den redan hade använts. Ingenting ändrades.
admin-link-own-record = Telegram-länken för { $name } öppnades från ett Telegram-konto som redan har en egen kunduppgift ({ $own }), så ingenting kopplades. Boka kunden via den kunduppgiften (/customer) och radera den du gjorde om det är samma person.
link-done = ✅ Din Telegram är nu kopplad till din kunduppgift hos { $business }. Dina bokningar finns under /mybookings, och du får påminnelser före dina besök.
link-already = Din Telegram är redan kopplad till din kunduppgift hos { $business }. Dina bokningar finns under /mybookings.
link-invalid = Den här länken är inte giltig. Om du fick den av { $business }, be om en ny: { $phone }.
link-expired = Den här länken har gått ut. Be { $business } om en ny: { $phone }.
link-used = Den här länken har redan använts. Om du behöver en ny, kontakta { $business }: { $phone }.
link-own-record = Ditt Telegram-konto har redan en egen kunduppgift hos { $business }, så den här länken kan inte användas. Dina bokningar finns under /mybookings, och { $business } har fått veta det. Frågor: { $phone }.
link-admin-opened = Det här är en kunds Telegram-länk: skicka den till kunden. Om du öppnar den själv skulle ditt eget Telegram-konto kopplas till kunden, så ingenting ändrades.
booking-confirmed-by-practice =
    ✅ { $business } har bokat en tid åt dig.

    { $service }
    { $when }
    Längd: { $duration } min
    Pris: { $price }
    Adress: { $address }

    Om du vill avboka eller ändra tiden, skicka /mybookings eller kontakta { $business }: { $phone }, { $email }.
audit-action-customer-created = skapade kunduppgiften
audit-action-telegram-link-created = gjorde en Telegram-länk
audit-action-telegram-linked = kopplade Telegram
audit-action-telegram-link-refused = Telegram-länken godtogs inte
audit-field-expired = länken hade gått ut
audit-field-used = länken hade redan använts
audit-field-customer-linked-elsewhere = kunden var redan kopplad
audit-field-has-own-record = kontot har en egen kunduppgift
audit-field-retention = att spara uppgifterna

# The practitioner books for a customer (A10)
command-bookfor = Boka åt en kund (telefon eller disk)
button-admin-book-for = 📅 Boka åt den här kunden
admin-book-find-customer = Vem gäller bokningen? Skriv ett namn, telefonnummer eller en e-postadress för att hitta kunden, eller lägg till en ny.
admin-book-pick-customer = Välj kunden, skriv en ny sökning eller lägg till en ny kund.
admin-book-search-short = Skriv minst två tecken av ett namn, telefonnummer eller en e-postadress.
admin-book-no-match = Ingen hittades. Försök med en annan sökning eller lägg till en ny kund.
button-admin-new-customer = ➕ Ny kund
admin-book-duplicate = Någon har redan det här telefonnumret eller den här e-postadressen. Är det någon av dem, eller en ny kund ({ $name })?
button-admin-create-anyway = Lägg till som ny kund
button-admin-outside-hours = 🕘 Utanför öppettiderna…
admin-book-outside-time = Skriv starttiden den { $day } (till exempel 18.30). Den får vara utanför öppettiderna, men inte över en annan bokning.
admin-book-bad-time = Det är ingen tid. Skriv till exempel 18.30 eller 7.05 (minuter i steg om fem).
admin-book-day-full = Dagen har ingen ledig tid inom öppettiderna.
admin-book-summary = Boka { $service } åt { $name } { $when }?{ $outside ->
    [yes] {" "}(utanför öppettiderna)
   *[no] {""}
  }
admin-book-taken = Tiden bokades nyss. Välj en annan.
admin-book-outside-hours = Tiden är utanför öppettiderna (eller redan förbi). Välj en tid i listan eller använd "Utanför öppettiderna".
admin-book-service-unavailable = Behandlingen erbjuds inte längre. Välj en annan.
admin-book-customer-not-found = Kunden finns inte längre.
admin-book-invalid-time = Tiden kan inte bokas. Välj en annan.
admin-book-aborted = Ingenting bokades.
admin-book-done = Bokat: { $service } åt { $name } { $when }. { $told ->
    [sent] Kunden fick bekräftelsen och en kalenderfil i Telegram.
    [failed] Bekräftelsen kunde inte skickas i Telegram: meddela kunden själv.
   *[other] Kunden finns inte på Telegram: meddela kunden själv.
  }
## The week (issue 14, item 4: /week, /agenda, A13)
command-week = Veckan i en överblick
calendar-week-title = Vecka { $week }: { $from } – { $to }
calendar-week-summary = { $count ->
    [one] 1 bokning
   *[other] { $count } bokningar
  }, ledigt { $free }
calendar-week-count = { $count ->
    [one] 1 bokning
   *[other] { $count } bokningar
  }
calendar-day-heading = { $day } · { $hours } { $today }
calendar-today = (i dag)
calendar-booking-line = { "  " }{ $time } { $name }, { $service }{ $marks }
calendar-blocked = { "  " }⛔ { $time } blockerad
calendar-blocked-day = { "  " }⛔ hela dagen blockerad
calendar-free = { "  " }ledigt { $times } ({ $total })
calendar-day-summary = { $day }: { $count ->
    [one] 1 bokning
   *[other] { $count } bokningar
  }
calendar-week-too-long = Veckan har så många bokningar att de visas en dag i taget: välj en dag nedan.
calendar-open-hours = Öppet: { $hours }
calendar-week-usage = Använd /week, /week nästa eller /week 24.12. (veckan då dagen infaller).
calendar-card =
    { $when }
    { $service }, { $price }
    { $name }
calendar-card-attendance-none = Besöket är inte markerat.
calendar-card-unpaid = 💶 Ingen betalning registrerad.
calendar-card-paid = 💶 Betalt { $amount } (kvitto nr { $number })
calendar-card-cancelled = Bokningen är avbokad.
button-week-previous = ◀ Föregående
button-week-next = Nästa ▶
button-week-current = Denna vecka
button-week-of = Vecka { $week }
duration-hours-minutes = { $hours } h { $minutes } min
duration-hours = { $hours } h
duration-minutes = { $minutes } min

## Calendar subscription (issue 14, item 5: /calendarfeed, A14)
command-calendarfeed = Bokningarna i telefonens kalender (prenumeration)
feed-setup-needed = Kalenderprenumerationen behöver botens HTTP-server och en offentlig https-adress till den. Den som sköter servern ska ställa in:
feed-setup-http = • HTTP_PORT: porten där botens HTTP-server lyssnar (i webhook-läge körs servern redan).
feed-setup-url = • PUBLIC_URL: adressen där servern nås från internet, till exempel https://bot.example.fi (i webhook-läge duger WEBHOOK_URL som den är).
feed-address =
    📅 Adressen till din kalenderprenumeration:
    { $address }

    Lägg till den i telefonens kalender som en prenumererad kalender:
    • iPhone: Inställningar → Kalender → Konton → Lägg till konto → Annat → Lägg till prenumererad kalender, och klistra in adressen.
    • Google Kalender (på en dator): Andra kalendrar → + → Från webbadress, och klistra in adressen. En Android-telefon visar den sedan i Google Kalender.
    Kalendern visar bokningarna 30 dagar bakåt och ett år framåt samt blockerade tider. Ändringar syns när kalenderappen hämtar prenumerationen på nytt; i Google Kalender kan det ta flera timmar.

    { $names }

    Adressen är hemlig: vem som helst som har den ser dina bokningar. Om den hamnar i fel händer, skapa en ny med /calendarfeed ny – den gamla slutar fungera genast. Adressen kan inte visas igen.
feed-names-shown = Kundernas namn syns i kalendern, så även din kalendertjänst (Google eller Apple) sparar dem. Du kan dölja dem med knappen eller med /calendarfeed namn av.
feed-names-hidden = Kundernas namn är dolda: kalendern visar bara tjänsten.
feed-status =
    📅 Kalenderprenumerationen är i bruk (adressen skapad { $since }).
    { $names }
    { $fetched }

    Adressen kan inte visas igen, eftersom bara en kontrollsumma av den sparas. Om du behöver den, skapa en ny: den gamla slutar då fungera.
feed-status-fetched = Kalenderappen hämtade den senast { $last } ({ $count ->
    [one] en gång
   *[other] { $count } gånger
  } under de senaste 7 dagarna).
feed-status-never-fetched = Kalenderappen har inte hämtat den ännu.
feed-revoked = Kalenderprenumerationen är avslutad: adressen fungerar inte längre. Ta bort den prenumererade kalendern också från telefonen.
feed-none = Du har ingen kalenderprenumeration. Skapa en med /calendarfeed.
feed-names-now-hidden = Kundernas namn döljs i kalendern. Ändringen syns när kalenderappen nästa gång hämtar prenumerationen.
feed-names-now-shown = Kundernas namn visas i kalendern (och din kalendertjänst sparar dem). Ändringen syns när kalenderappen nästa gång hämtar prenumerationen.
feed-usage = Använd /calendarfeed (läget, eller adressen första gången), /calendarfeed ny, /calendarfeed av, /calendarfeed namn av eller /calendarfeed namn på.
button-feed-new = 🔄 Ny adress (den gamla slutar fungera)
button-feed-off = 🗑 Avsluta prenumerationen
button-feed-hide-names = 🙈 Dölj kundernas namn
button-feed-show-names = 👤 Visa kundernas namn
feed-calendar-name = Bokningar – { $business }
feed-booking = { $service }
feed-booking-named = { $name } – { $service }
feed-blocked = Blockerad

## Audit as sentences (issue 14, item 8: /audit)
audit-sentence = { $when } – { $actor } { $did }{ $times }.
audit-sentence-fields = { $when } – { $actor } { $did }: { $fields }{ $times }.
audit-times = { " " }({ $count ->
    [one] en gång
   *[other] { $count } gånger
  })
audit-actor-admin-named = { $name } (mottagningen)
audit-did-search = hittade kunden i en sökning
audit-did-view-contact = såg kundens kontaktuppgifter
audit-did-view-card = öppnade kundkortet
audit-did-view-audit = såg den här loggen
audit-did-view = såg uppgifter
audit-did-attendance = markerade om kunden kom
audit-did-payment = registrerade en betalning
audit-did-change-own = ändrade sina uppgifter
audit-did-change = ändrade kundens uppgifter
audit-did-consent-own = ändrade sina samtycken till marknadsföring
audit-did-consent = registrerade att kunden nekat marknadsföring
audit-did-export-own = fick en kopia av sina uppgifter
audit-did-export = skickade kunden en kopia av hens uppgifter
audit-feed-views = { $when } – { $actor } fick kundens bokningar med namn till sin kalenderprenumeration { $count ->
    [one] en gång
   *[other] { $count } gånger
  }.

## /off in words (issue 14, item 8)
admin-off-day = Mottagningen är stängd hela dagen { $day }.
admin-off-days = Mottagningen är stängd hela dagarna { $from } – { $to }.
admin-off-time = Mottagningen är stängd { $day } kl. { $from }–{ $to }.
admin-off-range = Mottagningen är stängd { $from } – { $to }.
admin-off-inside = { $count ->
    [0] Det finns inga bokningar under den tiden.
    [one] Det finns redan en bokning under den tiden:
   *[other] Det finns redan { $count } bokningar under den tiden:
  }
receipt-file = kvitto-{ $number }

## /services as a button menu (issue 14, item 8)
services-title = Tjänster (tryck på en tjänst för att ändra den):
services-none = Det finns inga tjänster. Lägg till den första med knappen nedan.
services-line = { $name } – { $minutes } min, { $price }, paus { $buffer } min, { $vat }
services-inactive-mark = (ur bruk)
services-card =
    { $line }
    { $status }
    Namn: på finska ”{ $fi }”, på svenska ”{ $sv }”, på engelska ”{ $en }”
    { $booked }
services-active = I bruk: kunderna kan boka den.
services-inactive = Ur bruk: kunderna ser den inte.
services-booked = Tjänsten har bokats, så den kan inte raderas; du kan ta den ur bruk.
services-never-booked = Tjänsten har aldrig bokats, så den kan också raderas.
services-gone = Tjänsten finns inte längre.
services-activated = Tagen i bruk.
services-deactivated = Tagen ur bruk.
services-delete-ask = Radera tjänsten ”{ $name }” för gott?
services-delete-booked = Tjänsten hann bokas, så den raderades inte. Du kan ta den ur bruk.
services-deleted = Raderad: { $name }.
services-bad-minutes = Skriv minuterna i steg om fem, till exempel 45 eller 60 (högst 480).
services-bad-buffer = Skriv pausens längd i minuter i steg om fem, till exempel 0, 10 eller 15 (högst 240).
services-bad-vat = Skriv momssatsen i procent, till exempel 25,5, eller 0 om tjänsten är momsfri.
services-bad-name = Skriv namnet på en rad, högst 60 tecken.
services-ask-price = { $name }: nytt pris? Nu { $current }. Skriv beloppet i euro, t.ex. 59 eller 59,50.
services-ask-minutes = { $name }: ny längd i minuter? Nu { $current } min.
services-ask-buffer = { $name }: paus efter bokningen i minuter? Nu { $current } min. Under pausen kan ingen ny tid bokas.
services-ask-vat = { $name }: moms? Nu { $current }. Hälso- och sjukvård av en legitimerad eller skyddad yrkesutbildad person är momsfri (mervärdesskattelagen 34 §).
services-ask-name = { $name }: nytt namn ({ $language })? Nu ”{ $current }”.
services-not-changed = Ingenting ändrades.
services-invalid = Värdet godkändes inte, så ingenting sparades.
services-add-aborted = Ingen tjänst lades till.
services-add-name = Ny tjänst. Vad heter den ({ $language })? Kunderna ser namnet på bokningsknappen.
services-add-name-other = Namn ({ $language })? Eller använd samma som på finska: ”{ $fi }”.
services-add-minutes = Hur lång är behandlingen (i minuter)?
services-add-price = Vad kostar den? Skriv beloppet i euro, t.ex. 59 eller 59,50.
services-add-buffer = Hur lång paus efter bokningen (i minuter)? Under pausen kan ingen ny tid bokas.
services-add-confirm =
    Lägga till den här tjänsten?
    { $line }
    Namn: på finska ”{ $fi }”, på svenska ”{ $sv }”, på engelska ”{ $en }”
    Kunderna ser den genast. Momsen kan du ändra på tjänstens kort.
services-added = Tillagd: { $name }. Kunderna ser den genast.
button-service-price = 💶 Pris
button-service-minutes = ⏱ Längd
button-service-buffer = ☕ Paus
button-service-vat = 🧾 Moms
button-service-name = 🏷 Namn: { $language }
button-service-deactivate = ⏸ Ta ur bruk
button-service-activate = ▶ Ta i bruk
button-service-delete = 🗑 Radera
button-service-delete-confirm = 🗑 Radera för gott
button-services-list = ◀ Alla tjänster
button-service-add = ➕ Lägg till en tjänst
button-service-vat-exempt = Momsfri (34 §)
button-service-same-name = Samma som på finska
button-service-save = ✓ Spara
button-admin-book-for-anyone = 📅 Boka åt en kund
## Miniappen (issue 15: bokningskalendern i Telegram)
webapp-menu-button = Kalender
webapp-open-button = 📅 Öppna bokningskalendern
webapp-book-hint = Du kan också välja en tid i bokningskalendern:
webapp-title = Tidsbokning
webapp-tab-book = Boka
webapp-tab-bookings = Mina bokningar
webapp-tab-week = Vecka
webapp-tab-hours = Öppettider
webapp-loading = Laddar…
webapp-error = Något gick fel. Försök igen.
webapp-auth-error = Öppna kalendern med botens menyknapp i Telegram.
webapp-choose-service = Välj behandling
webapp-choose-day = Välj dag
webapp-choose-time = Välj tid: { $day }
webapp-no-times = Det finns inga lediga tider den här dagen.
webapp-previous-month = Föregående månad
webapp-next-month = Nästa månad
webapp-details = Dina uppgifter
webapp-first-name = Förnamn
webapp-last-name = Efternamn
webapp-email = E-post
webapp-phone = Telefon (frivilligt)
webapp-privacy-title = Dataskydd
webapp-privacy-text = Läs före din första bokning hur { $controller } behandlar dina personuppgifter. Kort sagt: vi sparar bara det som bokningen behöver – ditt namn, din e-postadress, om du vill ditt telefonnummer samt dina bokningar – och använder det för att sköta dina bokningar.
webapp-privacy-read = Läs dataskyddsbeskrivningen
webapp-privacy-ack = Jag har läst dataskyddsbeskrivningen
webapp-consents-title = Nyheter och erbjudanden (frivilligt)
webapp-continue = Fortsätt
webapp-booked = ✅ Din tid är bokad
webapp-booked-text = Bekräftelsen och en kalenderfil finns i din chatt med boten.
webapp-book-another = Boka en annan tid
webapp-no-bookings = Du har inga kommande bokningar.
webapp-move-title = Ny tid för: { $service }
webapp-week-previous = Föregående vecka
webapp-week-next = Nästa vecka
webapp-week-this = Den här veckan
webapp-blocked = Stängt
webapp-whole-day = hela dagen
webapp-unblock = Ta bort stängningen
webapp-unblocked = Stängningen är borttagen: tiden kan bokas igen.
webapp-block-title = Stäng tid
webapp-block-from = Första dagen
webapp-block-to = Sista dagen (frivilligt)
webapp-block-start-time = Från (frivilligt)
webapp-block-end-time = Till (frivilligt)
webapp-block-submit = Stäng tiden
webapp-block-invalid = Kontrollera dagarna och tiderna: slutet ska komma efter början.
webapp-hours-title = Öppettider per vecka
webapp-hours-add = Lägg till tid
webapp-hours-remove = Ta bort
webapp-hours-save = Spara
webapp-hours-start = Öppnar
webapp-hours-end = Stänger
webapp-hours-invalid = Kontrollera tiderna: var och en ska sluta efter att den börjar, i steg om fem minuter, utan att överlappa.
webapp-saved = Sparat.
webapp-close = Stäng
webapp-amount = Belopp (€)
webapp-record-payment = Registrera betalningen
webapp-cancel-submit = Avboka och meddela kunden
webapp-customer = Kund
webapp-status = Status
webapp-moved-done = Flyttad från { $from } till { $to }. Kunden har meddelats.
webapp-moved-by-practice =
    ↻ Mottagningen har flyttat din bokning.

    { $service }
    Ny tid: { $to }
    (tidigare { $from })
    Adress: { $address }

    Om den nya tiden inte passar dig, ring { $phone }.
## Väntelista och sista minuten-erbjudanden (issue 16)
button-waitlist-join = 🔔 Meddela mig när en tid blir ledig
button-waitlist-that-day = Bara den dagen
button-waitlist-days = De följande { $days } dagarna
button-waitlist-part-any = När som helst under dagen
button-waitlist-part-morning = Förmiddag (före kl. { $to })
button-waitlist-part-afternoon = Eftermiddag (kl. { $from }–{ $to })
button-waitlist-part-evening = Kväll (från kl. { $from })
waitlist-ask-days = Jag skickar ett meddelande om en tid blir ledig. Vilka dagar skulle passa dig?
waitlist-no-days = Det finns inga lediga tider för den här behandlingen just nu. Jag kan skicka ett meddelande om en tid blir ledig: vilka dagar skulle passa dig?
waitlist-ask-part = Vilken tid på dagen passar dig?
waitlist-part-any = när som helst
waitlist-part-morning = förmiddagar
waitlist-part-afternoon = eftermiddagar
waitlist-part-evening = kvällar
waitlist-joined =
    Du står på väntelistan: { $service }, { $from }–{ $to }, { $part }.
    Om en tid blir ledig skickar jag ett meddelande med de lediga tiderna; tiden går till den som bekräftar först. Du kan lämna listan under /mybookings. Begäran upphör efter sin sista dag.
waitlist-too-many = Du har redan det högsta antalet väntelisteförfrågningar. Du kan ta bort gamla under /mybookings.
waitlist-offer =
    En tid har blivit ledig: { $service }! Välj en tid för att boka den. Tiden går till den som bekräftar först.
waitlist-offer-gone = Tyvärr hann någon annan boka den tiden först. Du står kvar på väntelistan.
waitlist-offer-unknown = Det här erbjudandet gäller inte längre.
button-waitlist-take = { $day } { $time }
button-waitlist-leave = Inga fler erbjudanden
waitlist-left = Du har lämnat väntelistan. Du får inga fler erbjudanden för den här begäran.
waitlist-removed = Väntelisteförfrågan togs bort.
waitlist-list-title = Du står på väntelistan:
waitlist-list-item =
    { $service }
    { $days }
waitlist-entry-days = { $days }, { $part }
button-waitlist-remove = ✖ Ta bort från väntelistan
admin-waitlist-booked = 🔔 Bokad från väntelistan: { $name }, { $service }, { $when }.
privacy-waitlist = Om du ber att få veta när en tid blir ledig sparar vi din begäran (behandling, dagar, tid på dagen) och de tider du erbjuds tills begärans sista dag har gått. Erbjudandena är svar på din egen begäran, så de är inte marknadsföring och kräver inget samtycke till marknadsföring.
command-lastminute = Erbjud de två följande dagarnas lediga tider (sista minuten)
lastminute-none = Det finns inga lediga tider under de följande { $hours } timmarna.
lastminute-gap = • { $from }–{ $to }
lastminute-draft =
    Lediga tider med kort varsel:
    { $gaps }
    Boka med /book.
waitlist-type-range = Eller skriv en dag eller ett datumintervall, till exempel 1.12. eller 1.12.–5.12.
waitlist-bad-range = Jag kände inte igen de dagarna. Skriv till exempel 1.12. eller 1.12.–5.12., eller välj en knapp.

# The Mini App's time-off and empty-day texts (kept for the Mini App when the chat's /off and /agenda got their own wording)
admin-agenda-empty = Inga bokningar.
admin-off-done = Blockerat: { $from } – { $to }. Bokningar redan inom tiden: { $count }.

# The practitioner moves a booking (A12)
button-admin-move = 🔁 Flytta
admin-move-title = Flytta bokningen
admin-move-summary = Flytta bokningen till { $to }? Kunden får veta det och får en ny kalenderfil.
admin-move-aborted = Bokningen flyttades inte.
admin-move-done = Flyttad: { $service } från { $from } till { $to }.

# The Mini App: the practitioner books for a customer (A10) and sees the waiting list per day (W4)
webapp-book-for-title = Bokning åt en kund
webapp-customer-search = Namn, telefonnummer eller e-post
webapp-search = Sök
webapp-email-optional = E-post (frivilligt)
webapp-not-on-telegram = inte på Telegram
webapp-waiting = ⏳ { $count ->
    [one] { $count } kund
   *[other] { $count } kunder
  } på väntelistan
# The practitioner's week and day views: how many wait for a time (issue 16, W4)
calendar-waiting = { "  " }🔔 på väntelistan: { $count ->
    [one] 1 kund
   *[other] { $count } kunder
  }
calendar-day-summary-waiting = · 🔔 { $count }

# Giving time off back from the day view (A3; those waiting are offered it, issue 16 W2)
button-calendar-unblock = ✓ Frigör { $time }
button-calendar-unblock-day = ✓ Frigör hela dagen
calendar-unblocked = Blockeringen är borttagen: tiden kan bokas igen.
calendar-unblock-none = Här finns ingen blockerad tid längre.

# An offer message after someone else booked some of its times (issue 16, W2)
waitlist-offer-taken = ✖ Redan bokad av någon annan: { $times }.
waitlist-offer-all-taken = Du står kvar på väntelistan; jag meddelar dig om en tid blir ledig igen.

# Waiting for a better time while moving a booking (issue 16, W1)
waitlist-move-ask-days = Din bokning { $current } står kvar. Jag skickar ett meddelande om en tid som passar dig bättre blir ledig; då kan du flytta din bokning dit. Vilka dagar skulle passa dig?
waitlist-move-no-days = Det finns inga andra lediga tider under bokningsperioden just nu. Din bokning { $current } står kvar. Jag kan skicka ett meddelande om en tid blir ledig, och då kan du flytta din bokning dit: vilka dagar skulle passa dig?
waitlist-joined-move =
    Du står på väntelistan för att flytta din bokning (nu { $current }): { $service }, { $from }–{ $to }, { $part }.
    Din bokning står kvar tills du flyttar den. Om en tid blir ledig skickar jag ett meddelande; tiden går till den som bekräftar först. Du kan lämna listan under /mybookings.
waitlist-offer-move =
    En tid har blivit ledig: { $service }! Du kan flytta din bokning { $current } till någon av de här tiderna. Tiden går till den som bekräftar först.
waitlist-offer-gone-move = Tyvärr hann någon annan boka den tiden först. Din bokning står kvar och du står kvar på väntelistan.
waitlist-list-item-move =
    { $service }: flytt från { $current }
    { $days }
admin-waitlist-moved = 🔔 Flyttad till en ledig tid från väntelistan: { $name }, { $service }, { $from } → { $to }.
