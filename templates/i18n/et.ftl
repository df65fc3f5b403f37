# Eesti. Plurals: select on PLURAL($count) (CLDR categories: one, other).
# Every key a participant or the public sees is here (public pages, the
# participant's own page, every email); organiser pages fall back to English
# with a notice (see src/i18n.rs). Formal address: "teie".

language-name = Eesti
language-complete = no
language-fallback-notice = See lehekülg on inglise keeles.

skip-to-content = Mine põhisisu juurde
nav-language = Keel
footer-text = Cohort — koolitustsüklite registreerimine ja osalemine
yes = Jah
no = Ei
title-error-prefix = Viga

## Dates: $weekday, $day, $month (two digits), $monthname, $year, $time, $end, $zone
format-date = { $weekday }, { $day }. { $monthname } { $year }
format-datetime = { $day }. { $monthname } { $year }, kell { $time } ({ $zone })
format-span = { $weekday }, { $day }. { $monthname } { $year }, kell { $time }–{ $end } ({ $zone })
format-until = { $day }. { $monthuntil } { $year }, kell { $time } ({ $zone })
format-day = { $day }. { $monthname } { $year }
weekday-1 = esmaspäev
weekday-2 = teisipäev
weekday-3 = kolmapäev
weekday-4 = neljapäev
weekday-5 = reede
weekday-6 = laupäev
weekday-7 = pühapäev
month-1 = jaanuar
month-2 = veebruar
month-3 = märts
month-4 = aprill
month-5 = mai
month-6 = juuni
month-7 = juuli
month-8 = august
month-9 = september
month-10 = oktoober
month-11 = november
month-12 = detsember
month-until-1 = jaanuar
month-until-2 = veebruar
month-until-3 = märts
month-until-4 = aprill
month-until-5 = mai
month-until-6 = juuni
month-until-7 = juuli
month-until-8 = august
month-until-9 = september
month-until-10 = oktoober
month-until-11 = november
month-until-12 = detsember
zone-europe-riga = Läti aeg
zone-europe-vilnius = Leedu aeg
zone-europe-tallinn = Eesti aeg
zone-europe-helsinki = Soome aeg
zone-asia-almaty = Almatõ aeg
zone-asia-tashkent = Taškendi aeg
zone-utc = UTC
zone-other = { $city } aeg, UTC{ $offset }

## Errors
error-not-found = Lehekülge ei leitud
error-forbidden = Seda ei saa teha
error-csrf = See vorm on aegunud või ei saadetud sellelt saidilt. Minge tagasi, laadige lehekülg uuesti ja proovige uuesti.
error-too-many = Liiga palju katseid. Oodake mõni minut ja proovige uuesti.
error-too-large = Saadetu on liiga suur.
error-bad-request = Päringut ei õnnestunud lugeda.
error-internal = Vabandust, meie poolel läks midagi valesti. Proovige hiljem uuesti.
error-unavailable = Teenus on korraks kättesaamatu (andmebaas ei vasta). Midagi teie saadetust ei salvestatud. Proovige minuti pärast uuesti.
error-back-home = Avalehele
error-request-id = Vea viide
error-summary-title = Tekkis probleem
error-prefix = Viga
error-bad-link = See link ei tööta: see võib olla lühenenud või valesti sisestatud. Võime teile teie lingi uuesti saata.
error-setup-link = See konto loomise link on juba kasutatud või aegunud: iga link töötab üks kord. Kui lõite sellega konto, logige sisse; muidu küsige administraatorilt uus.
error-setup-sign-in = Logi sisse

## Public pages
index-title = Koolitustsüklid
index-empty = Praegu avaldatud koolitustsükleid ei ole.
index-starts = Algab
cycle-opens-at = Registreerimine avatakse { $when }
cycle-open-until = Registreerimine on avatud kuni { $when }
cycle-closed = Selle tsükli registreerimine on suletud.
cycle-full = Kõik kohad on täis ja ootenimekirja ei peeta.
cycle-waitlist-note = Kõik kohad on täis. Kui registreerute praegu, lisatakse teid ootenimekirja ja koha vabanemisel saate selle automaatselt.
cycle-schedule = Ajakava
cycle-times-in-zone = Ajavöönd: { $zone }.
cycle-register = Registreeru
cycle-seats = Kohad
cycle-deadline = Registreerimise tähtaeg
cycle-submit = Registreeru
cycle-contact = Küsimused
seats-left = { PLURAL($count) ->
    [one] Vaba on { $count } koht
   *[other] Vaba on { $count } kohta
}
session-online = Veebis
mode-in-person = Kohapeal
mode-online = Veebis
summary-title = Lühidalt
summary-audience = Kellele: { $who }
summary-dates = { PLURAL($count) ->
    [one] { $count } sessioon, { $first }
   *[other] { $count } sessiooni, esimene { $first }, viimane { $last }
}
summary-date-one = Üks sessioon, { $when }
summary-full = Täis
summary-full-waitlist = Täis — saate liituda ootenimekirjaga
summary-start = Alusta registreerimist
summary-start-waitlist = Liitu ootenimekirjaga

## Registration form
field-first-name = Eesnimi
field-last-name = Perekonnanimi
field-email = E-posti aadress
field-phone = Telefoninumber
field-optional = (vabatahtlik)
field-institution = Asutus
field-institution-type = Asutuse liik
field-position = Ametikoht
field-region = Maakond või omavalitsus
field-country = Riik
field-country-hint = Kahetäheline kood, näiteks EE, LV või LT
field-language = E-kirjade keel
field-consent = Nõustun, et minu andmeid töödeldakse selle koolitustsükli korraldamiseks, nagu privaatsusteade kirjeldab.
field-honeypot = Jätke see väli tühjaks
institution-museum = Muuseum
institution-library = Raamatukogu
institution-archive = Arhiiv
institution-gallery = Galerii
institution-other = Muu
field-required-first-name = Sisestage oma eesnimi
field-required-last-name = Sisestage oma perekonnanimi
field-required-email = Sisestage oma e-posti aadress
field-required-institution = Sisestage oma asutuse nimi
field-required-institution-type = Valige oma asutuse liik
field-required-position = Sisestage oma ametikoht
field-required-region = Sisestage oma maakond või omavalitsus
field-required-language = Valige e-kirjade keel
field-required-consent = Registreerumiseks peate nõustuma oma andmete töötlemisega
field-email-invalid = Sisestage e-posti aadress õiges vormingus, näiteks nimi@example.ee
field-email-mixed-script = Aadressi domeenis on ladina tähed segamini kirillitsa või kreeka tähtedega (näiteks kirillitsa „а“ ladina „a“ asemel). Sisestage aadress uuesti ühes tähestikus
field-phone-invalid = Sisestage telefoninumber, kasutades ainult numbreid, tühikuid, +, - ja sulge
field-country-invalid = Sisestage kahetäheline riigikood, näiteks EE
field-too-long = See on liiga pikk
field-unreadable = Selles on märke, mida ei õnnestunud lugeda. Sisestage see uuesti.

## After registering
registered-waitlist-position = { PLURAL($count) ->
   *[other] Teie koht ootenimekirjas: { $count }.
}
registered-pending-title = Teie koht on reserveeritud
registered-pending-body = Saatsime teile e-kirja lingiga teie lehele. Avage see ja kinnitage oma e-posti aadress, et koht endale jätta.
registered-confirmed-title = Olete registreeritud
registered-confirmed-body = Saatsime teile e-kirja ajakava, kalendrifaili ja lingiga teie lehele.
registered-waitlisted-title = Olete ootenimekirjas
registered-waitlisted-body = Kõik kohad on täis. Kui koht vabaneb, saab selle esimene inimene nimekirjas ja me saadame teile kohe e-kirja.
registered-again-title = Vaadake oma e-posti
registered-again-body = Saatsime lingi teie registreerimise lehele teie antud aadressile.
registered-check-email-title = Vaadake oma e-posti
registered-check-email-body = Kui registreerimine õnnestus, saate e-kirja lingiga oma lehele.
registered-wrote-to = Kirjutasime aadressile:
registered-next-title = Mis edasi saab
registered-next-confirm = Avage e-kirjas olev link ja kinnitage oma aadress hiljemalt { $until }, muidu läheb koht järgmisele inimesele.
registered-next-waitlist = Kui koht vabaneb, saab selle esimene inimene nimekirjas ja me saadame teile kohe e-kirja.
registered-next-schedule = Ajakava, kalendrifail ja veebisessioonide lingid on e-kirjas ja teie lehel; enne iga sessiooni saate meeldetuletuse.
registered-next-schedule-waitlisted = Ajakava ja kalendrifail, et kuupäevad vabaks jätta, on e-kirjas ja teie lehel; veebisessioonide lingid ja meeldetuletuse enne iga sessiooni saate siis, kui teil on koht.
registered-no-email-title = E-kirja pole?
registered-no-email = Tavaliselt saabub see mõne minuti jooksul. Vaadake rämpsposti või reklaamide kausta. Kui ülal olev aadress on vale, registreeruge uuesti õige aadressiga.

## Lost link
lost-link = Kaotasite lingi?
lost-title = Saage oma registreerimise link uuesti
lost-intro = Sisestage e-posti aadress, millega registreerusite. Kui see on mõnele tsüklile registreeritud, saadame lingi teie lehele sellele aadressile.
lost-submit = Saatke mulle link
lost-sent = Kui see aadress on registreeritud, on link teie lehele sinna teel.
lost-sent-hint = Vaadake oma e-posti mõne minuti pärast, ka rämpsposti kausta. Turvalisuse huvides saadame lingi ainult sellele aadressile ja kõige rohkem kord kümne minuti jooksul.

## Participant page
participant-status = Olek
status-pending = Koht reserveeritud, e-post kinnitamata
status-confirmed = Kinnitatud
status-waitlisted = Ootenimekirjas
status-cancelled = Tühistatud
status-expired = Aegunud
status-pending-line = Kinnitage oma e-posti aadress hiljemalt { $until }, muidu läheb koht järgmisele inimesele ootenimekirjas.
status-confirmed-line = Teie koht on kinnitatud. Kohtumiseni sessioonidel!
status-waitlisted-line = Olete ootenimekirjas { $count }. kohal. Saadame teile e-kirja, kui koht vabaneb.
status-cancelled-line = See registreerimine on tühistatud.
status-expired-line = E-posti aadressi ei kinnitatud õigeks ajaks, seega läks koht järgmisele inimesele.
participant-confirm = Kinnita minu e-posti aadress
participant-join = Liitu veebisessiooniga
participant-calendar = Lisa kõik sessioonid oma kalendrisse (.ics)
participant-attendance = Osalemine
participant-session = Sessioon
participant-date = Kuupäev
participant-attended = Osales
attendance-present = Osales
attendance-absent = Ei osalenud
attendance-upcoming = Veel toimumata
participant-checkin = Registreerimiskood
participant-checkin-hint = Näidake seda koodi kohapealse sessiooni uksel.
participant-cancel-title = Ei saa tulla?
participant-cancel-hint = Loovutage oma koht, et keegi ootenimekirjast saaks selle võtta. Seda ei saa tagasi võtta.
participant-cancel = Loovuta oma koht
participant-cycle-page = Selle koolitustsükli kohta
participant-register-again = Registreeru uuesti
notice-confirmed = Aitäh — teie e-posti aadress on kinnitatud.
notice-already-confirmed = Teie e-posti aadress oli juba kinnitatud.
notice-not-allowed = Seda registreerimist ei saa enam muuta.
notice-cancelled = Teie registreerimine on tühistatud. Aitäh, et andsite teada.
notice-already-cancelled = See registreerimine oli juba tühistatud.
participant-progress-on = Pärast iga sessiooni saadame teile e-kirja, mitu sessiooni teil veel vaja on.
participant-progress-off = Olete peatanud e-kirjad oma edenemise kohta pärast iga sessiooni.
participant-progress-stop = Peata need e-kirjad
participant-progress-start = Jätka e-kirjade saatmist
notice-progress-emails-off = Te ei saa enam e-kirju oma edenemise kohta.
notice-progress-emails-on = Saate taas pärast iga sessiooni e-kirja oma edenemise kohta.

## Giving the seat back
cancel-title = Kas olete kindel, et soovite oma koha loovutada?
cancel-seat-hint = Teie koht läheb kohe järgmisele inimesele ootenimekirjas või sellele, kes järgmisena registreerub.
cancel-waitlist-hint = Lahkute ootenimekirjast ja teie järel olijad liiguvad edasi.
cancel-again-hint = Võite hiljem uuesti registreeruda, kuni registreerimine on avatud, kuid teie koht või järjekorranumber võib selleks ajaks olla läinud.
cancel-confirm = Jah, loovuta oma koht
cancel-go-back = Ei, tagasi minu lehele

## Outcome: what meeting the rule earns (grant, certificate, both, none)
cycle-min-sessions-grant = { PLURAL($count) ->
    [one] Järgneva toetuse saamiseks osalege vähemalt { $count } sessioonil { $total }-st.
   *[other] Järgneva toetuse saamiseks osalege vähemalt { $count } sessioonil { $total }-st.
}
cycle-min-sessions-certificate = { PLURAL($count) ->
    [one] Osalemistunnistuse saamiseks osalege vähemalt { $count } sessioonil { $total }-st.
   *[other] Osalemistunnistuse saamiseks osalege vähemalt { $count } sessioonil { $total }-st.
}
cycle-min-sessions-both = { PLURAL($count) ->
    [one] Tunnistuse saamiseks ja järgnevale toetusele kandideerimiseks osalege vähemalt { $count } sessioonil { $total }-st.
   *[other] Tunnistuse saamiseks ja järgnevale toetusele kandideerimiseks osalege vähemalt { $count } sessioonil { $total }-st.
}
outcome-grant-eligible = Osalesite { $attended } sessioonil { $total }-st — võite toetust taotleda.
outcome-grant-still-possible = { PLURAL($count) ->
    [one] Osalesite { $attended } sessioonil { $total }-st — toetuse taotlemiseks osalege veel { $count } sessioonil.
   *[other] Osalesite { $attended } sessioonil { $total }-st — toetuse taotlemiseks osalege veel { $count } sessioonil.
}
outcome-grant-no-longer = Osalesite { $attended } sessioonil { $total }-st — toetuse taotlemise õiguse saamiseks on jäänud liiga vähe sessioone.
outcome-certificate-eligible = Osalesite { $attended } sessioonil { $total }-st — olete teeninud osalemistunnistuse.
outcome-certificate-still-possible = { PLURAL($count) ->
    [one] Osalesite { $attended } sessioonil { $total }-st — tunnistuse saamiseks osalege veel { $count } sessioonil.
   *[other] Osalesite { $attended } sessioonil { $total }-st — tunnistuse saamiseks osalege veel { $count } sessioonil.
}
outcome-certificate-no-longer = Osalesite { $attended } sessioonil { $total }-st — tunnistuse saamiseks on jäänud liiga vähe sessioone.
outcome-both-eligible = Osalesite { $attended } sessioonil { $total }-st — olete teeninud tunnistuse ja võite toetust taotleda.
outcome-both-still-possible = { PLURAL($count) ->
    [one] Osalesite { $attended } sessioonil { $total }-st — tunnistuse saamiseks ja toetuse taotlemiseks osalege veel { $count } sessioonil.
   *[other] Osalesite { $attended } sessioonil { $total }-st — tunnistuse saamiseks ja toetuse taotlemiseks osalege veel { $count } sessioonil.
}
outcome-both-no-longer = Osalesite { $attended } sessioonil { $total }-st — tunnistuse saamiseks või toetuse taotlemiseks on jäänud liiga vähe sessioone.
outcome-none-eligible = Osalesite { $attended } sessioonil { $total }-st.
outcome-none-still-possible = Osalesite { $attended } sessioonil { $total }-st.
outcome-none-no-longer = Osalesite { $attended } sessioonil { $total }-st.

## Grant application
participant-grant = Toetuse taotlus
participant-grant-open = Võite toetust taotleda.
participant-grant-apply = Taotle toetust
participant-grant-continue = Jätka taotlust
participant-grant-view = Vaata oma taotlust
grant-page-title = Toetuse taotlus
grant-deadline = Taotlusi võetakse vastu kuni
grant-max-amount = Suurim summa
grant-decisions-by = Otsused hiljemalt
grant-status = Teie taotlus
grant-status-draft = Mustand — veel saatmata
grant-status-submitted = Esitatud — ootab otsust
grant-status-funded = Rahastatud
grant-status-not-funded = Ei rahastatud
grant-decision-funded = Korraldajad otsustasid teie projekti rahastada: { $amount }.
grant-decision-not-funded = Korraldajad otsustasid teie projekti seekord mitte rahastada.
grant-refused-no-call = Selles tsüklis toetusvooru ei ole.
grant-refused-not-confirmed = Toetust saavad taotleda ainult tsükli kinnitatud osalejad.
grant-refused-not-yet = { PLURAL($count) ->
    [one] Te ei saa veel taotleda: osalege veel { $count } sessioonil.
   *[other] Te ei saa veel taotleda: osalege veel { $count } sessioonil.
}
grant-refused-no-longer = Te ei saa taotleda: toetuseks nõutava arvu saavutamiseks on jäänud liiga vähe sessioone.
grant-refused-closed = Taotlusi enam vastu ei võeta: tähtaeg on möödas.
grant-refused-submitted = Teie taotlus on esitatud ja seda ei saa enam muuta.
grant-field-title = Projekti pealkiri
grant-field-summary = Projekti kokkuvõte
grant-field-summary-hint = { PLURAL($count) ->
    [one] Mida projekt teeb, kellega ja kellele. Kuni { $count } märk.
   *[other] Mida projekt teeb, kellega ja kellele. Kuni { $count } märki.
}
grant-field-partners = Kogukonna partnerid
grant-field-amount = Taotletav summa (eurodes)
grant-field-amount-hint = Näiteks 1200 või 1200,50. Kõige rohkem { $max }.
grant-field-amount-hint-any = Näiteks 1200 või 1200,50.
grant-field-attachment = Manus (PDF)
grant-field-attachment-hint = Eelarve või projekti kirjeldus PDF-failina, kuni 5 MB. Uue faili valimine asendab juba lisatud faili.
grant-field-required-title = Sisestage projekti pealkiri
grant-field-required-summary = Sisestage projekti kokkuvõte
grant-field-required-amount = Sisestage taotletav summa
grant-field-amount-positive = Summa peab olema suurem kui 0
grant-field-amount-over = Summa on suurem, kui toetusvoor lubab
grant-field-amount-format = Sisestage summa eurodes, näiteks 1200 või 1200,50
grant-field-attachment-too-large = Fail on suurem kui 5 MB
grant-field-attachment-not-pdf = Fail ei ole PDF-dokument
grant-attachment-current = Lisatud: { $file }
grant-attachment-size = { $size } MB
grant-attachment-remove = Eemalda manus
grant-save = Salvesta mustand
grant-submit = Esita taotlus
grant-submit-hint = Salvestatud mustandit saab muuta tähtajani. Esitatud taotlust muuta ei saa; saate selle koopia e-postiga.
grant-your-application = Mida te saatsite
grant-back = Tagasi oma lehele
grant-submitted-at = Esitatud
grant-granted = Määratud summa
grant-decision-comment = Korraldajate kommentaar
notice-grant-saved = Teie mustand on salvestatud.
notice-grant-submitted = Teie taotlus on esitatud. Koopia on teel teie e-postile.
notice-grant-attachment-removed = Manus on eemaldatud.

## Certificates
participant-certificate = Osalemistunnistus
participant-certificate-open = Ava tunnistus
participant-certificate-pdf = Laadi alla PDF-ina
certificate-heading = Osalemistunnistus
certificate-intro = Käesolevaga tõendatakse, et
certificate-completed = läbis koolitustsükli
certificate-attended = Osales { $attended } sessioonil { $total }-st
certificate-organised-by = Korraldaja: { $organisation }
certificate-code = Kontrollkood: { $code }
certificate-verify-at = Kontrollige aadressil { $url }
verify-title = Tunnistuse kontroll
verify-valid = See tunnistus on kehtiv.
verify-invalid = See tunnistus ei ole enam kehtiv.
verify-name = Nimi
verify-cycle = Koolitustsükkel
certificate-code-label = Kood

## The participant's data rights
privacy-title = Privaatsusteade
privacy-version = Versioon { $version }
privacy-controller = Teie andmete eest vastutab: { $controller }. Küsimused nende kohta: { $contact }.
privacy-what-title = Mida säilitatakse
privacy-what = See, mida kirjutate registreerimisvormi (nimi, e-posti aadress, telefon, kui selle andsite, asutus, selle liik, teie ametikoht, piirkond, riik, keel), millal nõustusite selle teatega ja millise versiooniga, teie koht või koht ootenimekirjas, teie osalemine igal sessioonil (kohapealsest registreerimisest, korraldajate nimekirjast või veebikohtumise aruandest), toetuse taotlus, kui selle esitate, ning milliseid e-kirju teile saadeti.
privacy-why-title = Miks
privacy-why = Et korraldada koolitustsüklit, millele registreerute: kohad ja ootenimekiri, kinnitused ja meeldetuletused, osalemine, tunnistused ja sellele järgnev toetusvoor. Aluseks on teie nõusolek, mille võite igal ajal tagasi võtta, kustutades oma andmed.
privacy-who-title = Kes neid näeb
privacy-who = Tsükli korraldajad. Andmeid ei müüda ega anta kellelegi teisele. E-kirjad saadetakse korraldajate meiliserveri kaudu.
privacy-how-long-title = Kui kaua
privacy-how-long = Nii kaua, kui iga tsükli lehel on öeldud; seejärel kustutatakse isikuandmed iseenesest. Nimeta arvud (kui palju registreerus ja osales, millistest riikidest ja mis liiki asutustest, toetuste summad) säilitatakse rahastajatele esitatavate aruannete jaoks.
privacy-rights-title = Teie õigused
privacy-rights = Oma lehelt (link on igas tsükli e-kirjas) saate alla laadida kõik teie kohta säilitatava ja lasta selle kustutada. Kui teil linki enam ei ole, kirjutage ülal toodud aadressile.
privacy-notice-link = Privaatsusteade
privacy-kept-until = Isikuandmeid säilitatakse kuni { $until } ja seejärel need kustutatakse.
participant-data-title = Teie andmed
participant-data-hint = Saate alla laadida kõik teie kohta säilitatava või lasta selle kustutada.
participant-data-download = Laadi alla minu andmed (JSON)
participant-data-erase = Kustuta minu andmed
erase-title = Kas kustutada teie andmed?
erase-removes = Teie nimi, e-posti aadress, telefon, asutus ja ametikoht, toetuse taotluse tekstid ja selle manus ning tunnistuse kood eemaldatakse jäädavalt. See link lakkab töötamast.
erase-keeps = Ilma teie nimeta säilitatakse korraldajate statistika ja rahastajatele esitatavate aruannete jaoks: et registreerimine oli olemas, asutuse liik, riik ja piirkond, osalemismärked ning toetuste summad ja otsused.
erase-gives-back-place = Teie koht või koht ootenimekirjas vabastatakse, et ootaja saaks selle endale.
erase-final = Seda ei saa tagasi võtta.
erase-button = Kustuta minu andmed
erase-back = Ei, tagasi minu lehele
erased-title = Teie andmed on kustutatud
erased-text = Teie isikuandmed on kustutatud. Sellest tsüklist ei tule enam e-kirju ja teie link ei ava enam midagi.

## Email
mail-greeting = Tere, { $name }!
mail-your-page = Teie leht (hoidke see link enda teada — see on teie võti):
mail-open-page = Ava minu leht
mail-confirm-by = Koha säilitamiseks kinnitage oma e-posti aadress oma lehel hiljemalt { $until }.
mail-footer = Saite selle e-kirja, sest registreerusite koolitustsüklile.
mail-contact-label = Küsimusi? Võtke ühendust korraldajatega
mail-subject-seated = teie koht
mail-subject-waitlisted = ootenimekiri
mail-subject-link-again = teie registreerimise link
mail-subject-promoted = koht on teie
mail-subject-cancelled = registreerimine tühistatud
mail-subject-expired = koht vabastatud
mail-subject-grant-eligible = võite toetust taotleda
mail-body-seated = Aitäh registreerumast. Teile on koht reserveeritud.
mail-body-waitlisted = Aitäh registreerumast. Kõik kohad on täis, seega olete ootenimekirjas.
mail-body-link-again = Keegi (tõenäoliselt teie) küsis uuesti teie registreerimise linki või proovis selle aadressiga uuesti registreeruda. Olete juba registreeritud; siin on link teie lehele.
mail-body-promoted = Hea uudis: koht vabanes ja see on nüüd teie.
mail-choose-session-label = Valige sessioon
mail-choose-session = { $when }: teil pole selleks ajaks sessiooni valitud — valitud sessioon võis ootejärjekorras oldud ajal täituda. Valige sessioon oma lehel.
mail-body-cancelled = Teie registreerimine on tühistatud. Lisatud kalendrifail eemaldab sessioonid teie kalendrist. Kui see on eksitus, võtke ühendust korraldajatega; kuni registreerimine on avatud, võite ka tsükli lehel uuesti registreeruda.
mail-body-expired = E-posti aadressi ei kinnitatud õigeks ajaks, seega läks koht järgmisele inimesele ootenimekirjas.
mail-body-grant-eligible = Osalesite piisavalt sessioonidel ja võite toetust taotleda. Taotlemiseks avage oma leht.
mail-subject-grant-submitted = teie toetuse taotlus on kätte saadud
mail-body-grant-submitted = Aitäh: teie toetuse taotlus on kätte saadud. See on koopia sellest, mida saatsite.
mail-subject-grant-decided-funded = teie projekt on rahastatud
mail-body-grant-decided-funded = Hea uudis: korraldajad otsustasid teie projekti rahastada.
mail-subject-grant-decided-not-funded = otsus teie toetuse taotluse kohta
mail-body-grant-decided-not-funded = Korraldajad on teie toetuse taotluse kohta otsuse teinud: seekord seda ei rahastata.

# Reminders before each session (issue 9)
mail-subject-reminder = meeldetuletus: { $session }
mail-body-reminder = Meeldetuletus: sessiooni „{ $session }“ aeg on { $when }.
mail-reminder-where = Koht
mail-reminder-join = Liitumise link

# Schedule changes (issue 9)
mail-subject-schedule-changed = ajakava muudatus: { $session }
mail-body-schedule-changed = Sessioon „{ $session }“ on muutunud. Siin on, mis muutus; lisatud kalendrifail uuendab teie kalendris juba olevat kirjet.
mail-change-time = Aeg
mail-change-place = Koht
calendar-your-page = Teie leht (ajakava, lingid, tühistamine): { $link }
calendar-cancelled = Loovutasite oma koha; see sessioon ei ole enam teie plaanides.

# The waiting list closes when the first session starts (issue 9)
mail-subject-no-seat-freed = kohta ei vabanenud
mail-body-no-seat-freed = Esimene sessioon on alanud ja teile kohta ei vabanenud, seega on teie koht ootenimekirjas lõppenud. Aitäh huvi eest — loodame teid näha mõnes järgmises tsüklis.

# Progress after each session (issue 9)
mail-subject-progress = teie osalemine pärast sessiooni „{ $session }“
mail-body-progress = Sessioon „{ $session }“ on lõppenud. Seni registreeritud osalemise järgi on teie seis selline; kui see pole õige, vastake sellele e-kirjale.
mail-subject-progress-lost = pärast sessiooni „{ $session }“: alles on liiga vähe sessioone
mail-body-progress-lost = Sessioon „{ $session }“ on lõppenud. Seni registreeritud osalemise järgi on miinimumi täitmiseks alles liiga vähe sessioone; olete siiski oodatud ülejäänud sessioonidele. Kui andmed pole õiged, vastake sellele e-kirjale.
mail-progress-label = Teie osalemine
mail-progress-stop-label = Ei soovi neid e-kirju?
mail-progress-stop = Saate need oma lehel peatada.

# Questions per cycle and the country choice (issue 10)
field-country-choose = Valige riik
question-yes = Jah
question-no = Ei
question-error-missing = Vastake: { $label }
question-error-not-chosen = Valige vastus: { $label }
question-error-not-an-option = Valige üks pakutud vastustest: { $label }
question-error-date = Sisestage päris kuupäev, näiteks 2026-11-29: { $label }
question-error-too-long = Kasutage kuni { $max } märki: { $label }
question-error-unreadable = Sisestage vastus uuesti ilma erimärkideta: { $label }

# Chosen sessions and tracks (issue 10)
choice-track = suund { $track }
choice-full-label = täis
choice-slot-legend = Valige üks sessioon: { $when }
choice-hint = Need sessioonid toimuvad samal ajal. Osalete sellel, mille valite.
choice-missing = Valige üks sel ajal toimuvatest sessioonidest
choice-full = See sessioon on täis: valige mõni teine
choice-title = Teie sessioonid
choice-none-yet = Te pole selleks ajaks veel sessiooni valinud.
choice-current = Teie valik: { $title }
choice-change = Muuda minu sessiooni
choice-change-not-allowed = Seda sessiooni ei saa valida.
choice-change-full = See sessioon on täis; teie valik jääb samaks.
choice-change-started = Sessioon on juba alanud; teie valik jääb samaks.
notice-choice-changed = Teie sessioonivalik on muudetud.
notice-choice-unchanged = Olite selle sessiooni juba valinud.
# Organisations and organisers (issue 10)
cycle-organised-by = Korraldaja: { $organisation }
cycle-co-organisers = Koos korraldavad
cycle-partners = Partnerid
index-filter-title = Leia tsükkel
index-filter-organisation = Organisatsioon
index-filter-language = Keel
index-filter-country = Riik
index-filter-any = Kõik
index-filter-apply = Näita tsükleid
index-filter-clear = Näita kõiki tsükleid
index-filter-nothing = Sellele valikule ei vasta ükski avaldatud tsükkel.
