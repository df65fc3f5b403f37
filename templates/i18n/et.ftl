# Eesti. Plurals: select on PLURAL($count) (CLDR categories: one, other).
# Not yet complete: a key missing here is shown in English, and organiser
# pages are shown in English with a notice (see src/i18n.rs).

language-name = Eesti
language-complete = no
language-fallback-notice = See lehekülg on inglise keeles.

skip-to-content = Mine põhisisu juurde
nav-language = Keel
footer-text = Cohort — koolitustsüklite registreerimine ja osalemine
yes = Jah
no = Ei
title-error-prefix = Viga

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

error-not-found = Lehekülge ei leitud
error-forbidden = Seda ei saa teha
error-too-many = Liiga palju katseid. Oodake mõni minut ja proovige uuesti.
error-internal = Vabandust, meie poolel läks midagi valesti. Proovige hiljem uuesti.
error-back-home = Avalehele
error-summary-title = Tekkis probleem

index-title = Koolitustsüklid
index-empty = Praegu avaldatud koolitustsükleid ei ole.
index-starts = Algab
cycle-opens-at = Registreerimine avatakse { $when }
cycle-open-until = Registreerimine on avatud kuni { $when }
cycle-closed = Selle tsükli registreerimine on suletud.
cycle-full = Kõik kohad on täis ja ootenimekirja ei peeta.
cycle-schedule = Ajakava
cycle-times-in-zone = Ajavöönd: { $zone }.
cycle-register = Registreeru
cycle-seats = Kohad
cycle-deadline = Registreerimise tähtaeg
cycle-submit = Registreeru
seats-left = { PLURAL($count) ->
    [one] Vaba on { $count } koht
   *[other] Vaba on { $count } kohta
}
