language-name = Suomi

## Komennot (Telegramin valikko)
command-start = Aloitus ja päävalikko
command-book = Varaa aika
command-mybookings = Tulevat varaukseni
command-privacy = Tietosuojaseloste
command-language = Vaihda kieli
command-help = Ohje
command-cancel = Keskeytä meneillään oleva toiminto

## Aloitus, ohje ja valikot
start-greeting =
    Hei! Täällä voit varata ajan vastaanotolle.

    Valitse alta tai aloita varaus komennolla /book. Miten tietojasi käsitellään, kerrotaan tietosuojaselosteessa: /privacy.
help =
    Voit tehdä täällä näin:
    /book – varaa aika
    /mybookings – katso, peru tai siirrä varauksiasi
    /profile – katso ja korjaa tietosi
    /marketing – valitse, mihin kanaviin annat markkinointiluvan
    /unsubscribe – lopeta kaikki markkinointi kerralla
    /mydata – pyydä kopio kaikista sinusta tallennetuista tiedoista
    /deleteme – poista tietosi
    /privacy – lue tietosuojaseloste
    /language – vaihda kieli
    /cancel – keskeytä meneillään oleva toiminto
button-book = 📅 Varaa aika
button-my-bookings = 🗓 Omat varaukset
button-privacy = 🔒 Tietosuoja
unknown-input = En ymmärtänyt viestiä. Varaa aika komennolla /book tai katso ohjeet komennolla /help.
button-expired = Tämä painike ei ole enää käytössä.
error-apology = Pahoittelut, meillä tapahtui virhe. Yritä hetken päästä uudelleen.
rate-limited = Lähetät viestejä nopeammin kuin ehdin vastata. Odota hetki ja yritä uudelleen.
flow-cancelled = Keskeytetty. Mitään ei varattu. Voit aloittaa alusta komennolla /book.
nothing-to-cancel = Mitään ei ole kesken.

## Kieli
language-choose = Valitse kieli:
language-changed = Puhun kanssasi tästä lähtien suomea.

## Omat varaukset
my-bookings-empty = Sinulla ei ole tulevia varauksia. Varaa aika komennolla /book.
my-bookings-title = Tulevat varauksesi:

## Varaus
button-back = ◀ Takaisin
button-cancel = ✖ Keskeytä
button-next = Seuraavat ▶
button-previous = ◀ Aiemmat
button-skip = Ohita
button-continue = Jatka
button-confirm = ✅ Vahvista varaus
button-use-details = Käytä näitä tietoja
button-change-details = Muuta tietoja
button-privacy-ok = Olen lukenut tietosuojaselosteen
service-button = { $name } – { $price }
booking-choose-service = Minkä hoidon haluat varata?
booking-choose-day = { $service }: valitse päivä (sivu { $page }/{ $pages }).
booking-choose-time = { $service }, { $day }: valitse kellonaika.
booking-no-services = Ajanvaraus ei ole juuri nyt käytössä. Ota yhteyttä suoraan vastaanotolle.
booking-no-days = Tälle hoidolle ei ole vapaita aikoja varauskaudella. Valitse toinen hoito tai ota yhteyttä vastaanotolle.
booking-day-full = Päivä ehti juuri täyttyä. Valitse toinen päivä.
booking-option-unavailable = Valinta ei ole enää saatavilla. Valitse uudelleen.
booking-slot-taken = Pahoittelut, joku ehti varata ajan juuri ennen sinua. Tässä vielä vapaat ajat:
booking-where-we-are = Painike kuului aiempaan vaiheeseen. Varauksesi on nyt tässä vaiheessa:
booking-use-buttons = Valitse yllä olevilla painikkeilla tai keskeytä komennolla /cancel.
booking-type-text = Kirjoita vastauksesi tekstinä tai käytä yllä olevia painikkeita.
booking-command-in-flow = Varauksesi on kesken. Jatka yllä olevilla painikkeilla tai keskeytä komennolla /cancel.
booking-cancelled = Varaaminen keskeytetty – aikaa ei varattu.
booking-confirm-details =
    Käytetäänkö viimeksi antamiasi tietoja?

    Nimi: { $name }
    Sähköposti: { $email }
    Puhelin: { $phone }
booking-ask-firstName = Kirjoita etunimesi.
booking-ask-lastName = Kirjoita sukunimesi.
booking-ask-email = Kirjoita sähköpostiosoitteesi. Tarvitsemme sitä, jotta tavoitamme sinut varaukseen liittyvissä asioissa. Markkinointia emme lähetä ilman markkinointilupaasi.
booking-ask-phone = Kirjoita puhelinnumerosi (esim. 040 123 4567) tai paina Ohita – puhelinnumero on vapaaehtoinen.
invalid-name-empty = Nimi ei voi olla tyhjä.
invalid-name-too-long = Nimi on liian pitkä (enintään 100 merkkiä).
invalid-name-invalid = Nimessä voi olla vain kirjaimia, välilyöntejä, yhdysmerkkejä ja heittomerkkejä.
invalid-email-empty = Sähköpostiosoite ei voi olla tyhjä.
invalid-email-too-long = Sähköpostiosoite on liian pitkä.
invalid-email-invalid = Tämä ei näytä sähköpostiosoitteelta (esimerkiksi nimi@esimerkki.fi).
invalid-phone-empty = Puhelinnumero ei voi olla tyhjä.
invalid-phone-too-long = Puhelinnumero on liian pitkä.
invalid-phone-invalid = Tämä ei näytä puhelinnumerolta. Kirjoita muodossa 040 123 4567 tai +358 40 123 4567.
booking-privacy =
    Lue ennen ensimmäistä varaustasi, miten { $controller } käsittelee henkilötietojasi. Koko seloste aukeaa komennolla /privacy. Varauksesi odottaa sillä välin täällä.

    Lyhyesti: tallennamme vain varaukseen tarvittavat tiedot – nimesi, sähköpostiosoitteesi, halutessasi puhelinnumerosi sekä varauksesi – ja käytämme niitä varaustesi hoitamiseen. Älä lähetä terveystietoja tässä keskustelussa.
booking-consents =
    Saako { $business } lähettää sinulle uutisia ja tarjouksia? Tämä suostumus (markkinointilupa) on vapaaehtoinen eikä vaikuta varaukseesi. Rastita kanavat, joihin annat markkinointiluvan. Paina sitten Jatka. Voit poistaa markkinointiluvan milloin tahansa komennolla /marketing.
channel-telegram = Telegram-viestit
channel-email = Sähköposti
channel-sms = Tekstiviestit (SMS)
value-none = –
booking-summary =
    Tarkista varauksesi:

    { $service }
    { $when }
    Kesto: { $duration } min
    Hinta: { $price }
    Osoite: { $address }

    Nimi: { $name }
    Sähköposti: { $email }
    Puhelin: { $phone }
    Markkinointiluvat: { $marketing }
booking-confirmed =
    ✅ Aikasi on varattu.

    { $service }
    { $when }
    Kesto: { $duration } min
    Hinta: { $price }
    Osoite: { $address }

    Voit perua tai siirtää ajan komennolla /mybookings tai ottamalla yhteyttä: { $business }, { $phone }, { $email }.
booking-ics-caption = Lisää aika kalenteriisi.
ics-description = Peru tai siirrä aika Telegramissa komennolla /mybookings tai ota yhteyttä vastaanotolle: { $phone }, { $email }.

## Hierojalle
admin-new-booking =
    🆕 Uusi varaus
    { $when }
    { $service }
    Asiakas: { $name }

admin-cancelled-booking =
    ❌ Asiakas perui varauksen
    { $when }
    { $service }
    Asiakas: { $name }
admin-moved-booking =
    ↻ Asiakas siirsi varauksen
    { $service }
    Asiakas: { $name }
    Aiempi aika: { $from }
    Uusi aika: { $to }

## Omat varaukset: peruminen ja siirto
my-bookings-item =
    { $when }
    { $service }
    Maksuton peruminen tai siirto { $deadline } asti.
button-cancel-booking = ✖ Peru
button-move-booking = ↻ Siirrä
cancel-confirm =
    Perutaanko tämä varaus?

    { $when }
    { $service }
button-cancel-yes = Kyllä, peru
button-cancel-keep = Ei, pidä varaus
cancel-kept = Varauksesi on voimassa.
cancel-done =
    Varauksesi on peruttu:
    { $when }
    { $service }

    Voit varata uuden ajan komennolla /book.
change-not-found = Varausta ei löytynyt. Näet varauksesi komennolla /mybookings.
change-not-active = Varaus on jo peruttu tai alkanut, joten sitä ei voi muuttaa.
change-past-cutoff =
    Varauksen voi perua tai siirtää täällä viimeistään { $hours ->
        [one] tuntia
       *[other] { $hours } tuntia
    } ennen sen alkua. Myöhemmistä muutoksista sovi suoraan vastaanoton kanssa: { $phone }, { $email }.
move-cancelled = Mitään ei muutettu: varauksesi on voimassa.
move-no-days = Varauskaudella ei ole muita vapaita aikoja. Varauksesi on voimassa.
button-confirm-move = ✅ Vahvista siirto
move-summary =
    Siirretäänkö varauksesi?

    { $service }
    Nykyinen aika: { $from }
    Uusi aika: { $to }
move-done =
    ✅ Varauksesi on siirretty.

    { $service }
    Uusi aika: { $to }
    (aiemmin { $from })
    Osoite: { $address }

## Muistutukset
reminder =
    ⏰ Muistutus: sinulla on varattu aika.

    { $service }
    { $when }
    Osoite: { $address }

    Jos et pääse paikalle, peru tai siirrä aika kohdassa Omat varaukset.

## Tietosuojaoikeudet
command-profile = Katso ja korjaa tietosi
command-marketing = Markkinointiluvat
command-mydata = Pyydä kopio tiedoistasi
command-unsubscribe = Lopeta kaikki markkinointi
command-deleteme = Poista tietosi
marketing-status =
    Markkinointiluvat: rastita kanavat, joiden kautta { $business } saa lähettää sinulle uutisia ja tarjouksia. Markkinointilupa on vapaaehtoinen. Voit muuttaa valintojasi milloin tahansa napauttamalla.
marketing-granted = Markkinointilupa annettu.
marketing-withdrawn = Markkinointilupa poistettu.
unsubscribed = Valmis: { $business } ei lähetä sinulle markkinointia Telegramissa, sähköpostilla eikä tekstiviestillä. Varauksiisi tämä ei vaikuta.
marketing-message =
    📣 Uutisia: { $business } (markkinointia – olet antanut markkinointiluvan)

    { $body }
button-marketing-stop = 🔕 Lopeta markkinointiviestit
mydata-caption = Kaikki sinusta tallennetut tiedot JSON-tiedostona.
mydata-summary =
    Tietosi, { $name }:
    • varaukset: { $bookings } (käynnit: { $visits }, saapumatta jääneet: { $noShows }, perutut: { $cancelled })
    • maksut: { $payments }
    • markkinointilupien kirjaukset: { $consentRecords }
    • saamasi markkinointiviestit: { $marketingMessages }
    • lokimerkinnät (kuka on katsonut tai muuttanut tietojasi): { $auditEntries }
    • tietopyynnöt: { $dataRequests }{ $more }

    Säilytysajat: niin kauan kuin olet asiakas; { $inactiveYears ->
        [one] vuoden
       *[other] { $inactiveYears } vuoden
    } käyttämättömyyden jälkeen kysymme ja poistamme, jos et vastaa. Maksutiedot kuusi vuotta sen vuoden lopusta, jonka aikana tilikausi on päättynyt (kirjanpitolaki). Lokimerkinnät { $auditDays ->
        [one] vuorokauden
       *[other] { $auditDays } päivää
    }.

    Oikeutesi: korjaa tietosi komennolla /profile, lopeta markkinointi komennolla /unsubscribe ja poista tietosi komennolla /deleteme. Kaksi kopiota vuodessa saat täältä heti; seuraaviin pyyntöihin ja muihin asioihin vastaa { $contact } ({ $email }). Voit myös tehdä valituksen tietosuojavaltuutetulle (tietosuoja.fi).
mydata-pending = Täältä saat kopion tiedoistasi heti kaksi kertaa vuodessa. Nämä kaksi kopiota olet jo saanut viimeisen 12 kuukauden aikana. Tämä pyyntö on nyt kirjattu ja { $contact } vastaa siihen viimeistään { $due }. Kysymykset: { $email }.
deleteme-explain =
    Poistetaanko tietosi?

    • Tulevat varauksesi perutaan (vastaanotolle ilmoitetaan).
    • Nimesi, yhteystietosi, markkinointilupasi, varauksesi ja keskustelun tila poistetaan.
    • Maksutiedot ja kuitit säilytetään kirjanpitolain vaatimat kuusi vuotta sen vuoden lopusta, jonka aikana tilikausi on päättynyt. Niistä poistetaan nimesi eikä niitä voi enää yhdistää sinuun.

    Poistoa ei voi kumota. Sen jälkeen olet tälle botille uusi asiakas.
button-deleteme-yes = Kyllä, poista tietoni
button-deleteme-no = Ei, säilytä
deleteme-kept = Mitään ei poistettu.
deleteme-nothing = Sinusta ei ollut poistettavia tietoja.
deleteme-done =
    Tietosi on poistettu. Peruttuja varauksia: { $cancelled }.

    { $payments ->
        [0] Maksutietoja ei ollut säilytettävänä.
        [one] Yksi maksutieto säilytetään, koska kirjanpitolaki vaatii säilyttämään kuitit kuusi vuotta sen vuoden lopusta, jonka aikana tilikausi on päättynyt. Siitä on poistettu nimesi eikä sitä voi enää yhdistää sinuun. Sen jälkeen sekin poistetaan.
       *[other] { $payments } maksutietoa säilytetään, koska kirjanpitolaki vaatii säilyttämään kuitit kuusi vuotta sen vuoden lopusta, jonka aikana tilikausi on päättynyt. Niistä on poistettu nimesi eikä niitä voi enää yhdistää sinuun. Sen jälkeen nekin poistetaan.
    }
retention-question =
    Et ole käyttänyt yrityksen { $business } palveluja { $years } vuoteen. Säilytämme asiakastietoja vain asiakassuhteen jatkuessa. Säilytetäänkö tietosi?

    Jos et vastaa { $days } päivän kuluessa, tietosi poistetaan (maksutiedot säilyvät kirjanpitolain mukaisesti).
button-keep-data = Säilytä tietoni
retention-kept = Kiitos, tietosi säilytetään.
profile-card =
    Tietosi:

    Etunimi: { $firstName }
    Sukunimi: { $lastName }
    Sähköposti: { $email }
    Puhelin: { $phone }
    Osoite: { $address }
    Sukupuoli: { $gender }
    Syntymävuosi: { $birthYear }
    Kieli: { $language }

    Valitse, mitä korjataan.
profile-field-firstName = Etunimi
profile-field-lastName = Sukunimi
profile-field-email = Sähköposti
profile-field-phone = Puhelin
profile-field-address = Osoite
profile-field-gender = Sukupuoli
profile-field-birthYear = Syntymävuosi
profile-field-language = Kieli
button-done = Valmis
button-remove = Poista
profile-ask-firstName = Kirjoita etunimesi.
profile-ask-lastName = Kirjoita sukunimesi.
profile-ask-email = Kirjoita sähköpostiosoitteesi.
profile-ask-phone = Kirjoita puhelinnumerosi (esim. 040 123 4567).
profile-ask-address = Kirjoita osoitteesi (vapaaehtoinen).
profile-ask-gender = Valitse sukupuolesi (vapaaehtoinen).
profile-ask-birthYear = Kirjoita syntymävuotesi, esim. 1980 (vapaaehtoinen).
profile-saved = Tallennettu.
profile-command-in-flow = Muokkaat tietojasi. Käytä yllä olevia painikkeita tai keskeytä komennolla /cancel.
gender-female = Nainen
gender-male = Mies
gender-other = Muu
invalid-address-empty = Osoite ei voi olla tyhjä; poista se Poista-painikkeella.
invalid-address-too-long = Osoite on liian pitkä (enintään 200 merkkiä).
invalid-address-invalid = Tämä ei näytä osoitteelta.
invalid-birthYear-empty = Vuosi ei voi olla tyhjä; poista se Poista-painikkeella.
invalid-birthYear-too-long = Kirjoita vuosi neljällä numerolla, esim. 1980.
invalid-birthYear-invalid = Kirjoita vuosi neljällä numerolla, esim. 1980.
admin-erased-booking =
    ❌ Varaus peruttu: asiakas poisti tietonsa
    { $when }
    { $service }
admin-data-request = 📄 Asiakas pyysi tietojaan kolmannen kerran 12 kuukauden sisällä. Vastaa viimeistään { $due } (/requests).

## Hierojan komennot
command-today = Päivän varaukset
command-agenda = Varauskalenteri: päivä tai viikko
command-hours = Viikoittaiset aukioloajat
command-off = Estä aikoja (loma, poissaolo)
command-services = Palvelut ja hinnat
command-customer = Hae asiakas
command-audit = Kuka on katsonut tai muuttanut asiakkaan tietoja
command-requests = Odottavat tietopyynnöt
command-stats = Tilastot
command-broadcast = Lähetä markkinointiviesti
admin-agenda-title = { $day }: { $count ->
        [one] { $count } varaus
       *[other] { $count } varausta
    }
admin-agenda-line = { $time } { $service } – { $name } { $status }
admin-agenda-usage = Käytä: /agenda, /agenda huomenna, /agenda 24.12., /agenda 2026-12-24 tai /agenda viikko.
admin-attendance-attended = ✓ kävi
admin-attendance-no-show = ✗ ei saapunut
button-admin-attended = ✓ Kävi
button-admin-noshow = ✗ Ei saapunut
button-admin-payment = 💶 Maksu
button-admin-details = 👤 Yhteystiedot
button-admin-cancel = ✖ Peru…
admin-contact =
    { $name }
    Sähköposti: { $email }
    Puhelin: { $phone }
admin-payment-amount = Maksettu summa? Napauta varauksen hintaa tai kirjoita muu summa (esim. 49,50).
admin-payment-bad-amount = Kirjoita summa euroina, esim. 55 tai 49,50.
admin-payment-aborted = Maksua ei kirjattu.
admin-receipt-recorded = Maksu kirjattu, kuitti nro { $number }.
admin-payment-method = Maksutapa?
payment-method-cash = Käteinen
payment-method-card = Kortti
payment-method-mobilepay = MobilePay
payment-method-invoice = Lasku
receipt =
    KUITTI nro { $number }
    { $business }
    Y-tunnus { $businessId }
    { $address }
    { $email }, { $phone }

    Päivämäärä: { $date }
    Asiakas: { $customer }
    Palvelu: { $service }
    Summa: { $amount }
    Maksutapa: { $method }
    { $vat }
receipt-vat-exempt = ALV 0 %: arvonlisäverosta vapautettu terveydenhoitopalvelu (AVL 34 §)
receipt-vat = Sisältää ALV { $rate } %: { $amount }
button-admin-send-receipt = 📨 Lähetä kuitti asiakkaalle
admin-receipt-no-customer = Asiakasta ei enää tavoiteta botin kautta.
admin-receipt-sent = Kuitti lähetetty asiakkaalle.
admin-hours-title = Viikoittaiset ajat:
admin-closed = suljettu
admin-hours-usage = Muuta yhden päivän ajat: /hours ma 09:00-12:00 12:30-17:00 tai /hours la off.
admin-off-usage = Käytä: /off 24.12., /off 24.12. 31.12. tai /off 24.12. 12:00-17:00.
button-admin-cancel-inside = { $count ->
        [one] Peru tämä varaus ja ilmoita asiakkaalle
       *[other] Peru nämä { $count } varausta ja ilmoita asiakkaille
    }
admin-off-reason = vastaanotto on silloin suljettu
admin-off-cancelled = { $count ->
        [0] Mitään ei peruttu.
        [one] Peruttu { $count } varaus; asiakkaalle on ilmoitettu.
       *[other] Peruttu { $count } varausta; asiakkaille on ilmoitettu.
    }
customer-cancelled-by-practice =
    ❌ Vastaanotto on valitettavasti joutunut perumaan varauksesi:
    { $when }
    { $service }
    Syy: { $reason }

    Pahoittelemme. Valitse uusi aika komennolla /book tai soita { $phone }.
admin-saved = Tallennettu.
admin-vat-exempt = arvonlisäveroton
admin-customer-usage = Käytä: /customer <nimi, sähköposti tai puhelin>. Ei osumia.
admin-audit-usage = Käytä: /audit <nimi, sähköposti tai puhelin>. Ei osumia.
admin-customer-pick = Osumia: { $count }. Valitse:
admin-customer-card =
    👤 { $name }
    Sähköposti: { $email }
    Puhelin: { $phone }
    Osoite: { $address }
    Syntymävuosi: { $birthYear }
    Kieli: { $language }
    Viimeksi käyttänyt: { $lastSeen }
    Markkinointiluvat: { $consents }

    Varaukset:
    { $bookings }

    Maksut:
    { $payments }
admin-status-confirmed = varattu
admin-status-cancelled = peruttu
admin-status-attended = kävi
admin-status-no-show = ei saapunut
admin-status-held = kesken
button-admin-withdraw-marketing = 🔕 Asiakas kielsi markkinoinnin (kirjaa)
admin-marketing-withdrawn = Kirjattu: ei markkinointia tälle asiakkaalle.
admin-audit-title = Loki: { $name } – kuka on katsonut tai muuttanut tietoja (uusin viimeisenä):
admin-requests-none = Odottavia tietopyyntöjä ei ole.
admin-request-line =
    📄 Tietopyyntö: { $name }
    Saapunut: { $requested }
    Vastattava viimeistään: { $due }
button-admin-answer-request = Lähetä tiedot asiakkaalle
admin-request-gone = Tähän pyyntöön on jo vastattu.
admin-request-answered = Vastattu: asiakas sai tietonsa.
admin-stats =
    { $label }
    Varauksia: { $bookings }
    Peruutuksia: { $cancellations }
    Saapumatta jääneiden osuus: { $noShowRate }
    Myynti: { $revenue }
admin-this-week = Tämä viikko
admin-this-month = Tämä kuukausi
admin-cancel-ask-reason = Kirjoita peruutuksen syy. Se lähetetään asiakkaalle.
admin-cancel-aborted = Ei peruttu.
admin-cancel-done = Peruttu; asiakkaalle on ilmoitettu.
admin-broadcast-ask = Kirjoita markkinointiviesti. Se lähtee vain asiakkaille, jotka ovat antaneet markkinointiluvan Telegram-viesteille.
admin-broadcast-aborted = Mitään ei lähetetty.
admin-broadcast-too-long = Viesti on liian pitkä (enintään 3 000 merkkiä).
admin-broadcast-preview =
    Esikatselu:

    { $preview }

    Vastaanottajia: { $count }
button-admin-send-broadcast = Lähetä { $count } asiakkaalle
admin-broadcast-started = Lähetetään { $count } asiakkaalle. Kerron edistymisestä.
broadcast-progress = Lähetys: { $done } / { $total } valmiina.
broadcast-done = Lähetys valmis: lähetetty { $sent }, ohitettu (markkinointilupa poistettu) { $skipped }, epäonnistui { $failed }.
admin-cancelled-by-admin =
    ❌ Vastaanotto perui varauksen
    { $when }
    { $service }
    Asiakas: { $name }

## Tietosuojaseloste (P1)
privacy-notice =
    🔒 Tietosuojaseloste (1/2) – asiakas- ja ajanvarausrekisteri

    Rekisterinpitäjä: { $controller } (Y-tunnus { $businessId }), { $address }, { $email }, { $phone }. Yhteyshenkilö tietosuoja-asioissa: { $contact }.

    Käyttötarkoitukset ja käsittelyperusteet (EU:n tietosuoja-asetus, 6 artikla):
    • varausten vastaanotto ja hoito, vahvistukset, muistutukset ja muut varausviestit sekä asiakassuhteen hoito: sopimus
    • maksu- ja kuittitiedot: lakisääteinen velvoite (kirjanpitolaki)
    • uutiset ja tarjoukset Telegramissa, sähköpostilla tai tekstiviestillä: suostumuksesi (markkinointilupa) kanavittain
    • loki siitä, kuka tietojasi on katsonut tai muuttanut, sekä palvelun toiminnan ja tietoturvan vaatimat tekniset tiedot: oikeutettu etu

    Mitä tallennamme: Telegram-käyttäjätunnuksesi (numero) ja kielesi; etu- ja sukunimesi ja sähköpostiosoitteesi; halutessasi puhelinnumerosi, osoitteesi, sukupuolesi ja syntymävuotesi; varauksesi sekä kesken olevan varauksen vaiheet; käyntisi (saavuitko paikalle) ja maksusi; markkinointilupasi kanavittain historioineen; milloin kuittasit tämän selosteen luetuksi; tietopyyntösi; milloin viimeksi käytit bottia; sekä kuka tietojasi on katsonut tai muuttanut. Henkilötunnustasi emme kysy. Botti ei tallenna potilastietoja: jos vastaanotolla pidetään potilasasiakirjoja, ne säilytetään erillään potilasasiakirjoja koskevan lainsäädännön mukaisesti. Älä lähetä terveystietoja tässä keskustelussa.

    Mistä tiedot saadaan: sinulta itseltäsi tässä keskustelussa. Jos varaat puhelimitse tai paikan päällä, vastaanotto kirjaa kertomasi tiedot (nimesi sekä halutessasi puhelinnumerosi ja sähköpostiosoitteesi) ilman Telegramia, kunnes avaat sinulle lähetetyn linkin. Lisäksi vastaanotto kirjaa käyntisi, saapumisesi ja maksusi.

    Vastaanottajat ja käsittelijät: Vastaanotto ei luovuta tietojasi kolmansille osapuolille. Viranomaisille tietoja annetaan vain lain niin vaatiessa. Tämä keskustelu kulkee Telegramin (Telegram FZ-LLC ja Telegram Messenger Inc.) kautta: Telegram on viestipalvelunsa itsenäinen rekisterinpitäjä, joka välittää ja säilyttää viestit oman tietosuojakäytäntönsä mukaisesti ja voi käsitellä niitä EU:n ja ETA:n ulkopuolella. { $hosting } { $transfers } Keskustelussa botti ei näe IP-osoitettasi, vain viestejä välittävien Telegramin palvelimien osoitteet. Jos käytät Telegramin sisällä avautuvaa ajanvarauskalenteria (minisovellus), laitteesi ottaa yhteyden botin palvelimeen, joka näkee silloin IP-osoitteesi: se tallennetaan tietoturvan vuoksi vain palvelimen pääsylokiin, erilleen asiakastiedoistasi, ja poistetaan { $accessLogDays ->
        [one] vuorokauden
       *[other] { $accessLogDays } päivän
    } kuluttua.

## Issue 18: tietosuojaselosteen jatko, kielet, päivämäärät ja lokit
privacy-notice-2 =
    🔒 Tietosuojaseloste (2/2)

    Säilytysajat:
    • Asiakastiedot säilytetään asiakassuhteen ajan. Jos et ole käyttänyt palveluja { $inactiveYears } vuoteen, kysymme, säilytetäänkö tietosi. Ellet vastaa { $answerDays } päivässä, ne poistetaan.
    • Jos vain avasit botin tai luit tämän selosteen etkä varannut aikaa, antanut markkinointilupaa tai tehnyt pyyntöä, tietosi poistetaan { $technicalDays ->
        [one] vuorokauden
       *[other] { $technicalDays } päivän
    } kuluttua siitä, kun viimeksi käytit bottia.
    • Maksutiedot ja kuitit: { $paymentYears } vuotta sen vuoden lopusta, jonka aikana tilikausi on päättynyt (kirjanpitolaki). Jos poistat tietosi, niistä poistetaan nimesi.
    • { $waitlist }
    • Loki katseluista ja muutoksista sekä tietopyyntöjen kirjaukset: { $auditDays } päivää.
    • Tekniset tiedot, kuten keskeytyneet varaukset: { $technicalDays ->
        [one] vuorokausi
       *[other] { $technicalDays } päivää
    }; palvelimen pääsyloki { $accessLogDays ->
        [one] vuorokausi
       *[other] { $accessLogDays } päivää
    }.
    • { $backups }

    Sinulla on oikeus:
    • saada tietää, mitä tietoja sinusta on, ja saada niistä kopio: /mydata. Kaksi kopiota vuodessa saat täältä heti; seuraaviin pyyntöihin vastaa { $contact } viimeistään kuukauden kuluessa.
    • oikaista virheelliset tiedot: /profile
    • saada tietosi poistetuiksi (/deleteme), ellei laki vaadi säilyttämään niitä
    • rajoittaa tietojesi käsittelyä
    • siirtää tietosi toiseen palveluun: kopio on koneluettava JSON-tiedosto
    • vastustaa oikeutettuun etuun perustuvaa käsittelyä ja kieltää suoramarkkinointi milloin tahansa: /unsubscribe tai sähköposti osoitteeseen { $email }
    • poistaa markkinointilupasi milloin tahansa (/marketing); poistaminen ei vaikuta sitä ennen tehtyyn käsittelyyn
    • tehdä valitus tietosuojavaltuutetulle (tietosuoja.fi)
    Muissa asioissa ota yhteyttä: { $contact }, { $email }, { $phone }. Jos et käytä Telegramia, pyydä kaikkia edellä mainittuja henkilöltä { $contact }.

    Tietoturva: Tiedot ovat suojatussa tietokannassa, johon on pääsy vain vastaanotolla. Sähköposti, puhelinnumero, osoite ja kesken olevan varauksen tiedot tallennetaan salattuina. Jokainen vastaanoton tekemä katselu ja muutos kirjataan lokiin. Jos tietomurto koskee sinua, ilmoitamme siitä mahdollisimman pian ja kerromme myöhemmin, mihin toimiin ryhdyimme.
privacy-hosting = { $count ->
        [one] Botin palvelimen ja tietokannan ylläpitäjä (henkilötietojen käsittelijä, joka käsittelee tietoja vain vastaanoton lukuun): { $processors }.
       *[other] Botin palvelimen ja tietokannan ylläpitäjät (henkilötietojen käsittelijät, jotka käsittelevät tietoja vain vastaanoton lukuun): { $processors }.
    }
privacy-hosting-own = Botin palvelin ja tietokanta ovat vastaanoton omassa hallinnassa.
privacy-processor = { $name } ({ $countries })
privacy-transfers-eea = Vastaanotto ei siirrä tietojasi EU:n tai ETA:n ulkopuolelle.
privacy-transfers-outside = EU:n ja ETA:n ulkopuolella tietoja käsitellään näissä maissa: { $countries }. Siirto perustuu EU-komission tietosuojan riittävyyttä koskevaan päätökseen tai sen hyväksymiin vakiolausekkeisiin.
privacy-backups = Salatut varmuuskopiot: poistetut tiedot voivat säilyä niissä enintään { $days ->
        [one] vuorokauden
       *[other] { $days } päivää
    }, kunnes uudemmat kopiot korvaavat ne.
privacy-backups-manual = Salatut varmuuskopiot otetaan käsin: poistetut tiedot voivat säilyä niissä, kunnes { $keep ->
        [one] uudempi kopio korvaa ne
       *[other] { $keep } uudempaa kopiota korvaa ne
    }.
admin-vat-rate = ALV { $rate } %
admin-consents = Telegram { $telegram }, sähköposti { $email }, tekstiviesti { $sms }
admin-customer-booking = { $when } { $service } ({ $status })
admin-customer-payment = Kuitti nro { $number }: { $amount }, { $date }
admin-hours-line = { $day }: { $hours }
admin-off-booking = { $when } { $service } – { $name }
audit-actor-customer = asiakas
audit-actor-system = botti (automaattisesti)
audit-actor-admin = vastaanotto (Telegram-tunnus { $id })
audit-action-view = katsoi
audit-action-export = luovutti tiedot asiakkaalle
audit-action-change = muutti
audit-action-booking-created = varasi ajan
audit-action-booking-cancelled = perui varauksen
audit-action-booking-moved = siirsi varauksen
audit-action-consent = muutti markkinointilupaa
audit-action-data-request = pyysi tietojaan
audit-action-retention-warning = kysyi, säilytetäänkö tiedot
audit-action-erase = poisti tiedot
audit-field-firstName = etunimi
audit-field-lastName = sukunimi
audit-field-email = sähköposti
audit-field-phone = puhelin
audit-field-address = osoite
audit-field-gender = sukupuoli
audit-field-birthYear = syntymävuosi
audit-field-language = kieli
audit-field-attendance = saapuminen
audit-field-payments = maksut
audit-field-profile = perustiedot
audit-field-consents = markkinointiluvat
audit-field-bookings = varaukset
audit-field-audit = loki
audit-field-telegram = Telegram
audit-field-sms = tekstiviesti

## Kovennus (issue 12, kohdat 19–20): perumisen kalenteritiedosto, omat varaukset peruutusrajan jälkeen
ics-cancel-caption = Avaa tiedosto, niin peruttu aika poistuu kalenteristasi.
ics-cancelled-description = Varaus on peruttu. Uuden ajan voit varata Telegramissa komennolla /book.
my-bookings-item-locked =
    { $when }
    { $service }
    Tätä aikaa ei voi enää perua tai siirtää täällä. Jos sinulle tulee este, ota yhteyttä vastaanotolle: { $phone }, { $email }.

## Tietopyynnöt ja vienti (issue 12: /mydata, tietopyynnöt)
mydata-still-pending = Edellinen tietopyyntösi odottaa vielä vastausta, joten uutta pyyntöä ei tarvita. Vastaanotto vastaa siihen viimeistään { $due }. Kysymykset: { $email }.
mydata-summary-consents-asked = • markkinointiluvista kysyttiin: { $date }
mydata-summary-retention-asked = • { $asked } kysyimme, säilytetäänkö tietosi (et ole vielä vastannut)
mydata-summary-retention-answered = • { $asked } kysyimme, säilytetäänkö tietosi; ne säilytettiin, koska vastasit tai käytit bottia { $answered }
admin-request-not-delivered = Tiedoston lähetys asiakkaalle epäonnistui (asiakas on ehkä estänyt botin). Pyyntö odottaa yhä: yritä myöhemmin uudelleen tai toimita tiedot muuta kautta.

## Markkinointilista (issue 14, kohta 7: /export marketing, A16)
command-export = Markkinointilista tiedostona (/export marketing)
audit-action-marketing-export = luovutti yhteystiedot markkinointilistalle
admin-export-usage = Käyttö: /export marketing – lähettää CSV-tiedoston asiakkaista, joiden sähköposti- tai tekstiviestimarkkinoinnin lupa on voimassa.
admin-export-marketing-empty = Kenelläkään ei ole voimassa olevaa sähköposti- tai tekstiviestimarkkinoinnin lupaa.
admin-export-marketing-file = markkinointilista
admin-export-marketing-caption =
    { $count ->
        [one] { $count } asiakas
       *[other] { $count } asiakasta
    }: sähköposti { $email }, tekstiviesti { $sms }.
    Tiedostossa on henkilötietoja: säilytä se vain niin kauan kuin tarvitset. Ota lista joka kerta uudestaan, jotta peruutetut luvat eivät jää siihen. Sähköpostilla tulleen peruutuksen voit kirjata komennolla /customer.
marketing-csv-first-name = Etunimi
marketing-csv-last-name = Sukunimi
marketing-csv-email = Sähköposti
marketing-csv-email-consent-at = Sähköpostilupa annettu
marketing-csv-email-wording = Sähköpostiluvan tekstin versio
marketing-csv-phone = Puhelin
marketing-csv-sms-consent-at = Tekstiviestilupa annettu
marketing-csv-sms-wording = Tekstiviestiluvan tekstin versio

## Daily agenda (A15)
command-dailyagenda = Päivän varaukset joka aamu: kellonaika tai off
daily-agenda-title = Tämän päivän varaukset, { $day }: { $count ->
    [one] 1 varaus
   *[other] { $count } varausta
  }
daily-agenda-empty = Tänään, { $day }, ei ole varauksia.
daily-agenda-current = Saat päivän varaukset joka päivä klo { $time }.
daily-agenda-current-off = Päivittäinen varauslista ei ole käytössä.
daily-agenda-usage = Käytä: /dailyagenda 7.30 (kellonaika) tai /dailyagenda off (pois käytöstä).
daily-agenda-set = Selvä! Saat päivän varaukset joka päivä klo { $time }.
daily-agenda-off = Päivittäinen varauslista on nyt pois käytöstä.
daily-agenda-invalid = En tunnistanut kellonaikaa. Kirjoita esimerkiksi /dailyagenda 7.30 tai /dailyagenda off.

## Friendlier admin commands (issue 14, item 8)
admin-hours-rejected = { $count ->
    [one] Aukioloaikoja ei muutettu, koska yhdessä rivissä on virhe:
   *[other] Aukioloaikoja ei muutettu, koska { $count } rivissä on virhe:
  }
admin-hours-error-day = Rivi { $line }: ”{ $part }” ei ole viikonpäivä. Kirjoita esimerkiksi ma tai maanantai.
admin-hours-error-missing = Rivi { $line }: päivän ”{ $part }” perästä puuttuvat ajat. Kirjoita esimerkiksi 9-17 tai off.
admin-hours-error-time = Rivi { $line }: ”{ $part }” ei ole aikaväli. Kirjoita esimerkiksi 9-17 tai 9.00-17.00.
admin-hours-error-step = Rivi { $line }: ”{ $part }”: minuuttien pitää olla viiden minuutin välein, esimerkiksi 9.05 tai 9.30.
admin-hours-error-order = Rivi { $line }: ”{ $part }” päättyy ennen kuin alkaa.
admin-hours-error-overlap = Rivi { $line }: ”{ $part }” menee päällekkäin saman päivän toisen ajan kanssa.
help-admin-title = Ylläpitäjän komennot:
admin-stats-revenue-method = { "  " }{ $method }: { $revenue }

## Issue 14, A10–A11: asiakkaat ilman Telegramia, varaus asiakkaan puolesta, Telegram-linkit
button-admin-telegram-link = 🔗 Telegram-linkki
admin-telegram-link =
    Telegram-linkki asiakkaalle { $name }:
    { $link }

    Lähetä se asiakkaalle (tekstiviestillä tai sähköpostilla). Kun asiakas avaa linkin, hänen Telegraminsa liitetään tähän asiakastietoon: hän näkee varauksensa komennolla /mybookings ja saa muistutukset. Linkki toimii kerran, { $until } asti; uusi linkki korvaa tämän. Älä avaa linkkiä itse.
admin-telegram-link-already = { $name } on jo liitetty Telegramiin.
button-admin-export-customer = 📦 Vie tiedot
admin-export-customer-caption = Kaikki asiakkaasta { $name } tallennettu JSON-tiedostona, annettavaksi hänelle. Kirjattu vastatuksi tietopyynnöksi.
button-admin-erase-customer = 🗑 Poista tiedot
admin-erase-confirm = Poistetaanko asiakkaan tiedot pysyvästi? Tulevat varaukset perutaan ja kaikki asiakkaasta tallennettu poistetaan, paitsi maksutiedot, jotka kirjanpitolaki velvoittaa säilyttämään (ilman nimeä). Tee tämä vain, jos asiakas on sitä pyytänyt.
button-admin-erase-yes = Poista pysyvästi
button-admin-erase-no = Älä poista
admin-erase-kept = Mitään ei poistettu.
admin-erased = Poistettu. { $cancelled ->
        [0] Tulevia varauksia ei ollut peruttavana.
        [one] Yksi tuleva varaus peruttiin.
       *[other] { $cancelled } tulevaa varausta peruttiin.
    } { $payments ->
        [0] Säilytettäviä maksutietoja ei ollut.
        [one] Yksi maksutieto säilytetään ilman nimeä.
       *[other] { $payments } maksutietoa säilytetään ilman nimeä.
    }
retention-question-practice = Asiakkaalla { $name } (ei Telegramia) ei ole ollut käyntejä { $years ->
        [one] vuoteen
       *[other] { $years } vuoteen
    }. Hänen tietonsa poistetaan { $date }, ellei hänelle varata aikaa tai säilytä tietoja.
button-keep-data-practice = Säilytä tiedot
admin-retention-kept = Säilytetään: tietoja ei nyt poisteta.
admin-link-used = ✅ { $name } avasi Telegram-linkin: hänen Telegraminsa on nyt liitetty. Hän näkee varauksensa ja saa muistutukset.
admin-link-expired = { $name } avasi vanhentuneen Telegram-linkin, eikä mitään liitetty. Voit tehdä uuden linkin asiakaskortilta (/customer).
admin-link-used-again = Joku avasi asiakkaan { $name } Telegram-linkin sen jo tultua käytetyksi. Mitään ei muutettu.
admin-link-own-record = Asiakkaan { $name } Telegram-linkki avattiin Telegram-tililtä, jolla on jo oma asiakastietonsa ({ $own }), joten mitään ei liitetty. Tee varaukset sen asiakastiedon kautta (/customer) ja poista tekemäsi asiakastieto, jos kyse on samasta henkilöstä.
link-done = ✅ Telegramisi on nyt liitetty asiakastietoosi yrityksessä { $business }. Varauksesi näet komennolla /mybookings, ja saat muistutukset ennen käyntejäsi.
link-already = Telegramisi on jo liitetty asiakastietoosi yrityksessä { $business }. Varauksesi näet komennolla /mybookings.
link-invalid = Tämä linkki ei kelpaa. Jos sait sen yritykseltä { $business }, pyydä uusi: { $phone }.
link-expired = Tämä linkki on vanhentunut. Pyydä uusi yritykseltä { $business }: { $phone }.
link-used = Tämä linkki on jo käytetty. Jos tarvitset uuden, ota yhteyttä yritykseen { $business }: { $phone }.
link-own-record = Telegram-tililläsi on jo oma asiakastieto yrityksessä { $business }, joten tätä linkkiä ei voi käyttää. Varauksesi näet komennolla /mybookings, ja yritykselle { $business } on ilmoitettu. Kysymykset: { $phone }.
link-admin-opened = Tämä on asiakkaan Telegram-linkki: lähetä se asiakkaalle. Jos avaat sen itse, oma Telegram-tilisi liitettäisiin asiakkaaseen, joten mitään ei muutettu.
booking-confirmed-by-practice =
    ✅ { $business } on varannut sinulle ajan.

    { $service }
    { $when }
    Kesto: { $duration } min
    Hinta: { $price }
    Osoite: { $address }

    Peruaksesi tai muuttaaksesi lähetä /mybookings tai ota yhteyttä yritykseen { $business }: { $phone }, { $email }.
audit-action-customer-created = loi asiakastiedon
audit-action-telegram-link-created = teki Telegram-linkin
audit-action-telegram-linked = liitti Telegramin
audit-action-telegram-link-refused = Telegram-linkkiä ei hyväksytty
audit-field-expired = linkki oli vanhentunut
audit-field-used = linkki oli jo käytetty
audit-field-customer-linked-elsewhere = asiakas oli jo liitetty
audit-field-has-own-record = tilillä on oma asiakastieto
audit-field-retention = tietojen säilyttäminen

# The practitioner books for a customer (A10)
command-bookfor = Varaa asiakkaalle (puhelin tai vastaanotto)
button-admin-book-for = 📅 Varaa tälle asiakkaalle
admin-book-find-customer = Kenelle varaus tehdään? Kirjoita nimi, puhelinnumero tai sähköposti asiakkaan hakemiseksi, tai lisää uusi asiakas.
admin-book-pick-customer = Valitse asiakas, kirjoita uusi haku tai lisää uusi asiakas.
admin-book-search-short = Kirjoita vähintään kaksi merkkiä nimestä, puhelinnumerosta tai sähköpostista.
admin-book-no-match = Ketään ei löytynyt. Kokeile toista hakua tai lisää uusi asiakas.
button-admin-new-customer = ➕ Uusi asiakas
admin-book-duplicate = Tällä puhelinnumerolla tai sähköpostilla on jo asiakas. Onko se joku heistä, vai uusi asiakas ({ $name })?
button-admin-create-anyway = Lisää uutena asiakkaana
button-admin-outside-hours = 🕘 Aukioloaikojen ulkopuolella…
admin-book-outside-time = Kirjoita alkamisaika päivälle { $day } (esimerkiksi 18.30). Se voi olla aukioloaikojen ulkopuolella, mutta ei toisen varauksen päällä.
admin-book-bad-time = Tämä ei ole kellonaika. Kirjoita esimerkiksi 18.30 tai 7.05 (minuutit viiden minuutin välein).
admin-book-day-full = Päivänä ei ole vapaata aikaa aukioloaikojen sisällä.
admin-book-summary = Varataanko { $service } asiakkaalle { $name } { $when }?{ $outside ->
    [yes] {" "}(aukioloaikojen ulkopuolella)
   *[no] {""}
  }
admin-book-taken = Aika varattiin juuri. Valitse toinen.
admin-book-outside-hours = Aika on aukioloaikojen ulkopuolella (tai jo mennyt). Valitse aika listasta tai käytä painiketta "Aukioloaikojen ulkopuolella".
admin-book-service-unavailable = Hoitoa ei enää tarjota. Valitse toinen.
admin-book-customer-not-found = Asiakasta ei enää ole.
admin-book-invalid-time = Aikaa ei voi varata. Valitse toinen.
admin-book-aborted = Mitään ei varattu.
admin-book-done = Varattu: { $service } asiakkaalle { $name } { $when }. { $told ->
    [sent] Hänelle lähetettiin vahvistus ja kalenteritiedosto Telegramissa.
    [failed] Vahvistusta ei voitu lähettää Telegramissa: kerro hänelle itse.
   *[other] Asiakas ei ole Telegramissa: kerro hänelle itse.
  }
## The week (issue 14, item 4: /week, /agenda, A13)
command-week = Viikko yhdellä silmäyksellä
calendar-week-title = Viikko { $week }: { $from } – { $to }
calendar-week-summary = { $count ->
    [one] 1 varaus
   *[other] { $count } varausta
  }, vapaata { $free }
calendar-week-count = { $count ->
    [one] 1 varaus
   *[other] { $count } varausta
  }
calendar-day-heading = { $day } · { $hours } { $today }
calendar-today = (tänään)
calendar-booking-line = { "  " }{ $time } { $name }, { $service }{ $marks }
calendar-blocked = { "  " }⛔ { $time } estetty
calendar-blocked-day = { "  " }⛔ koko päivä estetty
calendar-free = { "  " }vapaata { $times } ({ $total })
calendar-day-summary = { $day }: { $count ->
    [one] 1 varaus
   *[other] { $count } varausta
  }
calendar-week-too-long = Viikolla on niin paljon varauksia, että ne näkyvät päivä kerrallaan: valitse päivä alta.
calendar-open-hours = Auki: { $hours }
calendar-week-usage = Käytä: /week, /week seuraava tai /week 24.12. (viikko, jolla päivä on).
calendar-card =
    { $when }
    { $service }, { $price }
    { $name }
calendar-card-attendance-none = Käyntiä ei ole merkitty.
calendar-card-unpaid = 💶 Maksua ei ole kirjattu.
calendar-card-paid = 💶 Maksettu { $amount } (kuitti nro { $number })
calendar-card-cancelled = Varaus on peruttu.
button-week-previous = ◀ Edellinen
button-week-next = Seuraava ▶
button-week-current = Tämä viikko
button-week-of = Viikko { $week }
duration-hours-minutes = { $hours } h { $minutes } min
duration-hours = { $hours } h
duration-minutes = { $minutes } min

## Calendar subscription (issue 14, item 5: /calendarfeed, A14)
command-calendarfeed = Varaukset puhelimen kalenteriin (tilausosoite)
feed-setup-needed = Kalenteritilaus tarvitsee botin HTTP-palvelimen ja sille julkisen https-osoitteen. Palvelimen ylläpitäjän pitää asettaa:
feed-setup-http = • HTTP_PORT: portti, jossa botin HTTP-palvelin kuuntelee (webhook-tilassa palvelin on jo käynnissä).
feed-setup-url = • PUBLIC_URL: osoite, josta palvelimeen pääsee internetistä, esimerkiksi https://botti.example.fi (webhook-tilassa WEBHOOK_URL käy sellaisenaan).
feed-address =
    📅 Kalenteritilauksesi osoite:
    { $address }

    Lisää se puhelimesi kalenteriin tilattuna kalenterina:
    • iPhone: Asetukset → Kalenteri → Tilit → Lisää tili → Muu → Lisää tilattu kalenteri, ja liitä osoite.
    • Google-kalenteri (tietokoneella): Muut kalenterit → + → URL-osoitteesta, ja liitä osoite. Android-puhelin näyttää sen sitten Google-kalenterissa.
    Kalenterissa näkyvät varaukset 30 päivää taaksepäin ja vuoden eteenpäin sekä estetyt ajat. Muutokset päivittyvät, kun kalenterisovellus hakee tilauksen uudelleen; Google-kalenterissa siihen voi mennä useita tunteja.

    { $names }

    Osoite on salainen: kuka tahansa, jolla se on, näkee varauksesi. Jos se joutuu vääriin käsiin, tee uusi komennolla /calendarfeed uusi – vanha lakkaa toimimasta heti. Osoitetta ei voi näyttää uudelleen.
feed-names-shown = Asiakkaiden nimet näkyvät kalenterissa, joten myös kalenteripalvelusi (Google tai Apple) tallentaa ne. Voit piilottaa ne painikkeella tai komennolla /calendarfeed nimet pois.
feed-names-hidden = Asiakkaiden nimet on piilotettu: kalenterissa näkyy vain palvelu.
feed-status =
    📅 Kalenteritilaus on käytössä (osoite tehty { $since }).
    { $names }
    { $fetched }

    Osoitetta ei voi näyttää uudelleen, koska siitä on tallessa vain tarkiste. Jos tarvitset sen, tee uusi: vanha lakkaa silloin toimimasta.
feed-status-fetched = Kalenterisovellus haki sen viimeksi { $last } ({ $count ->
    [one] kerran
   *[other] { $count } kertaa
  } viimeisen 7 päivän aikana).
feed-status-never-fetched = Kalenterisovellus ei ole vielä hakenut sitä.
feed-revoked = Kalenteritilaus on lopetettu: osoite ei enää toimi. Poista tilattu kalenteri myös puhelimestasi.
feed-none = Sinulla ei ole kalenteritilausta. Tee se komennolla /calendarfeed.
feed-names-now-hidden = Asiakkaiden nimet piilotetaan kalenterista. Muutos näkyy, kun kalenterisovellus seuraavan kerran hakee tilauksen.
feed-names-now-shown = Asiakkaiden nimet näytetään kalenterissa (ja kalenteripalvelusi tallentaa ne). Muutos näkyy, kun kalenterisovellus seuraavan kerran hakee tilauksen.
feed-usage = Käytä: /calendarfeed (tila, tai osoite ensimmäisellä kerralla), /calendarfeed uusi, /calendarfeed pois, /calendarfeed nimet pois tai /calendarfeed nimet päälle.
button-feed-new = 🔄 Uusi osoite (vanha lakkaa toimimasta)
button-feed-off = 🗑 Lopeta tilaus
button-feed-hide-names = 🙈 Piilota asiakkaiden nimet
button-feed-show-names = 👤 Näytä asiakkaiden nimet
feed-calendar-name = Varaukset – { $business }
feed-booking = { $service }
feed-booking-named = { $name } – { $service }
feed-blocked = Estetty

## Audit as sentences (issue 14, item 8: /audit)
audit-sentence = { $when } – { $actor } { $did }{ $times }.
audit-sentence-fields = { $when } – { $actor } { $did }: { $fields }{ $times }.
audit-times = { " " }({ $count ->
    [one] kerran
   *[other] { $count } kertaa
  })
audit-actor-admin-named = { $name } (vastaanotto)
audit-did-search = löysi asiakkaan haulla
audit-did-view-contact = katsoi asiakkaan yhteystiedot
audit-did-view-card = avasi asiakaskortin
audit-did-view-audit = katsoi tämän lokin
audit-did-view = katsoi tietoja
audit-did-attendance = merkitsi, tuliko asiakas vastaanotolle
audit-did-payment = kirjasi maksun
audit-did-change-own = muutti tietojaan
audit-did-change = muutti asiakkaan tietoja
audit-did-consent-own = muutti markkinointilupiaan
audit-did-consent = kirjasi, että asiakas kielsi markkinoinnin
audit-did-export-own = sai kopion tiedoistaan
audit-did-export = lähetti asiakkaalle kopion hänen tiedoistaan
audit-feed-views = { $when } – { $actor } sai asiakkaan varaukset nimineen kalenteritilaukseensa { $count ->
    [one] kerran
   *[other] { $count } kertaa
  }.

## /off in words (issue 14, item 8)
admin-off-day = Vastaanotto on suljettu koko päivän { $day }.
admin-off-days = Vastaanotto on suljettu { $from } – { $to }, koko päivät.
admin-off-time = Vastaanotto on suljettu { $day } klo { $from }–{ $to }.
admin-off-range = Vastaanotto on suljettu { $from } – { $to }.
admin-off-inside = { $count ->
    [0] Tälle ajalle ei ole varauksia.
    [one] Tälle ajalle on jo yksi varaus:
   *[other] Tälle ajalle on jo { $count } varausta:
  }
receipt-file = kuitti-{ $number }

## /services as a button menu (issue 14, item 8)
services-title = Palvelut (napauta palvelua muuttaaksesi sitä):
services-none = Palveluita ei ole. Lisää ensimmäinen alla olevalla painikkeella.
services-line = { $name } – { $minutes } min, { $price }, tauko { $buffer } min, { $vat }
services-inactive-mark = (pois käytöstä)
services-card =
    { $line }
    { $status }
    Nimet: suomeksi ”{ $fi }”, ruotsiksi ”{ $sv }”, englanniksi ”{ $en }”
    { $booked }
services-active = Käytössä: asiakkaat voivat varata sen.
services-inactive = Pois käytöstä: asiakkaat eivät näe sitä.
services-booked = Palvelua on varattu, joten sitä ei voi poistaa; voit ottaa sen pois käytöstä.
services-never-booked = Palvelua ei ole koskaan varattu, joten sen voi myös poistaa.
services-gone = Palvelua ei enää ole.
services-activated = Otettu käyttöön.
services-deactivated = Otettu pois käytöstä.
services-delete-ask = Poistetaanko palvelu ”{ $name }” pysyvästi?
services-delete-booked = Palvelu ehdittiin varata, joten sitä ei poistettu. Voit ottaa sen pois käytöstä.
services-deleted = Poistettu: { $name }.
services-bad-minutes = Kirjoita minuutit viiden minuutin välein, esimerkiksi 45 tai 60 (enintään 480).
services-bad-buffer = Kirjoita tauon pituus minuutteina viiden minuutin välein, esimerkiksi 0, 10 tai 15 (enintään 240).
services-bad-vat = Kirjoita verokanta prosentteina, esimerkiksi 25,5, tai 0, jos palvelu on arvonlisäveroton.
services-bad-name = Kirjoita nimi yhdelle riville, enintään 60 merkkiä.
services-ask-price = { $name }: uusi hinta? Nyt { $current }. Kirjoita summa euroina, esim. 59 tai 59,50.
services-ask-minutes = { $name }: uusi kesto minuutteina? Nyt { $current } min.
services-ask-buffer = { $name }: tauko varauksen perään minuutteina? Nyt { $current } min. Tauon aikana uutta aikaa ei voi varata.
services-ask-vat = { $name }: arvonlisävero? Nyt { $current }. Laillistetun tai nimikesuojatun ammattihenkilön terveydenhoitopalvelu on arvonlisäveroton (AVL 34 §).
services-ask-name = { $name }: uusi nimi ({ $language })? Nyt ”{ $current }”.
services-not-changed = Ei muutettu.
services-invalid = Arvoa ei hyväksytty, joten mitään ei tallennettu.
services-add-aborted = Palvelua ei lisätty.
services-add-name = Uusi palvelu. Mikä on sen nimi ({ $language })? Asiakkaat näkevät sen varauspainikkeessa.
services-add-name-other = Nimi ({ $language })? Tai käytä samaa kuin suomeksi: ”{ $fi }”.
services-add-minutes = Kuinka pitkä hoito on (minuutteina)?
services-add-price = Mikä on hinta? Kirjoita summa euroina, esim. 59 tai 59,50.
services-add-buffer = Kuinka pitkä tauko varauksen perään (minuutteina)? Tauon aikana uutta aikaa ei voi varata.
services-add-confirm =
    Lisätäänkö tämä palvelu?
    { $line }
    Nimet: suomeksi ”{ $fi }”, ruotsiksi ”{ $sv }”, englanniksi ”{ $en }”
    Asiakkaat näkevät sen heti. Arvonlisäveron voit muuttaa palvelun kortilta.
services-added = Lisätty: { $name }. Asiakkaat näkevät sen heti.
button-service-price = 💶 Hinta
button-service-minutes = ⏱ Kesto
button-service-buffer = ☕ Tauko
button-service-vat = 🧾 ALV
button-service-name = 🏷 Nimi: { $language }
button-service-deactivate = ⏸ Pois käytöstä
button-service-activate = ▶ Käyttöön
button-service-delete = 🗑 Poista
button-service-delete-confirm = 🗑 Poista pysyvästi
button-services-list = ◀ Kaikki palvelut
button-service-add = ➕ Lisää palvelu
button-service-vat-exempt = Veroton (AVL 34 §)
button-service-same-name = Sama kuin suomeksi
button-service-save = ✓ Tallenna
button-admin-book-for-anyone = 📅 Varaa asiakkaalle
## Minisovellus (issue 15: ajanvarauskalenteri Telegramissa)
webapp-menu-button = Kalenteri
webapp-open-button = 📅 Avaa ajanvarauskalenteri
webapp-book-hint = Voit valita ajan myös ajanvarauskalenterista:
webapp-title = Ajanvaraus
webapp-tab-book = Varaa
webapp-tab-bookings = Varaukseni
webapp-tab-week = Viikko
webapp-tab-hours = Aukioloajat
webapp-loading = Ladataan…
webapp-error = Jokin meni vikaan. Yritä uudelleen.
webapp-auth-error = Avaa kalenteri botin valikkopainikkeesta Telegramissa.
webapp-choose-service = Valitse hoito
webapp-choose-day = Valitse päivä
webapp-choose-time = Valitse aika: { $day }
webapp-no-times = Tälle päivälle ei ole vapaita aikoja.
webapp-previous-month = Edellinen kuukausi
webapp-next-month = Seuraava kuukausi
webapp-details = Yhteystietosi
webapp-first-name = Etunimi
webapp-last-name = Sukunimi
webapp-email = Sähköposti
webapp-phone = Puhelin (vapaaehtoinen)
webapp-privacy-title = Tietosuoja
webapp-privacy-text = Lue ennen ensimmäistä varaustasi, miten { $controller } käsittelee henkilötietojasi. Lyhyesti: tallennamme vain varaukseen tarvittavat tiedot – nimesi, sähköpostiosoitteesi, halutessasi puhelinnumerosi sekä varauksesi – ja käytämme niitä varaustesi hoitamiseen.
webapp-privacy-read = Lue tietosuojaseloste
webapp-privacy-ack = Olen lukenut tietosuojaselosteen
webapp-consents-title = Uutiset ja tarjoukset (vapaaehtoinen)
webapp-continue = Jatka
webapp-booked = ✅ Aikasi on varattu
webapp-booked-text = Vahvistus ja kalenteritiedosto ovat keskustelussasi botin kanssa.
webapp-book-another = Varaa toinen aika
webapp-no-bookings = Sinulla ei ole tulevia varauksia.
webapp-move-title = Uusi aika: { $service }
webapp-week-previous = Edellinen viikko
webapp-week-next = Seuraava viikko
webapp-week-this = Tämä viikko
webapp-blocked = Suljettu
webapp-whole-day = koko päivä
webapp-unblock = Poista sulku
webapp-unblocked = Sulku on poistettu: ajan voi taas varata.
webapp-block-title = Sulje aikaa
webapp-block-from = Ensimmäinen päivä
webapp-block-to = Viimeinen päivä (vapaaehtoinen)
webapp-block-start-time = Alkaen (vapaaehtoinen)
webapp-block-end-time = Asti (vapaaehtoinen)
webapp-block-submit = Sulje aika
webapp-block-invalid = Tarkista päivät ja kellonajat: lopun pitää olla alun jälkeen.
webapp-hours-title = Viikoittaiset aukioloajat
webapp-hours-add = Lisää aika
webapp-hours-remove = Poista
webapp-hours-save = Tallenna
webapp-hours-start = Alkaa
webapp-hours-end = Päättyy
webapp-hours-invalid = Tarkista kellonajat: jokaisen pitää päättyä alkunsa jälkeen, viiden minuutin välein, eivätkä ne saa mennä päällekkäin.
webapp-saved = Tallennettu.
webapp-close = Sulje
webapp-amount = Summa (€)
webapp-record-payment = Kirjaa maksu
webapp-cancel-submit = Peru varaus ja ilmoita asiakkaalle
webapp-customer = Asiakas
webapp-status = Tila
webapp-moved-done = Siirretty: { $from } → { $to }. Asiakkaalle on ilmoitettu.
webapp-moved-by-practice =
    ↻ Vastaanotto on siirtänyt varauksesi.

    { $service }
    Uusi aika: { $to }
    (aiemmin { $from })
    Osoite: { $address }

    Jos uusi aika ei sovi sinulle, soita { $phone }.
## Jonotuslista ja äkkilähdöt (issue 16)
button-waitlist-join = 🔔 Kerro, kun aika vapautuu
button-waitlist-that-day = Vain se päivä
button-waitlist-days = Seuraavat { $days } päivää
button-waitlist-part-any = Mihin aikaan päivästä tahansa
button-waitlist-part-morning = Aamupäivä (ennen klo { $to })
button-waitlist-part-afternoon = Iltapäivä (klo { $from }–{ $to })
button-waitlist-part-evening = Ilta (klo { $from } alkaen)
waitlist-ask-days = Lähetän viestin, jos aika vapautuu. Mitkä päivät sinulle sopisivat?
waitlist-no-days = Tähän hoitoon ei ole nyt vapaita aikoja. Voin lähettää viestin, jos aika vapautuu: mitkä päivät sinulle sopisivat?
waitlist-ask-part = Mihin aikaan päivästä sinulle sopii?
waitlist-part-any = mihin aikaan tahansa
waitlist-part-morning = aamupäivisin
waitlist-part-afternoon = iltapäivisin
waitlist-part-evening = iltaisin
waitlist-joined =
    Olet jonotuslistalla: { $service }, { $from }–{ $to }, { $part }.
    Jos aika vapautuu, lähetän viestin vapaista ajoista; aika on sen, joka vahvistaa sen ensin. Voit poistua listalta kohdassa /mybookings. Pyyntö päättyy viimeisen päivänsä jälkeen.
waitlist-too-many = Sinulla on jo enimmäismäärä jonotuspyyntöjä. Voit poistaa vanhoja kohdassa /mybookings.
waitlist-offer =
    Aika vapautui: { $service }! Varaa valitsemalla aika. Aika on sen, joka vahvistaa sen ensin.
waitlist-offer-gone = Valitettavasti aika ehdittiin jo varata. Olet edelleen jonotuslistalla.
waitlist-offer-unknown = Tämä tarjous ei ole enää voimassa.
button-waitlist-take = { $day } { $time }
button-waitlist-leave = Ei enää tarjouksia
waitlist-left = Poistuit jonotuslistalta. Tästä pyynnöstä ei tule enää tarjouksia.
waitlist-removed = Jonotuspyyntö poistettiin.
waitlist-list-title = Olet jonotuslistalla:
waitlist-list-item =
    { $service }
    { $days }
waitlist-entry-days = { $days }, { $part }
button-waitlist-remove = ✖ Poista jonotuslistalta
admin-waitlist-booked = 🔔 Varattu jonotuslistalta: { $name }, { $service }, { $when }.
privacy-waitlist = Jos pyydät tietoa vapautuvista ajoista, säilytämme pyyntösi (hoito, päivät, vuorokaudenaika) ja sinulle tarjotut ajat pyynnön viimeisen päivän loppuun. Tarjoukset vastaavat omaan pyyntöösi, joten ne eivät ole markkinointia eivätkä vaadi markkinointisuostumusta.
command-lastminute = Tarjoa kahden seuraavan päivän vapaat ajat (äkkilähtö)
lastminute-none = Seuraavan { $hours } tunnin aikana ei ole vapaita aikoja.
lastminute-gap = • { $from }–{ $to }
lastminute-draft =
    Vapaita aikoja lyhyellä varoitusajalla:
    { $gaps }
    Varaa komennolla /book.
waitlist-type-range = Tai kirjoita päivä tai aikaväli, esimerkiksi 1.12. tai 1.12.–5.12.
waitlist-bad-range = En tunnistanut päiviä. Kirjoita esimerkiksi 1.12. tai 1.12.–5.12., tai valitse painike.

# The Mini App's time-off and empty-day texts (kept for the Mini App when the chat's /off and /agenda got their own wording)
admin-agenda-empty = Ei varauksia.
admin-off-done = Estetty: { $from } – { $to }. Varauksia jo tällä välillä: { $count }.

# The practitioner moves a booking (A12)
button-admin-move = 🔁 Siirrä
admin-move-title = Varauksen siirto
admin-move-summary = Siirretäänkö varaus aikaan { $to }? Asiakkaalle kerrotaan, ja hän saa uuden kalenteritiedoston.
admin-move-aborted = Varausta ei siirretty.
admin-move-done = Siirretty: { $service } ajasta { $from } aikaan { $to }.

# The Mini App: the practitioner books for a customer (A10) and sees the waiting list per day (W4)
webapp-book-for-title = Varaus asiakkaalle
webapp-customer-search = Nimi, puhelinnumero tai sähköposti
webapp-search = Hae
webapp-email-optional = Sähköposti (vapaaehtoinen)
webapp-not-on-telegram = ei Telegramissa
webapp-waiting = ⏳ Jonossa { $count ->
    [one] { $count } asiakas
   *[other] { $count } asiakasta
  }
# The practitioner's week and day views: how many wait for a time (issue 16, W4)
calendar-waiting = { "  " }🔔 jonotuslistalla { $count ->
    [one] 1 asiakas
   *[other] { $count } asiakasta
  }
calendar-day-summary-waiting = · 🔔 { $count }

# Giving time off back from the day view (A3; those waiting are offered it, issue 16 W2)
button-calendar-unblock = ✓ Vapauta { $time }
button-calendar-unblock-day = ✓ Vapauta koko päivä
calendar-unblocked = Esto poistettu: aika on taas varattavissa.
calendar-unblock-none = Tässä ei ole enää estettyä aikaa.

# An offer message after someone else booked some of its times (issue 16, W2)
waitlist-offer-taken = ✖ Ehdittiin jo varata: { $times }.
waitlist-offer-all-taken = Olet edelleen jonotuslistalla; kerron, jos aika vapautuu taas.

# Waiting for a better time while moving a booking (issue 16, W1)
waitlist-move-ask-days = Varauksesi { $current } pysyy voimassa. Lähetän viestin, jos sopivampi aika vapautuu; voit silloin siirtää varauksesi siihen. Mitkä päivät sinulle sopisivat?
waitlist-move-no-days = Varauskaudella ei ole nyt muita vapaita aikoja. Varauksesi { $current } pysyy voimassa. Voin lähettää viestin, jos aika vapautuu, ja voit silloin siirtää varauksesi siihen: mitkä päivät sinulle sopisivat?
waitlist-joined-move =
    Olet jonotuslistalla varauksesi siirtoa varten (nyt { $current }): { $service }, { $from }–{ $to }, { $part }.
    Varauksesi pysyy ennallaan, kunnes siirrät sen. Jos aika vapautuu, lähetän viestin; aika on sen, joka vahvistaa sen ensin. Voit poistua listalta kohdassa /mybookings.
waitlist-offer-move =
    Aika vapautui: { $service }! Voit siirtää varauksesi { $current } johonkin näistä ajoista. Aika on sen, joka vahvistaa sen ensin.
waitlist-offer-gone-move = Valitettavasti aika ehdittiin jo varata. Varauksesi pysyy ennallaan, ja olet edelleen jonotuslistalla.
waitlist-list-item-move =
    { $service }: siirto ajasta { $current }
    { $days }
admin-waitlist-moved = 🔔 Siirretty jonotuslistalta vapautuneeseen aikaan: { $name }, { $service }, { $from } → { $to }.
