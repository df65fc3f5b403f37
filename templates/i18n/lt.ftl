# Lietuvių. Plurals: select on PLURAL($count) (CLDR categories: one, few,
# many, other; "many" is for fractions). Not yet complete: a key missing here
# is shown in English, and organiser pages are shown in English with a notice
# (see src/i18n.rs).

language-name = Lietuvių
language-complete = no
language-fallback-notice = Šis puslapis rodomas anglų kalba.

skip-to-content = Pereiti prie pagrindinio turinio
nav-language = Kalba
footer-text = Cohort – mokymų ciklų registracija ir lankomumas
yes = Taip
no = Ne
title-error-prefix = Klaida

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

error-not-found = Puslapis nerastas
error-forbidden = To padaryti negalite
error-too-many = Per daug bandymų. Palaukite kelias minutes ir bandykite dar kartą.
error-internal = Atsiprašome, mūsų pusėje įvyko klaida. Bandykite vėliau.
error-back-home = Į pradžios puslapį
error-summary-title = Iškilo problema

index-title = Mokymų ciklai
index-empty = Šiuo metu paskelbtų mokymų ciklų nėra.
index-starts = Prasideda
cycle-opens-at = Registracija prasidės { $when }
cycle-open-until = Registracija vyksta iki { $when }
cycle-closed = Šio ciklo registracija baigta.
cycle-full = Visos vietos užimtos, o laukiančiųjų sąrašas nesudaromas.
cycle-schedule = Tvarkaraštis
cycle-times-in-zone = Laiko juosta: { $zone }.
cycle-register = Registruotis
cycle-seats = Vietos
cycle-deadline = Registracijos terminas
cycle-submit = Registruotis
seats-left = { PLURAL($count) ->
    [one] Liko { $count } vieta
    [few] Liko { $count } vietos
   *[other] Liko { $count } vietų
}
