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

    Valitse alta, tai aloita varaus komennolla /book. Miten käsittelemme tietojasi, kerrotaan kohdassa /privacy.
help =
    Voit tehdä täällä näin:
    /book – varaa aika
    /mybookings – katso, peru tai siirrä varauksiasi
    /profile – katso ja korjaa tietosi
    /marketing – valitse, millaista markkinointia sallit
    /unsubscribe – lopeta kaikki markkinointi kerralla
    /mydata – saat kopion kaikista sinusta tallennetuista tiedoista
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
button-cancel = ✖ Peruuta
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
booking-use-buttons = Valitse yllä olevilla painikkeilla, tai keskeytä komennolla /cancel.
booking-type-text = Kirjoita vastauksesi tekstinä, tai käytä yllä olevia painikkeita.
booking-command-in-flow = Varauksesi on kesken. Jatka yllä olevilla painikkeilla tai keskeytä komennolla /cancel.
booking-cancelled = Varaus peruttu. Mitään ei varattu.
booking-confirm-details =
    Käytetäänkö viimeksi antamiasi tietoja?

    Nimi: { $name }
    Sähköposti: { $email }
    Puhelin: { $phone }
booking-ask-firstName = Kirjoita etunimesi.
booking-ask-lastName = Kirjoita sukunimesi.
booking-ask-email = Kirjoita sähköpostiosoitteesi. Tarvitsemme sen, jotta tavoitamme sinut varaukseen liittyen; muuta emme lähetä ilman lupaasi.
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
    Ennen ensimmäistä varaustasi lue, miten { $controller } käsittelee henkilötietojasi: koko seloste aukeaa komennolla /privacy (varauksesi odottaa täällä).

    Lyhyesti: tallennamme vain varauksen tarvitsemat tiedot – nimesi, sähköpostisi, halutessasi puhelinnumerosi sekä varauksesi – ja käytämme niitä vain asiakaspalveluun. Älä lähetä terveystietoja tässä keskustelussa.
booking-consents =
    Saako { $business } lähettää sinulle uutisia ja tarjouksia? Lupa on täysin vapaaehtoinen eikä vaikuta varaukseesi. Rastita sallimasi kanavat ja paina Jatka. Voit perua luvan milloin tahansa.
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
    Varauksen voi perua tai siirtää täällä { $hours } tuntiin ennen sen alkua asti. Myöhemmistä muutoksista sovi suoraan vastaanoton kanssa: { $phone }, { $email }.
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
command-mydata = Kopio tiedoistasi
command-unsubscribe = Lopeta kaikki markkinointi
command-deleteme = Poista tietosi
marketing-status =
    Markkinointi, { $business }: rastita kanavat, joiden kautta saamme lähettää sinulle uutisia ja tarjouksia. Vapaaehtoista; voit muuttaa milloin tahansa napauttamalla.
marketing-granted = Lupa annettu.
marketing-withdrawn = Lupa peruttu.
unsubscribed = Valmis: { $business } ei lähetä sinulle markkinointia Telegramissa, sähköpostilla eikä tekstiviestillä. Varauksiisi tämä ei vaikuta.
marketing-message =
    📣 Uutisia: { $business } (markkinointia – olet sallinut sen)

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

    Säilytysajat: niin kauan kuin olet asiakas; 3 vuoden käyttämättömyyden jälkeen kysymme ja poistamme, jos et vastaa. Maksutiedot 6 vuotta tilikauden päättymisestä (kirjanpitolaki). Lokimerkinnät vähintään 2 vuotta.

    Oikeutesi: korjaa tietosi komennolla /profile, lopeta markkinointi komennolla /unsubscribe, poista tietosi komennolla /deleteme. Saat tämän kopion kahdesti vuodessa heti; muissa asioissa ota yhteyttä: { $contact } ({ $email }). Voit myös tehdä valituksen tietosuojavaltuutetulle (tietosuoja.fi).
mydata-pending = Olet jo saanut tietosi kahdesti viimeisen 12 kuukauden aikana, kuten tietosuojaseloste lupaa heti. Pyyntösi on kirjattu, ja vastaanotto vastaa siihen viimeistään { $due }. Kysymykset: { $email }.
deleteme-explain =
    Poistetaanko tietosi?

    • Tulevat varauksesi perutaan (vastaanotolle ilmoitetaan).
    • Nimesi, yhteystietosi, lupasi, varauksesi ja keskustelun tila poistetaan.
    • Maksutiedot ja kuitit säilytetään kirjanpitolain vaatimat 6 vuotta tilikauden päättymisestä, mutta ilman nimeäsi tai muuta yhteyttä sinuun.

    Poistoa ei voi perua. Sen jälkeen olet tälle botille uusi asiakas.
button-deleteme-yes = Kyllä, poista tietoni
button-deleteme-no = Ei, säilytä
deleteme-kept = Mitään ei poistettu.
deleteme-nothing = Sinusta ei ollut poistettavia tietoja.
deleteme-done =
    Tietosi on poistettu. Peruttuja varauksia: { $cancelled }.

    Säilytetty: { $payments } maksutieto(a) ilman nimeäsi tai muuta yhteyttä sinuun, koska kirjanpitolaki vaatii säilyttämään kuitit 6 vuotta tilikauden päättymisestä. Sen jälkeen nekin poistetaan.
retention-question =
    Et ole käyttänyt palveluja ({ $business }) { $years } vuoteen. Säilytämme asiakastietoja vain asiakassuhteen jatkuessa. Säilytetäänkö tietosi?

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
admin-agenda-title = { $day }: { $count } varaus(ta)
admin-agenda-line = { $time } { $service } – { $name } { $status }
admin-agenda-empty = Ei varauksia.
admin-agenda-usage = Käytä: /agenda, /agenda 24.12., /agenda 2026-12-24 tai /agenda viikko.
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
admin-hours-usage = Päivän muutos: /hours ma 09:00-12:00 12:30-17:00, tai /hours la off.
admin-off-usage = Käytä: /off 24.12., /off 24.12. 31.12., tai /off 24.12. 12:00-17:00.
admin-off-done = Estetty: { $from } – { $to }. Varauksia jo tällä välillä: { $count }.
button-admin-cancel-inside = Peru nämä { $count } ja ilmoita asiakkaille
admin-off-reason = vastaanotto on silloin suljettu
admin-off-cancelled = Peruttu { $count } varaus(ta); asiakkaille on ilmoitettu.
customer-cancelled-by-practice =
    ❌ Vastaanoton on valitettavasti peruttava varauksesi:
    { $when }
    { $service }
    Syy: { $reason }

    Pahoittelemme. Valitse uusi aika komennolla /book tai soita { $phone }.
admin-saved = Tallennettu.
admin-services-usage =
    Muutos: /services <tunnus> price 59,00 · minutes 60 · buffer 15 · vat exempt | 25,5 · name fi <nimi> · on · off
    Uusi: /services add <tunnus> <minuutit> <hinta> <suomeksi> | <ruotsiksi> | <englanniksi>
admin-service-line = { $key }: { $name }, { $minutes } min, { $price }, tauko { $buffer } min, ALV { $vat }, { $active }
admin-vat-exempt = veroton
admin-active = käytössä
admin-inactive = pois käytöstä
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
    Markkinointi: { $consents }

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
admin-audit-title = Katselut ja muutokset (uusin viimeisenä):
admin-requests-none = Odottavia tietopyyntöjä ei ole.
admin-request-line =
    📄 Tietopyyntö: { $name }
    Tehty: { $requested }
    Määräpäivä: { $due }
button-admin-answer-request = Lähetä tiedot asiakkaalle
admin-request-gone = Tähän pyyntöön on jo vastattu.
admin-request-answered = Vastattu: asiakas sai tietonsa.
admin-stats =
    { $label }
    Varauksia: { $bookings }
    Peruutuksia: { $cancellations }
    Saapumatta jääneitä: { $noShowRate }
    Myynti: { $revenue }
admin-this-week = Tämä viikko
admin-this-month = Tämä kuukausi
admin-cancel-ask-reason = Kirjoita peruutuksen syy. Se lähetetään asiakkaalle.
admin-cancel-aborted = Ei peruttu.
admin-cancel-done = Peruttu; asiakkaalle on ilmoitettu.
admin-broadcast-ask = Kirjoita markkinointiviesti. Se lähtee vain asiakkaille, jotka ovat sallineet markkinoinnin Telegramissa.
admin-broadcast-aborted = Mitään ei lähetetty.
admin-broadcast-too-long = Viesti on liian pitkä (enintään 3 000 merkkiä).
admin-broadcast-preview =
    Esikatselu:

    { $preview }

    Vastaanottajia: { $count }
button-admin-send-broadcast = Lähetä { $count } asiakkaalle
admin-broadcast-started = Lähetetään { $count } asiakkaalle. Kerron edistymisestä.
broadcast-progress = Lähetys: { $done } / { $total } valmiina.
broadcast-done = Lähetys valmis: lähetetty { $sent }, ohitettu (lupa peruttu) { $skipped }, epäonnistui { $failed }.
admin-cancelled-by-admin =
    ❌ Vastaanotto perui varauksen
    { $when }
    { $service }
    Asiakas: { $name }

## Tietosuojaseloste (P1)
privacy-notice =
    🔒 Tietosuojaseloste – asiakas- ja ajanvarausrekisteri

    Rekisterinpitäjä: { $controller } (Y-tunnus { $businessId }), { $address }, { $email }.
    Yhteyshenkilö tietosuoja-asioissa: { $contact }, { $phone }, { $email }.

    Mihin tietoja käytetään: varaustesi vastaanottamiseen ja hoitamiseen, asiakassuhteen hoitamiseen, maksu- ja laskutustietojen ylläpitoon sekä – vain luvallasi – uutisten ja tarjousten lähettämiseen. Käsittely perustuu asiakassuhteeseemme, maksutietojen osalta kirjanpitolakiin ja markkinoinnin osalta suostumukseesi.

    Mitä tallennamme: etu- ja sukunimesi, sähköpostiosoitteesi ja kielesi; halutessasi puhelinnumerosi, osoitteesi, sukupuolesi ja syntymävuotesi; varauksesi, käyntisi ja maksusi; markkinointilupasi kanavittain (Telegram, sähköposti, tekstiviesti) historioineen; milloin viimeksi käytit bottia; sekä kuka tietojasi on katsonut tai muuttanut. Emme koskaan kysy henkilötunnustasi. Hoitotietoja ei tallenneta tähän bottiin; älä lähetä terveystietoja täällä.

    Mistä tiedot saadaan: sinulta itseltäsi, kun varaat ajan tai päivität tietojasi.

    Kenelle tietoja luovutetaan: ei kenellekään vastaanoton ulkopuolelle. Rekisterin tietoja ei luovuteta kolmansille osapuolille eikä siirretä EU:n tai ETA:n ulkopuolelle. Huomaa, että tämä keskustelu kulkee Telegramin kautta: Telegram välittää ja säilyttää viestit oman tietosuojakäytäntönsä mukaisesti ja voi käsitellä niitä EU:n tai ETA:n ulkopuolella. Botti ei näe IP-osoitettasi.

    Säilytysaika: niin kauan kuin olet asiakkaamme. Jos et ole käyttänyt palvelujamme 3 vuoteen, kysymme, säilytetäänkö tietosi, ja muuten poistamme ne. Maksutiedot ja kuitit säilytetään kirjanpitolain mukaisesti 6 vuotta tilikauden päättymisestä.

    Oikeutesi: saada nähdä tietosi ja saada niistä kopio (koko luettelo enintään kaksi kertaa vuodessa), vaatia virheellisen tiedon korjaamista, vaatia tietojesi poistamista lain sallimissa rajoissa, kieltää markkinointi milloin tahansa sekä tehdä valitus tietosuojavaltuutetulle (tietosuoja.fi). Useimmat onnistuvat suoraan täällä: /mydata (tietosi tiedostona), /profile (korjaa), /deleteme (poista), /marketing ja /unsubscribe (markkinointi). Tai ota yhteyttä: { $contact }, { $email } tai { $phone }.

    Tietoturva: tiedot säilytetään suojatussa tietokannassa, johon on pääsy vain vastaanotolla; sähköposti, puhelinnumero ja osoite tallennetaan salattuina, ja jokainen vastaanoton katselu tai muutos kirjataan lokiin. Jos tietomurto koskee sinua, kerromme siitä mahdollisimman pian ja kerromme myös, mihin toimiin ryhdyimme.

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
