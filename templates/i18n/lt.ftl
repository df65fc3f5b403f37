# Lietuvių. Plurals: select on PLURAL($count) (CLDR categories: one, few,
# many, other; "many" is for fractions). Every key a participant or the public
# sees is here (public pages, the participant's own page, every email);
# organiser pages fall back to English with a notice (see src/i18n.rs).
# Formal address: "jūs".

language-name = Lietuvių
language-complete = no
language-fallback-notice = Šis puslapis rodomas anglų kalba.

skip-to-content = Pereiti prie pagrindinio turinio
nav-language = Kalba
footer-text = Cohort – mokymų ciklų registracija ir lankomumas
yes = Taip
no = Ne
title-error-prefix = Klaida

## Dates: $weekday, $day, $month (two digits), $monthname, $year, $time, $end, $zone
format-date = { $year } m. { $monthname } { $day } d., { $weekday }
format-datetime = { $year } m. { $monthname } { $day } d., { $time } ({ $zone })
format-span = { $year } m. { $monthname } { $day } d., { $weekday }, { $time }–{ $end } ({ $zone })
format-until = { $year } m. { $monthuntil } { $day } d., { $time } ({ $zone })
format-day = { $year } m. { $monthname } { $day } d.
weekday-1 = pirmadienis
weekday-2 = antradienis
weekday-3 = trečiadienis
weekday-4 = ketvirtadienis
weekday-5 = penktadienis
weekday-6 = šeštadienis
weekday-7 = sekmadienis
month-1 = sausio
month-2 = vasario
month-3 = kovo
month-4 = balandžio
month-5 = gegužės
month-6 = birželio
month-7 = liepos
month-8 = rugpjūčio
month-9 = rugsėjo
month-10 = spalio
month-11 = lapkričio
month-12 = gruodžio
month-until-1 = sausio
month-until-2 = vasario
month-until-3 = kovo
month-until-4 = balandžio
month-until-5 = gegužės
month-until-6 = birželio
month-until-7 = liepos
month-until-8 = rugpjūčio
month-until-9 = rugsėjo
month-until-10 = spalio
month-until-11 = lapkričio
month-until-12 = gruodžio
zone-europe-riga = Latvijos laikas
zone-europe-vilnius = Lietuvos laikas
zone-europe-tallinn = Estijos laikas
zone-europe-helsinki = Suomijos laikas
zone-asia-almaty = Almatos laikas
zone-asia-tashkent = Taškento laikas
zone-utc = UTC
zone-other = { $city } laikas, UTC{ $offset }

## Errors
error-not-found = Puslapis nerastas
error-forbidden = To padaryti negalite
error-csrf = Ši forma nebegalioja arba buvo išsiųsta ne iš šios svetainės. Grįžkite, iš naujo įkelkite puslapį ir bandykite dar kartą.
error-too-many = Per daug bandymų. Palaukite kelias minutes ir bandykite dar kartą.
error-too-large = Jūsų siunčiami duomenys per dideli.
error-bad-request = Užklausos nepavyko perskaityti.
error-internal = Atsiprašome, mūsų pusėje įvyko klaida. Bandykite vėliau.
error-unavailable = Paslauga trumpam nepasiekiama (neatsako jos duomenų bazė). Niekas iš to, ką siuntėte, neišsaugota. Bandykite dar kartą po minutės.
error-back-home = Į pradžios puslapį
error-request-id = Klaidos numeris
error-summary-title = Iškilo problema
error-prefix = Klaida
error-bad-link = Ši nuoroda neveikia: ji gali būti nukirpta arba neteisingai įvesta. Galime jums atsiųsti jūsų nuorodą dar kartą.
error-setup-link = Ši paskyros kūrimo nuoroda jau panaudota arba nebegalioja: kiekviena veikia vieną kartą. Jei ja sukūrėte paskyrą, prisijunkite; kitaip paprašykite administratoriaus naujos.
error-setup-sign-in = Prisijungti

## Public pages
index-title = Mokymų ciklai
index-empty = Šiuo metu paskelbtų mokymų ciklų nėra.
index-starts = Prasideda
cycle-opens-at = Registracija prasidės { $when }
cycle-open-until = Registracija vyksta iki { $when }
cycle-closed = Šio ciklo registracija baigta.
cycle-full = Visos vietos užimtos, o laukiančiųjų sąrašas nesudaromas.
cycle-waitlist-note = Visos vietos užimtos. Jei užsiregistruosite dabar, būsite įrašyti į laukiančiųjų sąrašą ir automatiškai gausite vietą, kai ji atsilaisvins.
cycle-schedule = Tvarkaraštis
cycle-times-in-zone = Laiko juosta: { $zone }.
cycle-register = Registruotis
cycle-seats = Vietos
cycle-deadline = Registracijos terminas
cycle-submit = Registruotis
cycle-contact = Klausimai
seats-left = { PLURAL($count) ->
    [one] Liko { $count } vieta
    [few] Liko { $count } vietos
   *[other] Liko { $count } vietų
}
session-online = Nuotoliu
mode-in-person = Kontaktiniu būdu
mode-online = Nuotoliu
summary-title = Trumpai
summary-audience = Kam skirta: { $who }
summary-dates = { PLURAL($count) ->
    [one] { $count } užsiėmimas, { $first }
    [few] { $count } užsiėmimai, pirmasis { $first }, paskutinis { $last }
   *[other] { $count } užsiėmimų, pirmasis { $first }, paskutinis { $last }
}
summary-date-one = Vienas užsiėmimas, { $when }
summary-full = Vietų nebėra
summary-full-waitlist = Vietų nebėra – galite įsirašyti į laukiančiųjų sąrašą
summary-start = Pradėti registraciją
summary-start-waitlist = Įsirašyti į laukiančiųjų sąrašą

## Registration form
field-first-name = Vardas
field-last-name = Pavardė
field-email = El. pašto adresas
field-phone = Telefono numeris
field-optional = (neprivaloma)
field-institution = Įstaiga
field-institution-type = Įstaigos tipas
field-position = Pareigos
field-region = Apskritis arba savivaldybė
field-country = Šalis
field-country-hint = Dviejų raidžių kodas, pavyzdžiui, LT, LV arba EE
field-language = Laiškų kalba
field-consent = Sutinku, kad mano duomenys būtų tvarkomi šiam mokymų ciklui organizuoti, kaip aprašyta privatumo pranešime.
field-honeypot = Palikite šį laukelį tuščią
institution-museum = Muziejus
institution-library = Biblioteka
institution-archive = Archyvas
institution-gallery = Galerija
institution-other = Kita
field-required-first-name = Įveskite savo vardą
field-required-last-name = Įveskite savo pavardę
field-required-email = Įveskite savo el. pašto adresą
field-required-institution = Įveskite savo įstaigos pavadinimą
field-required-institution-type = Pasirinkite savo įstaigos tipą
field-required-position = Įveskite savo pareigas
field-required-region = Įveskite savo apskritį arba savivaldybę
field-required-language = Pasirinkite laiškų kalbą
field-required-consent = Norėdami užsiregistruoti, turite sutikti, kad jūsų duomenys būtų tvarkomi
field-email-invalid = Įveskite tinkamo formato el. pašto adresą, pavyzdžiui, vardas@example.lt
field-email-mixed-script = Adreso domene lotyniškos raidės sumaišytos su kirilicos arba graikų raidėmis (pavyzdžiui, kirilicos „а“ vietoj „a“). Įveskite adresą iš naujo vienu raidynu
field-phone-invalid = Įveskite telefono numerį, naudodami tik skaitmenis, tarpus, +, - ir skliaustus
field-country-invalid = Įveskite dviejų raidžių šalies kodą, pavyzdžiui, LT
field-too-long = Šis tekstas per ilgas
field-unreadable = Čia yra simbolių, kurių nepavyko perskaityti. Įveskite dar kartą.

## After registering
registered-waitlist-position = { PLURAL($count) ->
   *[other] Jūsų vieta laukiančiųjų sąraše: { $count }.
}
registered-pending-title = Jūsų vieta rezervuota
registered-pending-body = Išsiuntėme jums laišką su nuoroda į jūsų puslapį. Atidarykite jį ir patvirtinkite savo el. pašto adresą, kad išlaikytumėte vietą.
registered-confirmed-title = Jūs užsiregistravote
registered-confirmed-body = Išsiuntėme jums laišką su tvarkaraščiu, kalendoriaus failu ir nuoroda į jūsų puslapį.
registered-waitlisted-title = Esate laukiančiųjų sąraše
registered-waitlisted-body = Visos vietos užimtos. Kai vieta atsilaisvins, ją gaus pirmasis sąraše esantis asmuo, ir mes jums iškart parašysime.
registered-again-title = Patikrinkite el. paštą
registered-again-body = Nuorodą į jūsų registracijos puslapį išsiuntėme jūsų nurodytu adresu.
registered-check-email-title = Patikrinkite el. paštą
registered-check-email-body = Jei registracija pavyko, gausite laišką su nuoroda į savo puslapį.
registered-wrote-to = Parašėme adresu:
registered-next-title = Kas toliau
registered-next-confirm = Atidarykite laiške esančią nuorodą ir patvirtinkite savo adresą iki { $until }, kitaip vieta atiteks kitam asmeniui.
registered-next-waitlist = Kai vieta atsilaisvins, ją gaus pirmasis sąraše esantis asmuo, ir mes jums iškart parašysime.
registered-next-schedule = Tvarkaraštis, kalendoriaus failas ir nuorodos į nuotolinius užsiėmimus yra laiške ir jūsų puslapyje; prieš kiekvieną užsiėmimą gausite priminimą.
registered-next-schedule-waitlisted = Tvarkaraštis ir kalendoriaus failas, kad datos liktų laisvos, yra laiške ir jūsų puslapyje; nuorodas į nuotolinius užsiėmimus ir priminimą prieš kiekvieną užsiėmimą gausite, kai turėsite vietą.
registered-no-email-title = Negavote laiško?
registered-no-email = Paprastai jis ateina per kelias minutes. Pažiūrėkite šlamšto arba reklamų aplanke. Jei aukščiau nurodytas adresas neteisingas, užsiregistruokite dar kartą teisingu adresu.

## Lost link
lost-link = Pametėte nuorodą?
lost-title = Gaukite nuorodą į savo registraciją dar kartą
lost-intro = Įveskite el. pašto adresą, kuriuo registravotės. Jei juo užregistruota į kurį nors ciklą, nuorodą į jūsų puslapį išsiųsime tuo adresu.
lost-submit = Atsiųskite man nuorodą
lost-sent = Jei šis adresas užregistruotas, nuoroda į jūsų puslapį jau siunčiama šiuo adresu.
lost-sent-hint = Po kelių minučių patikrinkite el. paštą, taip pat šlamšto aplanką. Saugumo sumetimais siunčiame tik tuo pačiu adresu ir ne dažniau kaip kartą per dešimt minučių.

## Participant page
participant-status = Būsena
status-pending = Vieta rezervuota, el. paštas nepatvirtintas
status-confirmed = Patvirtinta
status-waitlisted = Laukiančiųjų sąraše
status-cancelled = Atšaukta
status-expired = Nebegalioja
status-pending-line = Patvirtinkite savo el. pašto adresą iki { $until }, kitaip vieta atiteks kitam laukiančiųjų sąraše esančiam asmeniui.
status-confirmed-line = Jūsų vieta patvirtinta. Iki pasimatymo užsiėmimuose!
status-waitlisted-line = Jūsų eilės numeris laukiančiųjų sąraše: { $count }. Parašysime jums, kai vieta atsilaisvins.
status-cancelled-line = Ši registracija atšaukta.
status-expired-line = El. pašto adresas nebuvo laiku patvirtintas, todėl vieta atiteko kitam asmeniui.
participant-confirm = Patvirtinti mano el. pašto adresą
participant-join = Prisijungti prie nuotolinio užsiėmimo
participant-calendar = Įtraukti visus užsiėmimus į savo kalendorių (.ics)
participant-attendance = Lankomumas
participant-session = Užsiėmimas
participant-date = Data
participant-attended = Dalyvavo
attendance-present = Dalyvavo
attendance-absent = Nedalyvavo
attendance-upcoming = Dar nevyko
participant-checkin = Registracijos kodas
participant-checkin-hint = Parodykite šį kodą prie kontaktinio užsiėmimo durų.
participant-cancel-title = Negalite atvykti?
participant-cancel-hint = Atsisakykite savo vietos, kad ją galėtų užimti kas nors iš laukiančiųjų sąrašo. To atšaukti negalima.
participant-cancel = Atsisakyti savo vietos
participant-cycle-page = Apie šį mokymų ciklą
participant-register-again = Registruotis dar kartą
notice-confirmed = Ačiū – jūsų el. pašto adresas patvirtintas.
notice-already-confirmed = Jūsų el. pašto adresas jau buvo patvirtintas.
notice-not-allowed = Šios registracijos nebegalima pakeisti.
notice-cancelled = Jūsų registracija atšaukta. Ačiū, kad pranešėte.
notice-already-cancelled = Ši registracija jau buvo atšaukta.
participant-progress-on = Po kiekvieno užsiėmimo parašome jums, kiek užsiėmimų dar reikia.
participant-progress-off = Sustabdėte laiškus apie savo pažangą po kiekvieno užsiėmimo.
participant-progress-stop = Sustabdyti šiuos laiškus
participant-progress-start = Vėl siųsti laiškus
notice-progress-emails-off = Daugiau nebegausite laiškų apie savo pažangą.
notice-progress-emails-on = Po kiekvieno užsiėmimo vėl gausite laišką apie savo pažangą.

## Giving the seat back
cancel-title = Ar tikrai norite atsisakyti savo vietos?
cancel-seat-hint = Jūsų vieta iškart atiteks kitam laukiančiųjų sąraše esančiam asmeniui arba tam, kuris užsiregistruos kitas.
cancel-waitlist-hint = Išeisite iš laukiančiųjų sąrašo, o po jūsų esantys pasislinks į priekį.
cancel-again-hint = Vėliau galėsite užsiregistruoti dar kartą, kol vyksta registracija, tačiau jūsų vieta arba vieta eilėje iki tol gali būti užimta.
cancel-confirm = Taip, atsisakau savo vietos
cancel-go-back = Ne, grįžti į mano puslapį

## Outcome: what meeting the rule earns (grant, certificate, both, none)
cycle-min-sessions-grant = { PLURAL($count) ->
    [one] Kad galėtumėte teikti paraišką vėlesnei dotacijai, dalyvaukite bent { $count } iš { $total } užsiėmimų.
   *[other] Kad galėtumėte teikti paraišką vėlesnei dotacijai, dalyvaukite bent { $count } iš { $total } užsiėmimų.
}
cycle-min-sessions-certificate = { PLURAL($count) ->
    [one] Kad gautumėte dalyvio pažymėjimą, dalyvaukite bent { $count } iš { $total } užsiėmimų.
   *[other] Kad gautumėte dalyvio pažymėjimą, dalyvaukite bent { $count } iš { $total } užsiėmimų.
}
cycle-min-sessions-both = { PLURAL($count) ->
    [one] Kad gautumėte pažymėjimą ir galėtumėte teikti paraišką vėlesnei dotacijai, dalyvaukite bent { $count } iš { $total } užsiėmimų.
   *[other] Kad gautumėte pažymėjimą ir galėtumėte teikti paraišką vėlesnei dotacijai, dalyvaukite bent { $count } iš { $total } užsiėmimų.
}
outcome-grant-eligible = Dalyvavote { $attended } iš { $total } užsiėmimų – galite teikti paraišką dotacijai.
outcome-grant-still-possible = { PLURAL($count) ->
    [one] Dalyvavote { $attended } iš { $total } užsiėmimų – kad galėtumėte teikti paraišką dotacijai, dalyvaukite dar { $count } užsiėmime.
    [few] Dalyvavote { $attended } iš { $total } užsiėmimų – kad galėtumėte teikti paraišką dotacijai, dalyvaukite dar { $count } užsiėmimuose.
   *[other] Dalyvavote { $attended } iš { $total } užsiėmimų – kad galėtumėte teikti paraišką dotacijai, dalyvaukite dar { $count } užsiėmimų.
}
outcome-grant-no-longer = Dalyvavote { $attended } iš { $total } užsiėmimų – liko per mažai užsiėmimų, kad galėtumėte teikti paraišką dotacijai.
outcome-certificate-eligible = Dalyvavote { $attended } iš { $total } užsiėmimų – pelnėte dalyvio pažymėjimą.
outcome-certificate-still-possible = { PLURAL($count) ->
    [one] Dalyvavote { $attended } iš { $total } užsiėmimų – kad gautumėte pažymėjimą, dalyvaukite dar { $count } užsiėmime.
    [few] Dalyvavote { $attended } iš { $total } užsiėmimų – kad gautumėte pažymėjimą, dalyvaukite dar { $count } užsiėmimuose.
   *[other] Dalyvavote { $attended } iš { $total } užsiėmimų – kad gautumėte pažymėjimą, dalyvaukite dar { $count } užsiėmimų.
}
outcome-certificate-no-longer = Dalyvavote { $attended } iš { $total } užsiėmimų – liko per mažai užsiėmimų pažymėjimui gauti.
outcome-both-eligible = Dalyvavote { $attended } iš { $total } užsiėmimų – pelnėte pažymėjimą ir galite teikti paraišką dotacijai.
outcome-both-still-possible = { PLURAL($count) ->
    [one] Dalyvavote { $attended } iš { $total } užsiėmimų – kad gautumėte pažymėjimą ir galėtumėte teikti paraišką dotacijai, dalyvaukite dar { $count } užsiėmime.
    [few] Dalyvavote { $attended } iš { $total } užsiėmimų – kad gautumėte pažymėjimą ir galėtumėte teikti paraišką dotacijai, dalyvaukite dar { $count } užsiėmimuose.
   *[other] Dalyvavote { $attended } iš { $total } užsiėmimų – kad gautumėte pažymėjimą ir galėtumėte teikti paraišką dotacijai, dalyvaukite dar { $count } užsiėmimų.
}
outcome-both-no-longer = Dalyvavote { $attended } iš { $total } užsiėmimų – liko per mažai užsiėmimų pažymėjimui gauti ar paraiškai dotacijai teikti.
outcome-none-eligible = Dalyvavote { $attended } iš { $total } užsiėmimų.
outcome-none-still-possible = Dalyvavote { $attended } iš { $total } užsiėmimų.
outcome-none-no-longer = Dalyvavote { $attended } iš { $total } užsiėmimų.

## Grant application
participant-grant = Paraiška dotacijai
participant-grant-open = Galite teikti paraišką dotacijai.
participant-grant-apply = Teikti paraišką dotacijai
participant-grant-continue = Tęsti paraiškos pildymą
participant-grant-view = Peržiūrėti savo paraišką
grant-page-title = Paraiška dotacijai
grant-deadline = Paraiškos priimamos iki
grant-max-amount = Didžiausia suma
grant-decisions-by = Sprendimai iki
grant-status = Jūsų paraiška
grant-status-draft = Juodraštis – dar neišsiųsta
grant-status-submitted = Pateikta – laukiama sprendimo
grant-status-funded = Finansuota
grant-status-not-funded = Nefinansuota
grant-decision-funded = Organizatoriai nusprendė finansuoti jūsų projektą: { $amount }.
grant-decision-not-funded = Organizatoriai nusprendė šį kartą jūsų projekto nefinansuoti.
grant-refused-no-call = Šiame cikle dotacijų konkurso nėra.
grant-refused-not-confirmed = Paraišką dotacijai gali teikti tik patvirtinti ciklo dalyviai.
grant-refused-not-yet = { PLURAL($count) ->
    [one] Paraiškos dar teikti negalite: dalyvaukite dar { $count } užsiėmime.
    [few] Paraiškos dar teikti negalite: dalyvaukite dar { $count } užsiėmimuose.
   *[other] Paraiškos dar teikti negalite: dalyvaukite dar { $count } užsiėmimų.
}
grant-refused-no-longer = Paraiškos teikti negalite: liko per mažai užsiėmimų, kad pasiektumėte dotacijai reikalingą skaičių.
grant-refused-closed = Paraiškos nebepriimamos: terminas pasibaigė.
grant-refused-submitted = Jūsų paraiška pateikta ir jos nebegalima keisti.
grant-field-title = Projekto pavadinimas
grant-field-summary = Projekto santrauka
grant-field-summary-hint = { PLURAL($count) ->
    [one] Ką projektas darys, su kuo ir kam. Iki { $count } simbolio.
    [few] Ką projektas darys, su kuo ir kam. Iki { $count } simbolių.
   *[other] Ką projektas darys, su kuo ir kam. Iki { $count } simbolių.
}
grant-field-partners = Bendruomenės partneriai
grant-field-amount = Prašoma suma (eurais)
grant-field-amount-hint = Pavyzdžiui, 1200 arba 1200,50. Daugiausia { $max }.
grant-field-amount-hint-any = Pavyzdžiui, 1200 arba 1200,50.
grant-field-attachment = Priedas (PDF)
grant-field-attachment-hint = Biudžetas arba projekto aprašymas PDF failu, iki 5 MB. Pasirinkus naują failą, jis pakeis jau pridėtą.
grant-field-required-title = Įveskite projekto pavadinimą
grant-field-required-summary = Įveskite projekto santrauką
grant-field-required-amount = Įveskite prašomą sumą
grant-field-amount-positive = Suma turi būti didesnė nei 0
grant-field-amount-over = Suma didesnė, nei leidžia konkursas
grant-field-amount-format = Įveskite sumą eurais, pavyzdžiui, 1200 arba 1200,50
grant-field-attachment-too-large = Failas didesnis nei 5 MB
grant-field-attachment-not-pdf = Failas nėra PDF dokumentas
grant-attachment-current = Pridėta: { $file }
grant-attachment-size = { $size } MB
grant-attachment-remove = Pašalinti priedą
grant-save = Išsaugoti juodraštį
grant-submit = Pateikti paraišką
grant-submit-hint = Išsaugotą juodraštį galima keisti iki termino pabaigos. Pateiktos paraiškos keisti negalima; jos kopiją gausite el. paštu.
grant-your-application = Ką išsiuntėte
grant-back = Atgal į jūsų puslapį
grant-submitted-at = Pateikta
grant-granted = Skirta suma
grant-decision-comment = Organizatorių komentaras
notice-grant-saved = Jūsų juodraštis išsaugotas.
notice-grant-submitted = Jūsų paraiška pateikta. Kopija siunčiama jūsų el. paštu.
notice-grant-attachment-removed = Priedas pašalintas.

## Certificates
participant-certificate = Dalyvio pažymėjimas
participant-certificate-open = Atidaryti pažymėjimą
participant-certificate-pdf = Atsisiųsti PDF formatu
certificate-heading = Dalyvio pažymėjimas
certificate-intro = Patvirtinama, kad
certificate-completed = baigė mokymų ciklą
certificate-attended = Dalyvavo { $attended } iš { $total } užsiėmimų
certificate-organised-by = Organizatorius: { $organisation }
certificate-code = Patikros kodas: { $code }
certificate-verify-at = Patikrinti galima adresu { $url }
verify-title = Pažymėjimo patikra
verify-valid = Šis pažymėjimas galioja.
verify-invalid = Šis pažymėjimas nebegalioja.
verify-name = Vardas ir pavardė
verify-cycle = Mokymų ciklas
certificate-code-label = Kodas

## The participant's data rights
privacy-title = Privatumo pranešimas
privacy-version = { $version } versija
privacy-controller = Už jūsų duomenis atsakingas: { $controller }. Klausimai apie juos: { $contact }.
privacy-what-title = Kas saugoma
privacy-what = Tai, ką įrašote registracijos formoje (vardas, pavardė, el. pašto adresas, telefonas, jei jį nurodėte, įstaiga, jos tipas, jūsų pareigos, regionas, šalis, kalba), kada ir su kuria šio pranešimo versija sutikote, jūsų vieta arba vieta laukiančiųjų sąraše, jūsų dalyvavimas kiekviename užsiėmime (iš registracijos prie durų, organizatorių sąrašo arba nuotolinio susitikimo ataskaitos), paraiška dotacijai, jei ją teikiate, ir kokie laiškai jums buvo išsiųsti.
privacy-why-title = Kodėl
privacy-why = Kad būtų galima vykdyti mokymų ciklą, į kurį registruojatės: vietos ir laukiančiųjų sąrašas, patvirtinimai ir priminimai, lankomumas, pažymėjimai ir po jo vykstantis dotacijų konkursas. Pagrindas – jūsų sutikimas, kurį galite bet kada atšaukti ištrindami savo duomenis.
privacy-who-title = Kas juos mato
privacy-who = Ciklo organizatoriai. Duomenys neparduodami ir niekam kitam neperduodami. Laiškai siunčiami per organizatorių pašto serverį.
privacy-how-long-title = Kiek laiko
privacy-how-long = Tiek, kiek nurodyta kiekvieno ciklo puslapyje; po to asmens duomenys ištrinami automatiškai. Skaičiai be vardų (kiek užsiregistravo ir dalyvavo, iš kurių šalių ir kokio tipo įstaigų, dotacijų sumos) saugomi ataskaitoms finansuotojams.
privacy-rights-title = Jūsų teisės
privacy-rights = Savo puslapyje (nuoroda yra kiekviename ciklo laiške) galite atsisiųsti viską, kas apie jus saugoma, ir paprašyti tai ištrinti. Jei nuorodos nebeturite, rašykite aukščiau nurodytu adresu.
privacy-notice-link = Privatumo pranešimas
privacy-kept-until = Asmens duomenys saugomi iki { $until }, po to ištrinami.
participant-data-title = Jūsų duomenys
participant-data-hint = Galite atsisiųsti viską, kas apie jus saugoma, arba tai ištrinti.
participant-data-download = Atsisiųsti mano duomenis (JSON)
participant-data-erase = Ištrinti mano duomenis
erase-title = Ištrinti jūsų duomenis?
erase-removes = Jūsų vardas, pavardė, el. pašto adresas, telefonas, įstaiga ir pareigos, paraiškos dotacijai tekstai ir jos priedas bei pažymėjimo kodas bus pašalinti visam laikui. Ši nuoroda nustos veikti.
erase-keeps = Be jūsų vardo organizatorių statistikai ir ataskaitoms finansuotojams saugoma: kad registracija buvo, įstaigos tipas, šalis ir regionas, lankomumo žymos, dotacijų sumos ir sprendimai.
erase-gives-back-place = Jūsų vieta arba vieta laukiančiųjų sąraše bus atlaisvinta, kad ją galėtų gauti laukiantis asmuo.
erase-final = To atšaukti negalima.
erase-button = Ištrinti mano duomenis
erase-back = Ne, grįžti į mano puslapį
erased-title = Jūsų duomenys ištrinti
erased-text = Jūsų asmens duomenys ištrinti. Iš šio ciklo daugiau laiškų negausite, o jūsų nuoroda nieko nebeatidarys.

## Email
mail-greeting = Sveiki, { $name },
mail-your-page = Jūsų puslapis (šią nuorodą laikykite tik sau – tai jūsų raktas):
mail-open-page = Atidaryti mano puslapį
mail-confirm-by = Kad išlaikytumėte vietą, patvirtinkite savo el. pašto adresą savo puslapyje iki { $until }.
mail-footer = Gavote šį laišką, nes užsiregistravote į mokymų ciklą.
mail-contact-label = Turite klausimų? Susisiekite su organizatoriais
mail-subject-seated = jūsų vieta
mail-subject-waitlisted = laukiančiųjų sąrašas
mail-subject-link-again = jūsų registracijos nuoroda
mail-subject-promoted = jums skirta vieta
mail-subject-cancelled = registracija atšaukta
mail-subject-expired = vieta atlaisvinta
mail-subject-grant-eligible = galite teikti paraišką dotacijai
mail-body-seated = Ačiū, kad užsiregistravote. Jums rezervuota vieta.
mail-body-waitlisted = Ačiū, kad užsiregistravote. Visos vietos užimtos, todėl esate laukiančiųjų sąraše.
mail-body-link-again = Kažkas (tikriausiai jūs) dar kartą paprašė nuorodos į jūsų registraciją arba bandė šiuo adresu užsiregistruoti dar kartą. Jūs jau užsiregistravę; štai nuoroda į jūsų puslapį.
mail-body-promoted = Gera žinia: atsilaisvino vieta ir dabar ji jūsų.
mail-choose-session-label = Pasirinkite užsiėmimą
mail-choose-session = { $when }: šiam laikui neturite pasirinkto užsiėmimo — pasirinktame galėjo baigtis vietos, kol laukėte eilėje. Pasirinkite užsiėmimą savo puslapyje.
mail-body-cancelled = Jūsų registracija atšaukta. Pridėtas kalendoriaus failas pašalins užsiėmimus iš jūsų kalendoriaus. Jei tai klaida, susisiekite su organizatoriais; kol vyksta registracija, taip pat galite užsiregistruoti dar kartą ciklo puslapyje.
mail-body-expired = El. pašto adresas nebuvo laiku patvirtintas, todėl vieta atiteko kitam laukiančiųjų sąraše esančiam asmeniui.
mail-body-grant-eligible = Dalyvavote pakankamai užsiėmimų ir galite teikti paraišką dotacijai. Norėdami ją pateikti, atidarykite savo puslapį.
mail-subject-grant-submitted = jūsų paraiška dotacijai gauta
mail-body-grant-submitted = Ačiū: jūsų paraiška dotacijai gauta. Tai kopija to, ką išsiuntėte.
mail-subject-grant-decided-funded = jūsų projektas finansuojamas
mail-body-grant-decided-funded = Gera žinia: organizatoriai nusprendė finansuoti jūsų projektą.
mail-subject-grant-decided-not-funded = sprendimas dėl jūsų paraiškos dotacijai
mail-body-grant-decided-not-funded = Organizatoriai priėmė sprendimą dėl jūsų paraiškos dotacijai: šį kartą ji nefinansuojama.

# Reminders before each session (issue 9)
mail-subject-reminder = priminimas: { $session }
mail-body-reminder = Primename: užsiėmimo „{ $session }“ laikas – { $when }.
mail-reminder-where = Vieta
mail-reminder-join = Prisijungimo nuoroda

# Schedule changes (issue 9)
mail-subject-schedule-changed = tvarkaraščio pakeitimas: { $session }
mail-body-schedule-changed = Užsiėmimas „{ $session }“ pasikeitė. Štai kas pasikeitė; pridėtas kalendoriaus failas atnaujins jūsų kalendoriuje jau esantį įrašą.
mail-change-time = Laikas
mail-change-place = Vieta
calendar-your-page = Jūsų puslapis (tvarkaraštis, nuorodos, atsisakymas): { $link }
calendar-cancelled = Atsisakėte savo vietos; šio užsiėmimo jūsų planuose nebėra.

# The waiting list closes when the first session starts (issue 9)
mail-subject-no-seat-freed = vieta neatsilaisvino
mail-body-no-seat-freed = Pirmasis užsiėmimas prasidėjo, o jums vieta neatsilaisvino, todėl jūsų vieta laukiančiųjų sąraše baigėsi. Ačiū už susidomėjimą – tikimės pasimatyti kitame cikle.

# Progress after each session (issue 9)
mail-subject-progress = jūsų lankomumas po užsiėmimo „{ $session }“
mail-body-progress = Užsiėmimas „{ $session }“ baigėsi. Pagal iki šiol užfiksuotą lankomumą jūsų padėtis tokia; jei ji neteisinga, atsakykite į šį laišką.
mail-subject-progress-lost = po užsiėmimo „{ $session }“: liko per mažai užsiėmimų
mail-body-progress-lost = Užsiėmimas „{ $session }“ baigėsi. Pagal iki šiol užfiksuotą lankomumą liko per mažai užsiėmimų, kad pasiektumėte minimumą; vis tiek laukiame jūsų likusiuose užsiėmimuose. Jei duomenys neteisingi, atsakykite į šį laišką.
mail-progress-label = Jūsų lankomumas
mail-progress-stop-label = Nenorite šių laiškų?
mail-progress-stop = Juos galite sustabdyti savo puslapyje.

# Questions per cycle and the country choice (issue 10)
field-country-choose = Pasirinkite šalį
question-yes = Taip
question-no = Ne
question-error-missing = Atsakykite: { $label }
question-error-not-chosen = Pasirinkite atsakymą: { $label }
question-error-not-an-option = Pasirinkite vieną iš pateiktų atsakymų: { $label }
question-error-date = Įveskite tikrą datą, pavyzdžiui, 2026-11-29: { $label }
question-error-too-long = Naudokite ne daugiau kaip { $max } simbolių: { $label }
question-error-unreadable = Įveskite atsakymą dar kartą be specialiųjų simbolių: { $label }

# Chosen sessions and tracks (issue 10)
choice-track = kryptis { $track }
choice-full-label = vietų nėra
choice-slot-legend = Pasirinkite vieną užsiėmimą: { $when }
choice-hint = Šie užsiėmimai vyksta tuo pačiu metu. Dalyvausite tame, kurį pasirinksite.
choice-missing = Pasirinkite vieną iš šiuo metu vykstančių užsiėmimų
choice-full = Šiame užsiėmime vietų nebėra: pasirinkite kitą
choice-title = Jūsų užsiėmimai
choice-none-yet = Šiam laikui dar nepasirinkote užsiėmimo.
choice-current = Jūs pasirinkote: { $title }
choice-change = Pakeisti mano užsiėmimą
choice-change-not-allowed = Šio užsiėmimo pasirinkti negalima.
choice-change-full = Šiame užsiėmime vietų nebėra; jūsų pasirinkimas lieka toks pat.
choice-change-started = Užsiėmimas jau prasidėjo; jūsų pasirinkimas lieka toks pat.
notice-choice-changed = Jūsų užsiėmimo pasirinkimas pakeistas.
notice-choice-unchanged = Šį užsiėmimą jau buvote pasirinkę.
# Organisations and organisers (issue 10)
cycle-organised-by = Organizuoja { $organisation }
cycle-co-organisers = Kartu su
cycle-partners = Partneriai
index-filter-title = Raskite ciklą
index-filter-organisation = Organizacija
index-filter-language = Kalba
index-filter-country = Šalis
index-filter-any = Bet kuri
index-filter-apply = Rodyti ciklus
index-filter-clear = Rodyti visus ciklus
index-filter-nothing = Šį pasirinkimą atitinkančių paskelbtų ciklų nėra.
