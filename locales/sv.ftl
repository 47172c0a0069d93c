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

    Välj nedan, eller börja med /book. Hur vi behandlar dina uppgifter förklaras under /privacy.
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
booking-command-in-flow = Din bokning pågår. Fortsätt med knapparna ovan, eller skicka /cancel för att avbryta.
booking-cancelled = Bokningen avbröts. Ingenting bokades.
booking-confirm-details =
    Ska vi använda uppgifterna du gav förra gången?

    Namn: { $name }
    E-post: { $email }
    Telefon: { $phone }
booking-ask-firstName = Skriv ditt förnamn.
booking-ask-lastName = Skriv ditt efternamn.
booking-ask-email = Skriv din e-postadress. Vi behöver den för att nå dig angående din tid; annat skickar vi inte utan ditt samtycke.
booking-ask-phone = Skriv ditt telefonnummer (t.ex. 040 123 4567), eller tryck Hoppa över – telefonnumret är frivilligt.
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
    Innan din första bokning, läs hur { $controller } behandlar dina personuppgifter: hela beskrivningen öppnas med /privacy (din bokning väntar här).

    Kort sagt: vi sparar bara det bokningen behöver – ditt namn, din e-post, frivilligt ditt telefonnummer och dina bokningar – och använder det bara för att betjäna dig. Skicka inga hälsouppgifter i den här chatten.
booking-consents =
    Får { $business } skicka dig nyheter och erbjudanden? Det är helt frivilligt och påverkar inte din bokning. Kryssa för de kanaler du tillåter och tryck Fortsätt. Du kan återkalla när som helst.
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

    För att avboka eller flytta tiden, skicka /mybookings eller kontakta { $business }: { $phone }, { $email }.
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
    Avgiftsfri avbokning eller ändring till { $deadline }.
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
    Bokningar kan avbokas eller flyttas här fram till { $hours } timmar före start. För senare ändringar, kontakta mottagningen: { $phone }, { $email }.
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

    Om du inte kan komma, avboka eller flytta tiden under Mina bokningar.

## Dataskyddsrättigheter
command-profile = Se och rätta dina uppgifter
command-marketing = Samtycken till marknadsföring
command-mydata = Få en kopia av dina uppgifter
command-unsubscribe = Stoppa all marknadsföring
command-deleteme = Radera dina uppgifter
marketing-status =
    Marknadsföring från { $business }: kryssa för de kanaler via vilka vi får skicka dig nyheter och erbjudanden. Frivilligt; tryck för att ändra när som helst.
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

    Hur länge vi sparar: så länge du är kund; efter 3 år utan användning frågar vi och raderar om du inte svarar. Betalningsuppgifter 6 år från räkenskapsperiodens slut (bokföringslagen). Loggposter minst 2 år.

    Dina rättigheter: rätta dina uppgifter med /profile, stoppa marknadsföring med /unsubscribe, radera dina uppgifter med /deleteme. Den här kopian får du två gånger per år genast; för annat, kontakta { $contact } ({ $email }). Du kan också klaga hos dataombudsmannen (tietosuoja.fi).
mydata-pending = Du har redan fått dina uppgifter två gånger under de senaste 12 månaderna, vilket dataskyddsbeskrivningen lovar genast. Din begäran är registrerad och mottagningen besvarar den senast { $due }. Frågor: { $email }.
deleteme-explain =
    Radera dina uppgifter?

    • Dina kommande bokningar avbokas (mottagningen meddelas).
    • Ditt namn, dina kontaktuppgifter, samtycken, bokningar och chattens tillstånd raderas.
    • Betalningsuppgifter och kvitton sparas i 6 år från räkenskapsperiodens slut, som bokföringslagen kräver, men utan ditt namn eller koppling till dig.

    Det går inte att ångra. Efteråt är du en ny kund för boten.
button-deleteme-yes = Ja, radera mina uppgifter
button-deleteme-no = Nej, behåll dem
deleteme-kept = Ingenting raderades.
deleteme-nothing = Vi hade inga uppgifter om dig att radera.
deleteme-done =
    Dina uppgifter har raderats. Avbokade bokningar: { $cancelled }.

    Sparat: { $payments } betalningsuppgift(er), utan ditt namn eller koppling till dig, eftersom bokföringslagen kräver att kvitton sparas i 6 år från räkenskapsperiodens slut. Sedan raderas även de.
retention-question =
    Du har inte använt tjänsterna hos { $business } på { $years } år. Vi sparar kunduppgifter bara medan kundrelationen fortsätter. Ska vi behålla dina uppgifter?

    Om du inte svarar inom { $days } dagar raderas dina uppgifter (betalningsuppgifter sparas enligt bokföringslagen).
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
invalid-address-empty = Adressen kan inte vara tom; tryck Ta bort för att radera den.
invalid-address-too-long = Adressen är för lång (högst 200 tecken).
invalid-address-invalid = Det ser inte ut som en adress.
invalid-birthYear-empty = Året kan inte vara tomt; tryck Ta bort för att radera det.
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
admin-agenda-title = { $day }: { $count } bokning(ar)
admin-agenda-line = { $time } { $service } – { $name } { $status }
admin-agenda-empty = Inga bokningar.
admin-agenda-usage = Använd /agenda, /agenda 24.12., /agenda 2026-12-24 eller /agenda vecka.
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
admin-hours-usage = Ändra en dag: /hours mon 09:00-12:00 12:30-17:00, eller /hours sat off.
admin-off-usage = Använd /off 24.12., /off 24.12. 31.12., eller /off 24.12. 12:00-17:00.
admin-off-done = Blockerat: { $from } – { $to }. Bokningar redan inom tiden: { $count }.
button-admin-cancel-inside = Avboka dessa { $count } och meddela kunderna
admin-off-reason = mottagningen är stängd då
admin-off-cancelled = Avbokade { $count } bokning(ar); kunderna har meddelats.
customer-cancelled-by-practice =
    ❌ Mottagningen måste tyvärr avboka din tid:
    { $when }
    { $service }
    Orsak: { $reason }

    Vi ber om ursäkt. Skicka /book för att välja en ny tid, eller ring { $phone }.
admin-saved = Sparat.
admin-services-usage =
    Ändra: /services <nyckel> price 59,00 · minutes 60 · buffer 15 · vat exempt | 25,5 · name sv <namn> · on · off
    Ny: /services add <nyckel> <minuter> <pris> <finskt namn> | <svenskt namn> | <engelskt namn>
admin-service-line = { $key }: { $name }, { $minutes } min, { $price }, paus { $buffer } min, moms { $vat }, { $active }
admin-vat-exempt = momsfri
admin-active = aktiv
admin-inactive = inaktiv
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
    Marknadsföring: { $consents }

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
admin-audit-title = Visningar och ändringar (nyaste sist):
admin-requests-none = Inga begäranden väntar.
admin-request-line =
    📄 Begäran om uppgifter: { $name }
    Gjord: { $requested }
    Senast: { $due }
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
admin-broadcast-ask = Skriv marknadsföringsmeddelandet. Det går bara till kunder som tillåtit marknadsföring via Telegram.
admin-broadcast-aborted = Ingenting skickades.
admin-broadcast-too-long = Meddelandet är för långt (högst 3 000 tecken).
admin-broadcast-preview =
    Förhandsvisning:

    { $preview }

    Mottagare: { $count }
button-admin-send-broadcast = Skicka till { $count }
admin-broadcast-started = Skickar till { $count } kunder. Jag rapporterar hur det går.
broadcast-progress = Utskick: { $done } / { $total } klara.
broadcast-done = Utskicket klart: skickade { $sent }, hoppade över (samtycke återkallat) { $skipped }, misslyckade { $failed }.
admin-cancelled-by-admin =
    ❌ Mottagningen avbokade
    { $when }
    { $service }
    Kund: { $name }

## Dataskyddsbeskrivning (P1)
privacy-notice =
    🔒 Dataskyddsbeskrivning – kund- och bokningsregister

    Personuppgiftsansvarig: { $controller } (FO-nummer { $businessId }), { $address }, { $email }.
    Kontaktperson i dataskyddsfrågor: { $contact }, { $phone }, { $email }.

    Varför vi behandlar dina uppgifter: för att ta emot och sköta dina bokningar, för kundrelationen, för betalnings- och faktureringsuppgifter och – bara om du tillåter det – för att skicka nyheter och erbjudanden. Grunden är vår kundrelation, bokföringslagen för betalningsuppgifter och ditt samtycke för marknadsföring.

    Vad vi sparar: ditt för- och efternamn, din e-postadress och ditt språk; frivilligt ditt telefonnummer, din adress, ditt kön och ditt födelseår; dina bokningar, besök och betalningar; dina val för marknadsföring per kanal (Telegram, e-post, sms) med historik; när du senast använde boten; och vem som har sett eller ändrat dina uppgifter. Vi frågar aldrig efter din personbeteckning. Vårdanteckningar sparas inte i boten; skicka inga hälsouppgifter här.

    Varifrån uppgifterna kommer: från dig, när du bokar eller uppdaterar dina uppgifter.

    Vem som får dem: ingen utanför mottagningen. Registrets uppgifter lämnas inte ut till tredje parter och överförs inte utanför EU/EES. Observera att den här chatten går via Telegram: Telegram förmedlar och lagrar meddelandena enligt sin egen integritetspolicy och kan behandla dem utanför EU/EES. Boten ser aldrig din IP-adress.

    Hur länge: så länge du är kund. Om du inte har använt våra tjänster på 3 år frågar vi om vi ska behålla dina uppgifter och raderar dem annars. Betalningsuppgifter och kvitton sparas i 6 år från räkenskapsperiodens slut, som bokföringslagen kräver.

    Dina rättigheter: att se dina uppgifter och få en kopia (hela förteckningen högst två gånger per år), att få felaktiga uppgifter rättade, att få dina uppgifter raderade när lagen tillåter, att när som helst förbjuda marknadsföring och att klaga hos dataombudsmannen (tietosuoja.fi). De flesta fungerar direkt här: /mydata (dina uppgifter som fil), /profile (rätta), /deleteme (radera), /marketing och /unsubscribe (marknadsföring). Eller kontakta { $contact }, { $email } eller { $phone }.

    Datasäkerhet: uppgifterna förvaras i en skyddad databas som bara mottagningen har tillgång till; e-post, telefonnummer och adress sparas krypterade, och varje gång mottagningen ser eller ändrar dem loggas. Om ett dataintrång berör dig meddelar vi dig så snart som möjligt och berättar vad vi gjorde åt det.

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
