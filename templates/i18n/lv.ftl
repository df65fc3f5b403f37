# Latviešu valoda. Daudzskaitlis: izvēle pēc PLURAL($count) (kategorijas: zero, one, other).
# PLURAL lieto mūsu pašu noteikumus: 0, 10–20, 30, 111 = zero; 1, 21, 101 = one; pārējie = other.

skip-to-content = Pāriet uz galveno saturu
nav-language = Valoda
nav-organiser = Organizators
nav-admin = Organizatora lapas
nav-logout = Iziet
nav-logout-everywhere = Iziet visās ierīcēs
footer-text = Cohort — reģistrācija un apmeklējuma uzskaite apmācību cikliem
yes = Jā
no = Nē
title-error-prefix = Kļūda

## Datumi ($monthname ir lokatīvā: "decembrī"; $monthuntil datīvā: "līdz decembrim"; $dottime = "10.00"): $weekday, $day, $day2 (divi cipari), $month (divi cipari), $monthname, $year, $time, $end, $zone
format-date = { $weekday }, { $year }. gada { $day }. { $monthname }
format-datetime = { $year }. gada { $day }. { $monthname }, plkst. { $dottime } ({ $zone })
format-span = { $weekday }, { $year }. gada { $day }. { $monthname }, plkst. { $dottime }–{ $dotend } ({ $zone })
weekday-1 = pirmdiena
weekday-2 = otrdiena
weekday-3 = trešdiena
weekday-4 = ceturtdiena
weekday-5 = piektdiena
weekday-6 = sestdiena
weekday-7 = svētdiena
month-1 = janvārī
month-2 = februārī
month-3 = martā
month-4 = aprīlī
month-5 = maijā
month-6 = jūnijā
month-7 = jūlijā
month-8 = augustā
month-9 = septembrī
month-10 = oktobrī
month-11 = novembrī
month-12 = decembrī

## Kļūdas
error-not-found = Lapa nav atrasta
error-forbidden = To jūs nevarat darīt
error-csrf = Šīs veidlapas derīgums ir beidzies vai tā nav nosūtīta no šīs vietnes. Atgriezieties, pārlādējiet lapu un mēģiniet vēlreiz.
error-too-many = Pārāk daudz mēģinājumu. Pagaidiet dažas minūtes un mēģiniet vēlreiz.
error-too-large = Nosūtītie dati ir pārāk lieli.
error-bad-request = Pieprasījumu nevar nolasīt.
error-internal = Atvainojiet, mūsu pusē radās kļūda. Mēģiniet vēlāk vēlreiz.
error-unavailable = Pakalpojums īslaicīgi nav pieejams (neatbild tā datubāze). Nekas no nosūtītā netika saglabāts. Mēģiniet vēlreiz pēc minūtes.
error-admin-only = To var darīt tikai administratori.
error-back-home = Uz sākumlapu
error-request-id = Kļūdas numurs
error-summary-title = Radās problēma

## Publiskās lapas
index-title = Apmācību cikli
index-empty = Pašlaik nav publicētu apmācību ciklu.
index-starts = Sākums
cycle-opens-at = Reģistrācija sāksies { $when }
cycle-open-until = Reģistrācija atvērta līdz { $when }
cycle-closed = Reģistrācija šim ciklam ir slēgta.
cycle-full = Visas vietas ir aizņemtas, un šim ciklam nav rindas.
cycle-waitlist-note = Visas vietas ir aizņemtas. Ja reģistrēsieties tagad, nonāksiet rindā un saņemsiet vietu automātiski, tiklīdz kāda atbrīvosies.
cycle-schedule = Nodarbību grafiks
cycle-times-in-zone = Laika josla: { $zone }.
cycle-register = Reģistrācija
cycle-seats = Vietas
cycle-deadline = Reģistrācijas termiņš
cycle-submit = Reģistrēties
seats-left = { PLURAL($count) ->
    [zero] { $count } brīvu vietu
    [one] { $count } brīva vieta
   *[other] { $count } brīvas vietas
}
session-online = Tiešsaistē
mode-in-person = Klātienē
mode-online = Tiešsaistē

## Reģistrācijas veidlapa
field-first-name = Vārds
field-last-name = Uzvārds
field-email = E-pasta adrese
field-phone = Tālruņa numurs
field-optional = (nav obligāts)
field-institution = Iestāde
field-institution-type = Iestādes veids
field-position = Amats
field-region = Reģions vai pašvaldība
field-country = Valsts
field-country-hint = Valsts, kurā strādājat
field-language = E-pastu valoda
field-consent = Piekrītu, ka mani dati tiek apstrādāti šī apmācību cikla organizēšanai, kā aprakstīts privātuma paziņojumā.
field-honeypot = Atstājiet šo lauku tukšu
field-name = Vārds, uzvārds
field-password = Parole
field-password-new = Jaunā parole (vismaz 12 rakstzīmes)
field-password-again = Jaunā parole vēlreiz
institution-museum = Muzejs
institution-library = Bibliotēka
institution-archive = Arhīvs
institution-gallery = Galerija
institution-other = Cita
field-required-first-name = Ievadiet savu vārdu
field-required-last-name = Ievadiet savu uzvārdu
field-required-email = Ievadiet savu e-pasta adresi
field-required-institution = Ievadiet savas iestādes nosaukumu
field-required-institution-type = Izvēlieties savas iestādes veidu
field-required-position = Ievadiet savu amatu
field-required-region = Ievadiet savu reģionu vai pašvaldību
field-required-language = Izvēlieties e-pastu valodu
field-required-consent = Lai reģistrētos, jums jāpiekrīt datu apstrādei
field-required-name = Ievadiet vārdu
field-email-invalid = Ievadiet pareizu e-pasta adresi, piemēram, vards@piemers.lv
field-phone-invalid = Tālruņa numurā drīkst būt tikai cipari, atstarpes, +, - un iekavas
field-country-invalid = Izvēlieties savu valsti
field-too-long = Teksts ir pārāk garš
field-unreadable = Tekstā ir rakstzīmes, kuras nevar nolasīt. Ierakstiet to vēlreiz.
field-password-short = Parolei jābūt vismaz 12 rakstzīmes garai
field-password-mismatch = Paroles nesakrīt
field-organiser-exists = Organizators ar šo e-pasta adresi jau ir

## Pēc reģistrācijas
registered-waitlist-position = { PLURAL($count) ->
   *[other] Jūsu vieta rindā: { $count }.
}
registered-pending-title = Vieta jums ir rezervēta
registered-pending-body = Esam nosūtījuši e-pastu ar saiti uz jūsu lapu. Atveriet to un apstipriniet e-pasta adresi, lai vietu paturētu.
registered-confirmed-title = Reģistrācija ir apstiprināta
registered-confirmed-body = Esam nosūtījuši e-pastu ar nodarbību grafiku, kalendāra failu un saiti uz jūsu lapu.
registered-waitlisted-title = Jūs esat rindā
registered-waitlisted-body = Visas vietas ir aizņemtas. Kad kāda vieta atbrīvosies, to saņems pirmais rindā, un mēs jums uzreiz paziņosim pa e-pastu.
registered-again-title = Pārbaudiet e-pastu
registered-again-body = Esam nosūtījuši saiti uz jūsu reģistrācijas lapu uz norādīto adresi.
registered-check-email-title = Pārbaudiet e-pastu
registered-check-email-body = Ja reģistrācija izdevās, jūs saņemsiet e-pastu ar saiti uz savu lapu.

## Dalībnieka lapa
participant-status = Statuss
status-pending = Vieta rezervēta, e-pasts nav apstiprināts
status-confirmed = Apstiprināts
status-waitlisted = Rindā
status-cancelled = Atcelts
status-expired = Beidzies termiņš
status-pending-line = Apstipriniet e-pasta adresi līdz { $until }, citādi vieta tiks nākamajam rindā.
status-confirmed-line = Jūsu vieta ir apstiprināta. Uz tikšanos nodarbībās!
status-waitlisted-line = Jūs esat { $count }. rindā. Kad vieta atbrīvosies, paziņosim pa e-pastu.
status-cancelled-line = Šī reģistrācija ir atcelta.
status-expired-line = E-pasta adrese netika apstiprināta laikā, tāpēc vieta tika nākamajam rindā.
participant-confirm = Apstiprināt manu e-pasta adresi
participant-join = Pievienoties tiešsaistes nodarbībai
participant-calendar = Pievienot visas nodarbības kalendāram (.ics)
participant-attendance = Apmeklējums
participant-session = Nodarbība
participant-date = Datums
participant-attended = Apmeklēts
attendance-present = Apmeklēta
attendance-absent = Nav apmeklēta
attendance-upcoming = Vēl nav notikusi
participant-checkin = Ierašanās kods
participant-checkin-hint = Uzrādiet šo kodu pie ieejas klātienes nodarbībā.
participant-cancel-title = Nevarat ierasties?
participant-cancel-hint = Atdodiet savu vietu, lai to varētu saņemt kāds no rindas. To nevar atsaukt.
participant-cancel = Atdot savu vietu
participant-cycle-page = Par šo apmācību ciklu
notice-confirmed = Paldies — jūsu e-pasta adrese ir apstiprināta.
notice-already-confirmed = Jūsu e-pasta adrese jau bija apstiprināta.
notice-not-allowed = Šo reģistrāciju vairs nevar mainīt.
notice-cancelled = Jūsu reģistrācija ir atcelta. Paldies, ka paziņojāt.
notice-already-cancelled = Šī reģistrācija jau bija atcelta.
## Pieteikšanās un iestatīšana
login-title = Pieteikties
login-submit = Pieteikties
login-failed = E-pasta adrese vai parole nav pareiza
setup-title = Izveidot administratora kontu
setup-intro = Šī saite darbojas vienu reizi. Šeit izveidotais konts var pievienot citus organizatorus.
setup-submit = Izveidot kontu

## Organizatora lapas
alert-mail-stalled = E-pasti netiek nosūtīti: gaida { $count } { $count ->
    [zero] ziņojumu
    [one] ziņojums
   *[other] ziņojumi
}, vecākais jau { $minutes } min. Pārbaudiet pasta servera iestatījumus (COHORT_SMTP_URL) un servera žurnālu.
alert-proxy-untrusted = Pieprasījumi nāk caur starpniekserveri, kuram Cohort neuzticas: visiem apmeklētājiem ir viena adrese, tāpēc reģistrāciju un pieteikšanās ierobežojumi attiecas uz visiem kopā. Iestatiet COHORT_TRUST_PROXY=true.
admin-title = Apmācību cikli
admin-new-cycle = Jauns cikls
admin-edit-cycle = Labot ciklu
admin-cycle-form = Cikls
admin-organisers = Organizatori
admin-no-cycles = Vēl nav neviena cikla.
admin-cycle = Cikls
admin-seats = Aizņemtās vietas
admin-published = Publicēts
admin-public-page = Publiskā lapa
admin-download-csv = Lejupielādēt reģistrācijas (CSV)
admin-attendance-matrix = Apmeklējums un atbilstība
admin-sessions = Nodarbības
admin-session = Nodarbība
admin-set-capacity = Mainīt vietu skaitu
admin-registrations = Reģistrācijas
admin-search = Meklēt pēc vārda, iestādes vai e-pasta
admin-all = Visi
admin-filter = Atlasīt
admin-no-registrations = Nav atbilstošu reģistrāciju.
admin-registered-at = Reģistrējies
admin-actions = Darbības
admin-cancel-registration = Atcelt
admin-restore-registration = Atjaunot
admin-waitlist = Rinda
admin-waitlist-empty = Rindā neviena nav.
admin-save = Saglabāt
admin-role = Loma
admin-add-organiser = Pievienot organizatoru
role-admin = Administrators
role-organiser = Organizators
notice-capacity-changed = Vietu skaits mainīts.
notice-registration-cancelled = Reģistrācija atcelta.
notice-registration-restored = Reģistrācija atjaunota.
notice-unchanged = Nekas netika mainīts.
notice-organiser-added = Organizators pievienots.
cycle-field-slug = Nosaukums tīmekļa adresē (burti, cipari, defises)
cycle-field-title = Nosaukums
cycle-field-description = Apraksts
cycle-field-language = Apmācību valoda
cycle-field-timezone = Laika josla
cycle-field-capacity = Vietu skaits
cycle-field-opens = Reģistrācija sākas (vietējais laiks)
cycle-field-closes = Reģistrācija beidzas (vietējais laiks, ieskaitot)
cycle-field-hold-hours = Stundas e-pasta apstiprināšanai, pirms vieta tiek atbrīvota
cycle-field-min-sessions = Granta saņemšanai nepieciešamās nodarbības
cycle-field-reminder-hours = Atgādinājums pirms katras nodarbības, stundās (tukšs: dienu iepriekš plkst. 10.00; 0: bez atgādinājumiem)
cycle-field-waitlist = Veidot rindu
cycle-field-confirmation = Prasīt e-pasta apstiprināšanu
cycle-field-published = Publicēts
cycle-field-grant = Granta konkurss
cycle-field-grant-title = Granta konkursa nosaukums
cycle-field-grant-until = Pieteikumus pieņem līdz
cycle-sessions-hint = Atstājiet nodarbības laukus tukšus, lai to izlaistu.
cycle-field-session-title = Nosaukums
cycle-field-starts = Sākums (vietējais laiks)
cycle-field-ends = Beigas (vietējais laiks)
cycle-field-mode = Norises veids
cycle-field-location = Vieta un adrese
cycle-field-online-url = Tiešsaistes sanāksmes saite
problem-file = Fails nav derīgs cikla fails
problem-required = Šis lauks ir obligāts
problem-too-long = Teksts ir pārāk garš
problem-control-chars = Tekstā ir neatļautas rakstzīmes
problem-format = Ievadiet datumu un laiku, piemēram, 2026-11-29T23:59
problem-slug = Izmantojiet mazos latīņu burtus, ciparus un atsevišķas defises
problem-language = Izmantojiet valodas kodu, kurā Cohort runā, piemēram, lv vai en
problem-zone = Ievadiet laika joslu, piemēram, Europe/Riga
problem-country = Izmantojiet valsts divu burtu kodu, piemēram, LV
problem-range = Ievadiet skaitli atļautajās robežās
problem-min-sessions-over = Tas ir vairāk nekā nodarbību skaits
problem-too-many = Pārāk daudz nodarbību
problem-closes-before-opens = Reģistrācijai jābeidzas pēc tās sākuma
problem-ends-before-start = Nodarbībai jābeidzas pēc tās sākuma
problem-mode = Izvēlieties klātienē vai tiešsaistē
problem-location-required = Ievadiet klātienes nodarbības vietu
problem-url-required = Ievadiet tiešsaistes nodarbības saiti
problem-url-invalid = Ievadiet saiti, kas sākas ar https://
problem-slug-taken = Cikls ar šādu nosaukumu tīmekļa adresē jau ir
problem-capacity-below-taken = Vietu skaits nevar būt mazāks par jau aizņemtajām vietām
problem-session-has-attendance = Šai nodarbībai jau ir reģistrēts apmeklējums, to nevar dzēst

## E-pasts
mail-greeting = Labdien, { $name }!
mail-your-page = Jūsu lapa (neizpaudiet šo saiti citiem — tā ir jūsu atslēga):
mail-open-page = Atvērt manu lapu
mail-confirm-by = Lai vietu paturētu, apstipriniet e-pasta adresi savā lapā līdz { $until }.
mail-footer = Jūs saņēmāt šo e-pastu, jo reģistrējāties apmācību ciklam.
mail-subject-seated = jūsu vieta
mail-subject-waitlisted = rinda
mail-subject-link-again = jūsu reģistrācijas saite
mail-subject-promoted = vieta ir jūsu
mail-subject-cancelled = reģistrācija atcelta
mail-subject-expired = vieta atbrīvota
mail-subject-grant-eligible = jūs varat pieteikties grantam
mail-body-seated = Paldies par reģistrāciju! Jums ir rezervēta vieta.
mail-body-waitlisted = Paldies par reģistrāciju! Visas vietas ir aizņemtas, tāpēc jūs esat rindā.
mail-body-link-again = Kāds (droši vien jūs) palūdza saiti uz jūsu reģistrāciju vēlreiz vai mēģināja vēlreiz reģistrēties ar šo adresi. Jūsu reģistrācija jau ir saņemta; šeit ir saite uz jūsu lapu.
mail-body-promoted = Labas ziņas: vieta ir atbrīvojusies, un tagad tā ir jūsu.
mail-choose-session-label = Izvēlieties nodarbību
mail-choose-session = { $when }: jums šim laikam nav izvēlētas nodarbības — tajā, ko izvēlējāties, vietas var būt beigušās, kamēr gaidījāt rindā. Izvēlieties nodarbību savā lapā.
mail-body-cancelled = Jūsu reģistrācija ir atcelta. Pievienotais kalendāra fails izņem nodarbības no jūsu kalendāra. Ja tā ir kļūda, sazinieties ar organizatoriem; kamēr reģistrācija atvērta, cikla lapā var arī reģistrēties vēlreiz.
mail-body-expired = E-pasta adrese netika apstiprināta laikā, tāpēc vieta tika nākamajam rindā.
mail-body-grant-eligible = Jūs apmeklējāt pietiekami daudz nodarbību un varat pieteikties grantam. Atveriet savu lapu, lai pieteiktos.

## Apmeklējums
source-manual = saraksts
source-checkin = ierašanās kods
source-import = Zoom atskaite
roster-present-count = { PLURAL($count) ->
    [zero] Klātesoši atzīmēti { $count } dalībnieki
    [one] Klātesošs atzīmēts { $count } dalībnieks
   *[other] Klātesoši atzīmēti { $count } dalībnieki
}
roster-sort = Kārtot pēc
roster-sort-name = Vārda
roster-sort-institution = Iestādes
roster-empty = Nav apstiprinātu dalībnieku.
roster-present = Klāt
roster-source = Avots
roster-minutes = Minūtes
roster-save = Saglabāt apmeklējumu
roster-mark-all = Atzīmēt visus kā klātesošus
roster-clear-search-to-save = Notīriet meklēšanu, lai saglabātu visu sarakstu.
notice-attendance-saved = Apmeklējums saglabāts.
import-title = Zoom dalībnieku atskaite
import-hint = Augšupielādējiet no Zoom eksportēto dalībnieku atskaiti (CSV). Pirms izmaiņām redzēsiet, kuri tiks atzīmēti kā klātesoši.
import-file = Atskaites fails
import-preview = Priekšskatīt
import-threshold = Minūtes, kas vajadzīgas, lai skaitītos klātesošs
import-recalculate = Pārrēķināt
import-will-be-present = { PLURAL($count) ->
    [zero] Klātesoši tiks atzīmēti { $count }
    [one] Klātesošs tiks atzīmēts { $count }
   *[other] Klātesoši tiks atzīmēti { $count }
}
import-stay-absent = { PLURAL($count) ->
    [zero] Prombūtnē paliek { $count }
    [one] Prombūtnē paliek { $count }
   *[other] Prombūtnē paliek { $count }
}
import-unmatched = { PLURAL($count) ->
    [zero] { $count } atskaites ierakstu nevarēja sasaistīt
    [one] { $count } atskaites ierakstu nevarēja sasaistīt
   *[other] { $count } atskaites ierakstus nevarēja sasaistīt
}
import-matched-by = Sasaistīts pēc
import-report-name = Vārds atskaitē
import-note = Piezīme
import-keeps-present = jau klātesošs; paliek klātesošs
import-assign-hint = Izvēlieties, kas ir katrs ieraksts; ieraksti ar "neviens" tiek ignorēti.
import-assign = Dalībnieks
import-nobody = neviens
import-apply = Piemērot
matched-by-email = e-pasta
matched-by-name = vārda
matched-by-manual = izvēlēts ar roku
matched-by-none = nav atskaitē
import-error-no-file = Izvēlieties augšupielādējamo atskaites failu
import-error-empty = Fails ir tukšs
import-error-not-zoom-report = Šis fails nav Zoom dalībnieku atskaite: tajā nav kolonnas ar dalībnieku vārdiem un ilgumu vai pievienošanās un aiziešanas laiku
import-error-too-large = Fails ir lielāks par 10 MB
import-error-too-many-rows = Failā ir vairāk nekā 50 000 rindu
import-error-no-participants = Atskaitē nav neviena dalībnieka
import-error-bad-row = Faila { $line }. rinda: { $problem }
import-error-bad-row-generic = Kādu faila rindu nevarēja nolasīt
import-row-malformed = rinda nav derīgs CSV
import-row-missing-name = nav ne vārda, ne e-pasta
import-row-bad-duration = ilgums nav minūšu skaits
import-row-bad-join-time = pievienošanās laiku nevar nolasīt
import-row-bad-leave-time = aiziešanas laiku nevar nolasīt
import-row-leave-before-join = aiziešanas laiks ir pirms pievienošanās laika
import-row-missing-minutes = nav ne ilguma, ne pievienošanās vai aiziešanas laika
verdict-eligible = var pieteikties
verdict-still-possible = vēl iespējams
verdict-no-longer-possible = vairs nav iespējams
matrix-eligible-count = { PLURAL($count) ->
    [zero] Grantam var pieteikties { $count } dalībnieku.
    [one] Grantam var pieteikties { $count } dalībnieks.
   *[other] Grantam var pieteikties { $count } dalībnieki.
}
matrix-download = Lejupielādēt eligibility.csv
matrix-attended = Apmeklētas
matrix-verdict = Grants
matrix-totals = Klātesošie nodarbībā
matrix-notify = Paziņot dalībniekiem, kuri var pieteikties grantam
matrix-notify-hint = Katrs dalībnieks, kurš var pieteikties, saņem vienu e-pastu, lai cik reižu tiktu nospiests.
notice-eligible-notified = Dalībnieki, kuri var pieteikties, saņems e-pastu.
notice-no-new-eligible = Visiem, kuri var pieteikties, jau ir paziņots.
audit-summary = Apmeklētas { $attended } no { $total } nodarbībām (vajadzīgas { $min }); statuss: { $status }; grants: { $verdict }.
audit-title = Apmeklējuma vēsture
audit-empty = Apmeklējums vēl nav reģistrēts.
audit-when = Kad
audit-change = Izmaiņa
audit-by = Kas
checkin-title = Ierašanās
checkin-session = Nodarbība
checkin-submit = Atzīmēt kā klātesošu
checkin-done = Atzīmēts kā klātesošs.
checkin-already = Jau atzīmēts kā klātesošs — nekas nemainījās.
checkin-not-confirmed = Šī reģistrācija nav apstiprināta, tāpēc to nevar atzīmēt kā klātesošu.
checkin-choose-session = Izvēlieties nodarbību.
checkin-wrong-cycle = Šis kods pieder citam ciklam ({ $cycle }), nevis { $expected }.
checkin-refused-other-cycle = Atteikts: šis kods pieder citam ciklam.

## Iznākums: ko dod noteiktā apmeklējuma sasniegšana (grants, apliecība, abi, nekas)
cycle-min-sessions-grant = { PLURAL($count) ->
    [zero] Lai pretendētu uz grantu, jāapmeklē vismaz { $count } no { $total } nodarbībām.
    [one] Lai pretendētu uz grantu, jāapmeklē vismaz { $count } no { $total } nodarbībām.
   *[other] Lai pretendētu uz grantu, jāapmeklē vismaz { $count } no { $total } nodarbībām.
}
cycle-min-sessions-certificate = { PLURAL($count) ->
    [zero] Lai saņemtu dalības apliecību, jāapmeklē vismaz { $count } no { $total } nodarbībām.
    [one] Lai saņemtu dalības apliecību, jāapmeklē vismaz { $count } no { $total } nodarbībām.
   *[other] Lai saņemtu dalības apliecību, jāapmeklē vismaz { $count } no { $total } nodarbībām.
}
cycle-min-sessions-both = { PLURAL($count) ->
    [zero] Lai saņemtu apliecību un pretendētu uz grantu, jāapmeklē vismaz { $count } no { $total } nodarbībām.
    [one] Lai saņemtu apliecību un pretendētu uz grantu, jāapmeklē vismaz { $count } no { $total } nodarbībām.
   *[other] Lai saņemtu apliecību un pretendētu uz grantu, jāapmeklē vismaz { $count } no { $total } nodarbībām.
}
outcome-grant-eligible = Apmeklētas { $attended } no { $total } nodarbībām — jūs varat pieteikties grantam.
outcome-grant-still-possible = { PLURAL($count) ->
    [one] Apmeklētas { $attended } no { $total } nodarbībām — apmeklējiet vēl { $count } nodarbību, lai varētu pieteikties grantam.
   *[other] Apmeklētas { $attended } no { $total } nodarbībām — apmeklējiet vēl { $count } nodarbības, lai varētu pieteikties grantam.
}
outcome-grant-no-longer = Apmeklētas { $attended } no { $total } nodarbībām — atlikušo nodarbību vairs nepietiek, lai pieteiktos grantam.
outcome-certificate-eligible = Apmeklētas { $attended } no { $total } nodarbībām — jūs esat nopelnījuši dalības apliecību.
outcome-certificate-still-possible = { PLURAL($count) ->
    [one] Apmeklētas { $attended } no { $total } nodarbībām — apmeklējiet vēl { $count } nodarbību, lai saņemtu apliecību.
   *[other] Apmeklētas { $attended } no { $total } nodarbībām — apmeklējiet vēl { $count } nodarbības, lai saņemtu apliecību.
}
outcome-certificate-no-longer = Apmeklētas { $attended } no { $total } nodarbībām — atlikušo nodarbību vairs nepietiek, lai saņemtu apliecību.
outcome-both-eligible = Apmeklētas { $attended } no { $total } nodarbībām — jūs esat nopelnījuši apliecību un varat pieteikties grantam.
outcome-both-still-possible = { PLURAL($count) ->
    [one] Apmeklētas { $attended } no { $total } nodarbībām — apmeklējiet vēl { $count } nodarbību, lai saņemtu apliecību un varētu pieteikties grantam.
   *[other] Apmeklētas { $attended } no { $total } nodarbībām — apmeklējiet vēl { $count } nodarbības, lai saņemtu apliecību un varētu pieteikties grantam.
}
outcome-both-no-longer = Apmeklētas { $attended } no { $total } nodarbībām — atlikušo nodarbību vairs nepietiek apliecībai un grantam.
outcome-none-eligible = Apmeklētas { $attended } no { $total } nodarbībām.
outcome-none-still-possible = Apmeklētas { $attended } no { $total } nodarbībām.
outcome-none-no-longer = Apmeklētas { $attended } no { $total } nodarbībām.
problem-amount = Ievadiet summu eiro, piemēram, 1500 vai 1500,50
cycle-field-certificate = Par noteikto apmeklējumu izsniedz dalības apliecību
cycle-field-grant-max = Lielākā summa, ko var pieprasīt viens pieteikums (eiro)
cycle-field-grant-decisions-by = Lēmumus paziņos līdz
cycle-field-grant-description = Par konkursu

## Granta pieteikums
participant-grant = Granta pieteikums
participant-grant-open = Jūs varat pieteikties grantam.
participant-grant-apply = Pieteikties grantam
participant-grant-continue = Turpināt pieteikumu
participant-grant-view = Skatīt pieteikumu
grant-page-title = Granta pieteikums
grant-deadline = Pieteikumus pieņem līdz
grant-max-amount = Lielākā summa
grant-decisions-by = Lēmumi līdz
grant-status = Jūsu pieteikums
grant-status-draft = Melnraksts — vēl nav iesniegts
grant-status-submitted = Iesniegts — gaida lēmumu
grant-status-funded = Atbalstīts
grant-status-not-funded = Nav atbalstīts
grant-decision-funded = Organizatori nolēma atbalstīt jūsu projektu: { $amount }.
grant-decision-not-funded = Organizatori nolēma šoreiz jūsu projektu neatbalstīt.
grant-refused-no-call = Šim ciklam nav granta konkursa.
grant-refused-not-confirmed = Grantam var pieteikties tikai apstiprināti cikla dalībnieki.
grant-refused-not-yet = { PLURAL($count) ->
    [one] Jūs vēl nevarat pieteikties: apmeklējiet vēl { $count } nodarbību.
   *[other] Jūs vēl nevarat pieteikties: apmeklējiet vēl { $count } nodarbības.
}
grant-refused-no-longer = Jūs nevarat pieteikties: atlikušo nodarbību vairs nepietiek, lai sasniegtu grantam vajadzīgo skaitu.
grant-refused-closed = Pieteikumus vairs nepieņem: termiņš ir beidzies.
grant-refused-submitted = Jūsu pieteikums ir iesniegts, un to vairs nevar mainīt.
grant-field-title = Projekta nosaukums
grant-field-summary = Projekta apraksts
grant-field-summary-hint = { PLURAL($count) ->
    [zero] Ko projekts darīs, ar ko un kam. Līdz { $count } rakstzīmēm.
    [one] Ko projekts darīs, ar ko un kam. Līdz { $count } rakstzīmei.
   *[other] Ko projekts darīs, ar ko un kam. Līdz { $count } rakstzīmēm.
}
grant-field-partners = Kopienas partneri
grant-field-amount = Pieprasītā summa (eiro)
grant-field-amount-hint = Piemēram, 1200 vai 1200,50. Ne vairāk kā { $max }.
grant-field-amount-hint-any = Piemēram, 1200 vai 1200,50.
grant-field-attachment = Pielikums (PDF)
grant-field-attachment-hint = Budžets vai projekta apraksts PDF failā, līdz 5 MB. Jauns fails aizstāj jau pievienoto.
grant-field-required-title = Ievadiet projekta nosaukumu
grant-field-required-summary = Ievadiet projekta aprakstu
grant-field-required-amount = Ievadiet pieprasīto summu
grant-field-required-outcome = Izvēlieties — atbalstīts vai nav atbalstīts
grant-field-amount-positive = Summai jābūt lielākai par 0
grant-field-amount-over = Summa pārsniedz konkursā atļauto
grant-field-amount-format = Ievadiet summu eiro, piemēram, 1200 vai 1200,50
grant-field-attachment-too-large = Fails ir lielāks par 5 MB
grant-field-attachment-not-pdf = Fails nav PDF dokuments
grant-attachment-current = Pievienots: { $file }
grant-attachment-size = { $size } MB
grant-attachment-remove = Noņemt pielikumu
grant-save = Saglabāt melnrakstu
grant-submit = Iesniegt pieteikumu
grant-submit-hint = Saglabātu melnrakstu var mainīt līdz termiņam. Iesniegtu pieteikumu mainīt nevar; tā kopiju saņemsiet e-pastā.
grant-your-application = Ko jūs iesniedzāt
grant-back = Atpakaļ uz jūsu lapu
grant-submitted-at = Iesniegts
grant-granted = Piešķirtā summa
grant-decision-comment = Organizatoru komentārs
notice-grant-saved = Melnraksts saglabāts.
notice-grant-submitted = Pieteikums iesniegts. Kopija ir ceļā uz jūsu e-pastu.
notice-grant-attachment-removed = Pielikums noņemts.
mail-subject-grant-submitted = granta pieteikums saņemts
mail-body-grant-submitted = Paldies! Jūsu granta pieteikums ir saņemts. Šī ir iesniegtā kopija.
mail-subject-grant-decided-funded = jūsu projekts ir atbalstīts
mail-body-grant-decided-funded = Labas ziņas: organizatori nolēma atbalstīt jūsu projektu.
mail-subject-grant-decided-not-funded = lēmums par granta pieteikumu
mail-body-grant-decided-not-funded = Organizatori ir pieņēmuši lēmumu par jūsu granta pieteikumu: šoreiz tas nav atbalstīts.

## Organizatori: pieteikumi
admin-applications = Granta pieteikumi
applications-none = Pieteikumu vēl nav.
applications-count = { PLURAL($count) ->
    [zero] { $count } pieteikumu, iesniegti { $submitted }.
    [one] { $count } pieteikums, iesniegti { $submitted }.
   *[other] { $count } pieteikumi, iesniegti { $submitted }.
}
applications-col-name = Pieteicējs
applications-col-title = Projekts
applications-col-amount = Summa
applications-col-status = Statuss
applications-col-submitted = Iesniegts
applications-download = Lejupielādēt applications.csv
applications-download-xlsx = Lejupielādēt applications.xlsx
application-applicant = Pieteicējs
application-attended = Apmeklētās nodarbības
application-attachment-download = Lejupielādēt pielikumu
application-no-attachment = Pielikuma nav.
application-decide = Lēmums
application-decide-hint = Pieteicējs saņem vienu e-pastu; lēmumu pēc tam mainīt nevar.
decision-funded = Atbalstīts
decision-not-funded = Nav atbalstīts
decision-granted = Piešķirtā summa (eiro)
decision-granted-hint = Tukšs: pieprasītā summa.
decision-comment = Komentārs pieteicējam
decision-save = Saglabāt lēmumu
application-audit = Vēsture
audit-by-participant = pieteicējs
notice-decision-saved = Lēmums saglabāts; pieteicējs saņems e-pastu.
notice-decision-not-open = Par šo pieteikumu nevar lemt (nav iesniegts vai jau izlemts).

## Apliecības
participant-certificate = Dalības apliecība
participant-certificate-open = Atvērt apliecību
participant-certificate-pdf = Lejupielādēt PDF
certificate-heading = Dalības apliecība
certificate-intro = Apliecinām, ka
certificate-completed = ir piedalījies(-usies) apmācību ciklā
certificate-attended = Apmeklētas { $attended } no { $total } nodarbībām
certificate-organised-by = Organizē { $organisation }
certificate-code = Pārbaudes kods: { $code }
certificate-verify-at = Pārbaudiet: { $url }
verify-title = Apliecības pārbaude
verify-valid = Apliecība ir derīga.
verify-invalid = Apliecība vairs nav derīga.
verify-name = Vārds, uzvārds
verify-cycle = Apmācību cikls
certificate-code-label = Kods

# Reminders before each session (issue 9)
mail-subject-reminder = atgādinājums: { $session }
mail-body-reminder = Atgādinām: nodarbība “{ $session }” notiks { $when }.
mail-reminder-where = Vieta
mail-reminder-join = Saite pievienoties

# Messages from organisers (issue 9)
admin-messages = Ziņojumi
message-intro = Rakstiet vienai šī cikla cilvēku grupai. Pirms sūtīšanas redzēsiet, kas to saņems un kā tas izskatīsies. Teksts tiek nosūtīts tieši tā, kā to ierakstāt, kā vienkāršs teksts.
message-field-audience = Kam
message-field-subject = Temats
message-field-body = Ziņojums
message-field-body-hint = Vienkāršs teksts. Katrs saņēmējs saņems arī saiti uz savu lapu.
message-field-required-audience = Izvēlieties, kam ziņojums paredzēts
message-field-required-subject = Ievadiet tematu
message-field-required-body = Ievadiet ziņojumu
message-group-empty = Šajā grupā pašlaik nav neviena; izvēlieties citu
message-group-seat_holders = Visi, kam ir vieta
message-group-waitlist = Gaidīšanas saraksts
message-group-eligible = Tie, kas izpildījuši apmeklējuma nosacījumu
message-group-still_possible = Tie, kas to vēl var izpildīt
message-group-no_longer_possible = Tie, kas to vairs nevar izpildīt
message-group-with-size = { $group } ({ $count })
message-preview = Priekšskatīt
message-preview-title = Pārbaudiet pirms sūtīšanas
message-preview-count = { PLURAL($count) ->
    [zero] Ziņojumu saņems { $count } cilvēki
    [one] Ziņojumu saņems { $count } cilvēks
   *[other] Ziņojumu saņems { $count } cilvēki
}
message-preview-as-read = Kā to redzēs saņēmēji
message-send = { PLURAL($count) ->
    [zero] Sūtīt { $count } cilvēkiem
    [one] Sūtīt { $count } cilvēkam
   *[other] Sūtīt { $count } cilvēkiem
}
message-change = Mainīt ziņojumu
message-sent-title = Nosūtītie
message-sent-none = Neviens ziņojums vēl nav nosūtīts.
message-col-when = Nosūtīts
message-col-recipients = Saņēmēji
message-col-delivery = Piegāde
message-delivery = piegādāti: { $delivered }, gaida: { $waiting }, neizdevās: { $failed }
message-state-delivered = Piegādāts
message-state-waiting = Gaida nosūtīšanu
message-state-failed = Nav piegādāts
message-retry = { PLURAL($count) ->
    [zero] Mēģināt vēlreiz { $count } neizdevušās piegādes
    [one] Mēģināt vēlreiz { $count } neizdevušos piegādi
   *[other] Mēģināt vēlreiz { $count } neizdevušās piegādes
}
notice-message-sent = Ziņojums ir ceļā.
notice-message-already-sent = Šis ziņojums jau bija nosūtīts; otrreiz tas netika sūtīts.
notice-message-retried = Neizdevušās piegādes tiek mēģinātas vēlreiz.

# Marking a session before it starts (issue 9)
attendance-early-warning = Šī nodarbība vēl nav sākusies: apmeklējumu var atzīmēt no { $opens }. Lai to reģistrētu jau tagad, norādiet iemeslu (tas tiek saglabāts vēsturē).
attendance-early-reason = Iemesls atzīmēšanai pirms nodarbības
attendance-early-refused = Nekas netika saglabāts: nodarbība vēl nav sākusies. Norādiet iemeslu, lai to tomēr reģistrētu
checkin-too-early = Nav atzīmēts: šī nodarbība vēl nav sākusies. Ierašanos var atzīmēt stundu pirms sākuma; izvēlieties nodarbību, kas notiek.

# Schedule changes (issue 9)
mail-subject-schedule-changed = izmaiņas grafikā: { $session }
mail-body-schedule-changed = Nodarbībā “{ $session }” ir izmaiņas. Lūk, kas mainījies; pievienotais kalendāra fails atjauno ierakstu, kas jau ir jūsu kalendārā.
mail-change-time = Laiks
mail-change-place = Vieta
calendar-your-page = Jūsu lapa (grafiks, saites, atteikšanās): { $link }
notice-schedule-told = { $count ->
    [zero] Saglabāts. { $count } vietu ieguvušajiem tiks paziņots, kas grafikā mainījies.
    [one] Saglabāts. { $count } vietu ieguvušajam tiks paziņots, kas grafikā mainījies.
   *[other] Saglabāts. { $count } vietu ieguvušajiem tiks paziņots, kas grafikā mainījies.
}

# The waiting list closes when the first session starts (issue 9)
mail-subject-no-seat-freed = vieta neatbrīvojās
mail-body-no-seat-freed = Pirmā nodarbība ir sākusies, un jums vieta neatbrīvojās, tāpēc jūsu vieta rindā ir beigusies. Paldies par interesi — ceram jūs redzēt kādā no nākamajiem cikliem.

# Progress after each session (issue 9)
cycle-field-progress-emails = Pēc katras nodarbības rakstīt dalībniekiem, kuri vēl nav sasnieguši minimumu, cik nodarbību vēl vajag
participant-progress-on = Pēc katras nodarbības mēs jums rakstām, cik nodarbību vēl vajag.
participant-progress-off = Jūs atteicāties no vēstulēm par apmeklējumu pēc katras nodarbības.
participant-progress-stop = Vairs nesūtīt šīs vēstules
participant-progress-start = Sūtīt tās atkal
notice-progress-emails-off = Vēstules par jūsu apmeklējumu vairs netiks sūtītas.
notice-progress-emails-on = Pēc katras nodarbības jūs atkal saņemsiet vēstuli par savu apmeklējumu.
mail-subject-progress = jūsu apmeklējums pēc nodarbības “{ $session }”
mail-body-progress = Nodarbība “{ $session }” ir beigusies. Lūk, kā jums veicas pēc līdz šim reģistrētā apmeklējuma; ja kas nav pareizi, atbildiet uz šo vēstuli.
mail-subject-progress-lost = pēc nodarbības “{ $session }”: atlicis par maz nodarbību
mail-body-progress-lost = Nodarbība “{ $session }” ir beigusies. Pēc līdz šim reģistrētā apmeklējuma atlikušo nodarbību ir par maz, lai sasniegtu minimumu; tomēr laipni gaidām jūs atlikušajās nodarbībās. Ja ieraksts nav pareizs, atbildiet uz šo vēstuli.
mail-progress-label = Jūsu apmeklējums
mail-progress-stop-label = Nevēlaties šīs vēstules?
mail-progress-stop = No tām var atteikties savā lapā.
# Doors (issue 13): look-alike email domains, the bounded Zoom import preview
field-email-mixed-script = Adreses domēnā ir sajauktas latīņu un kirilicas vai grieķu burti (piemēram, kirilicas «а» latīņu «a» vietā). Ierakstiet adresi vēlreiz ar vienu alfabētu
import-rows = Rindas
import-unlisted = { PLURAL($count) ->
    [zero] Vēl { $count } nav uzskaitīti šeit; visi tiks saglabāti, nospiežot «Piemērot».
    [one] Vēl { $count } nav uzskaitīts šeit; visi tiks saglabāti, nospiežot «Piemērot».
   *[other] Vēl { $count } nav uzskaitīti šeit; visi tiks saglabāti, nospiežot «Piemērot».
}
import-not-assignable = { PLURAL($count) ->
    [zero] Vēl { $count } ierakstu ({ $rows } rindas, kopā { $minutes } min) šeit nevar piešķirt: izvēle ir tikai ierakstiem ar visvairāk minūtēm augstāk. Tie paliek nesasaistīti; ja kāds no tiem ir dalībnieks, labojiet vārdu vai e-pastu atskaitē un augšupielādējiet to vēlreiz, vai atzīmējiet viņu sarakstā.
    [one] Vēl { $count } ierakstu ({ $rows } rindas, kopā { $minutes } min) šeit nevar piešķirt: izvēle ir tikai ierakstiem ar visvairāk minūtēm augstāk. Tas paliek nesasaistīts; ja tas ir dalībnieks, labojiet vārdu vai e-pastu atskaitē un augšupielādējiet to vēlreiz, vai atzīmējiet viņu sarakstā.
   *[other] Vēl { $count } ierakstus ({ $rows } rindas, kopā { $minutes } min) šeit nevar piešķirt: izvēle ir tikai ierakstiem ar visvairāk minūtēm augstāk. Tie paliek nesasaistīti; ja kāds no tiem ir dalībnieks, labojiet vārdu vai e-pastu atskaitē un augšupielādējiet to vēlreiz, vai atzīmējiet viņu sarakstā.
}
import-gone = Šī atskaite vairs netiek glabāta (tā jau ir piemērota vai augšupielādēta pirms vairāk nekā dienas). Ja vajag, augšupielādējiet to vēlreiz.

# The participant's data rights (issue 11)
privacy-title = Privātuma paziņojums
privacy-version = Versija { $version }
privacy-controller = Par jūsu datiem atbild: { $controller }. Jautājumus par tiem sūtiet uz { $contact }.
privacy-what-title = Kas tiek glabāts
privacy-what = Tas, ko ierakstāt reģistrācijas veidlapā (vārds, uzvārds, e-pasta adrese, tālrunis, ja norādīts, iestāde, tās veids, amats, novads vai pašvaldība, valsts, valoda), kad un kurai šī paziņojuma versijai piekritāt, jūsu vieta vai vieta rindā, jūsu apmeklējums katrā nodarbībā (no reģistrācijas pie ieejas, organizatoru saraksta vai tiešsaistes sapulces atskaites), granta pieteikums, ja to iesniedzat, un kādas vēstules jums nosūtītas.
privacy-why-title = Kāpēc
privacy-why = Lai rīkotu apmācību ciklu, kuram reģistrējaties: vietas un rinda, apstiprinājumi un atgādinājumi, apmeklējums, apliecības un tam sekojošais granta konkurss. Pamats ir jūsu piekrišana, ko varat jebkurā laikā atsaukt, dzēšot savus datus.
privacy-who-title = Kas tos redz
privacy-who = Cikla organizatori. Dati netiek pārdoti vai nodoti citiem. Vēstules tiek sūtītas caur organizatoru pasta serveri.
privacy-how-long-title = Cik ilgi
privacy-how-long = Tik ilgi, cik norādīts katra cikla lapā; pēc tam personas dati tiek dzēsti automātiski. Skaitļi bez vārdiem (cik reģistrējās un apmeklēja, no kurām valstīm un kāda veida iestādēm, granta summas) tiek glabāti atskaitēm finansētājiem.
privacy-rights-title = Jūsu tiesības
privacy-rights = Savā lapā (saite ir katrā cikla vēstulē) varat lejupielādēt visu, kas par jums glabāts, un to dzēst. Ja saites vairs nav, rakstiet uz iepriekš minēto adresi.
privacy-notice-link = Privātuma paziņojums
privacy-kept-until = Personas dati tiek glabāti līdz { $until }, pēc tam tie tiek dzēsti.
participant-data-title = Jūsu dati
participant-data-hint = Varat lejupielādēt visu, kas par jums glabāts, vai to dzēst.
participant-data-download = Lejupielādēt manus datus (JSON)
participant-data-erase = Dzēst manus datus
erase-title = Dzēst jūsu datus?
erase-removes = Jūsu vārds, uzvārds, e-pasta adrese, tālrunis, iestāde un amats, granta pieteikuma teksti un pielikums, kā arī apliecības kods tiks neatgriezeniski dzēsti. Šī saite vairs nedarbosies.
erase-keeps = Bez jūsu vārda, organizatoru statistikai un atskaitēm finansētājiem, paliek: ka reģistrācija bija, iestādes veids, valsts un novads, apmeklējuma atzīmes, granta summas un lēmumi.
erase-gives-back-place = Jūsu vieta vai vieta rindā tiks atdota, lai to varētu saņemt kāds no gaidītājiem.
erase-final = To nevar atsaukt.
erase-button = Dzēst manus datus
erase-back = Nē, atgriezties manā lapā
erased-title = Jūsu dati ir dzēsti
erased-text = Jūsu personas dati ir dzēsti. No šī cikla vairs nesaņemsiet vēstules, un jūsu saite vairs neko neatver.
cycle-field-retention-months = Dzēst personas datus pēc tik mēnešiem pēc pēdējās nodarbības
# Login limits (issue 13)
login-wait-here = No jūsu adreses pārāk daudz reižu ievadīta nepareiza parole. Mēģiniet vēlreiz pēc { $minutes } min.; līdz tam netiek pieņemta arī pareizā parole.
login-account-locked = Šis konts ir bloķēts uz { $minutes } min.: tā parole daudzas reizes ievadīta nepareizi no vairākām adresēm. Pagaidiet un tad piesakieties kā parasti — bloķēšana beigsies pati, un parole paliek tā pati. Ja tas nebijāt jūs, pasakiet administratoram: kāds mēģina uzminēt jūsu paroli.

# Participant journeys (issue 11): dates and zones as people say them
format-until = { $year }. gada { $day }. { $monthuntil }, plkst. { $dottime } ({ $zone })
format-day = { $year }. gada { $day }. { $monthname }
month-until-1 = janvārim
month-until-2 = februārim
month-until-3 = martam
month-until-4 = aprīlim
month-until-5 = maijam
month-until-6 = jūnijam
month-until-7 = jūlijam
month-until-8 = augustam
month-until-9 = septembrim
month-until-10 = oktobrim
month-until-11 = novembrim
month-until-12 = decembrim
zone-europe-riga = Latvijas laiks
zone-europe-vilnius = Lietuvas laiks
zone-europe-tallinn = Igaunijas laiks
zone-europe-helsinki = Somijas laiks
zone-asia-almaty = Almati laiks
zone-asia-tashkent = Taškentas laiks
zone-utc = UTC
zone-other = { $city } laiks, UTC{ $offset }

# Participant journeys (issue 11): the first screen
summary-title = Īsumā
summary-audience = Kam: { $who }
summary-dates = { PLURAL($count) ->
    [zero] { $count } nodarbību, pirmā { $first }, pēdējā { $last }
    [one] { $count } nodarbība, pirmā { $first }, pēdējā { $last }
   *[other] { $count } nodarbības, pirmā { $first }, pēdējā { $last }
}
summary-date-one = Nodarbība { $when }
summary-full = Visas vietas aizņemtas
summary-full-waitlist = Visas vietas aizņemtas — var pieteikties rindā
summary-start = Sākt reģistrāciju
summary-start-waitlist = Pieteikties rindā
cycle-contact = Jautājumi
cycle-field-audience = Kam paredzēts (viena rinda lapas augšā)
cycle-field-contact-email = Organizatoru e-pasta adrese dalībnieku jautājumiem
cycle-field-contact-phone = Organizatoru tālrunis
problem-email = Ievadiet e-pasta adresi pareizā formātā, piemēram, vards@example.lv
problem-phone = Ievadiet tālruņa numuru, izmantojot tikai ciparus, atstarpes, +, - un iekavas

# Participant journeys (issue 11): giving the seat back
cancel-title = Vai tiešām atteikties no vietas?
cancel-seat-hint = Jūsu vieta uzreiz tiks nākamajam rindā vai tam, kurš reģistrēsies nākamais.
cancel-waitlist-hint = Jūs izstāsieties no rindas, un tie, kas aiz jums, pavirzīsies uz priekšu.
cancel-again-hint = Kamēr reģistrācija atvērta, vēlāk var reģistrēties vēlreiz, taču vieta vai vieta rindā līdz tam var būt aizņemta.
cancel-confirm = Jā, atteikties no vietas
cancel-go-back = Nē, atgriezties savā lapā
participant-register-again = Reģistrēties vēlreiz
notice-restore-registered-again = Šī persona pa to laiku ir reģistrējusies vēlreiz; spēkā ir jaunā reģistrācija, tāpēc vecā paliek atcelta.
mail-contact-label = Jautājumi? Sazinieties ar organizatoriem
calendar-cancelled = Jūs atteicāties no vietas; šī nodarbība vairs nav jūsu plānos.

# Participant journeys (issue 11): after registering, a lost link
registered-wrote-to = Vēstuli nosūtījām uz:
registered-next-title = Kas notiks tālāk
registered-next-confirm = Atveriet e-pastā saiti un apstipriniet adresi līdz { $until }, citādi vieta tiks nākamajam rindā.
registered-next-waitlist = Kad kāda vieta atbrīvosies, to saņems pirmais rindā, un mēs jums uzreiz rakstīsim.
registered-next-schedule = Grafiks, kalendāra fails un saites uz tiešsaistes nodarbībām ir e-pastā un jūsu lapā; pirms katras nodarbības saņemsiet atgādinājumu.
registered-next-schedule-waitlisted = Grafiks un kalendāra fails, lai datumi paliktu brīvi, ir e-pastā un jūsu lapā; saites uz tiešsaistes nodarbībām un atgādinājumu pirms katras nodarbības saņemsiet, kad jums būs vieta.
registered-no-email-title = Vēstule nav pienākusi?
registered-no-email = Parasti tā pienāk dažās minūtēs. Ieskatieties surogātpasta (spam) mapē. Ja augstāk redzamā adrese ir nepareiza, reģistrējieties vēlreiz ar pareizo.
lost-link = Pazaudējāt saiti?
lost-title = Saņemt saiti uz savu reģistrāciju vēlreiz
lost-intro = Ierakstiet e-pasta adresi, ar kuru reģistrējāties. Ja ar to ir reģistrācija kādā ciklā, nosūtīsim uz šo adresi saiti uz jūsu lapu.
lost-submit = Sūtīt man saiti
lost-sent = Ja šī adrese ir reģistrēta, saite uz jūsu lapu ir ceļā uz to.
lost-sent-hint = Pēc dažām minūtēm pārbaudiet e-pastu, arī surogātpasta mapi. Drošības dēļ sūtām tikai uz pašu adresi un ne biežāk kā reizi desmit minūtēs.
error-bad-link = Šī saite nedarbojas: tā var būt nepilnīga vai kļūdaina. Varam jums nosūtīt jūsu saiti vēlreiz.
error-setup-link = Šī konta izveides saite jau ir izmantota vai vairs nav derīga: katra darbojas vienu reizi. Ja ar to izveidojāt kontu, piesakieties; citādi lūdziet administratoram jaunu.
error-setup-sign-in = Pieteikties

# Error summary on a phone (issue 11)
error-prefix = Kļūda
# Organizatoru drošās darbības (issue 11)
confirm-go-back = Nē, atgriezties
confirm-cancel-title = Atcelt šo pieteikumu?
confirm-cancel-text = { $name } ({ $email }) vairs nebūs pieteikts ciklam “{ $cycle }” un saņems par to e-pastu.
confirm-cancel-seat = Vieta atbrīvosies: ja kāds gaida rindā, to uzreiz saņems pirmais rindā.
confirm-cancel-button = Jā, atcelt pieteikumu
confirm-all-title = Atzīmēt visus kā klātesošus?
confirm-all-text = Visi apstiprinātie dalībnieki (kopā: { $count }) tiks atzīmēti kā klātesoši { $n }. nodarbībā “{ $session }” — arī tie, kurus neatzīmējāt.
confirm-all-button = Jā, atzīmēt visus kā klātesošus
import-checked = Esmu pārbaudījis, kuri tiks atzīmēti kā klātesoši un kuri paliek prombūtnē
import-checked-error = Atzīmējiet “Esmu pārbaudījis…”, lai piemērotu atskaiti
import-keep-present-count = Atskaitē nav, bet jau atzīmēti kā klātesoši un tādi paliek: { $count } (skatiet piezīmi tabulā).

# Organisations and organisers (issue 10)
error-other-organisation = Tas pieder citas organizācijas ciklam. Varat atvērt tikai to organizāciju ciklus, kurām piederat; administrators var jūs pievienot šai organizācijai.
problem-organisation-slug = Norādiet organizāciju ar tās īso nosaukumu: mazie burti, cipari un atsevišķas defises, piemēram, lmb
problem-too-many-named = Norādiet ne vairāk kā 20
problem-organisation-unknown = Organizācijas ar šādu īso nosaukumu nav: pārbaudiet rakstību vai lūdziet administratoram to pievienot
problem-organisation-choose = Izvēlieties kādu no savām organizācijām
cycle-field-organisation = Organizācija
cycle-field-organisation-hint = Biedrība, kas rīko šo ciklu; to pārvalda tās organizatori.
cycle-field-organisation-none = Neviena (to pārvalda visi organizatori)
cycle-field-co-organisers = Līdzorganizatori
cycle-field-co-organisers-hint = Citas organizācijas, kas to rīko kopā ar jums, ar īsajiem nosaukumiem, atdalītiem ar komatiem, piemēram, icom-lv, lnb
cycle-field-partners = Partneri
cycle-field-partners-hint = Katrs savā rindā; tiek rādīti cikla lapā.
cycle-organised-by = Rīko { $organisation }
cycle-co-organisers = Kopā ar
cycle-partners = Partneri
index-filter-title = Atrodiet ciklu
index-filter-organisation = Organizācija
index-filter-language = Valoda
index-filter-country = Valsts
index-filter-any = Jebkura
index-filter-apply = Rādīt ciklus
index-filter-clear = Rādīt visus ciklus
index-filter-nothing = Šai izvēlei neatbilst neviens publicēts cikls.
# Dashboard and funders' reports (issues 10, 11)
dash-state-draft = Melnraksts
dash-state-upcoming = Reģistrācija vēl nav sākusies
dash-state-open = Reģistrācija atvērta
dash-state-closed = Reģistrācija slēgta
dash-state-running = Notiek
dash-state-finished = Noslēdzies
dash-deadline-closed = Reģistrācija beidzās { $date }.
dash-deadline-today = Reģistrācija beidzas šodien: { $date }.
dash-deadline-days = { PLURAL($count) ->
    [zero] Reģistrācija beidzas pēc { $count } dienām: { $date }.
    [one] Reģistrācija beidzas pēc { $count } dienas: { $date }.
   *[other] Reģistrācija beidzas pēc { $count } dienām: { $date }.
}
dash-pending = E-pasts nav apstiprināts
dash-next-session = Nākamā nodarbība
dash-present = klāt: { $count }
report-open = Pārskats finansētājiem
report-title = Pārskats: { $cycle }
report-all-title = Pārskats par visiem cikliem
report-download-csv = Lejupielādēt pārskatu (CSV)
report-download-xlsx = Lejupielādēt pārskatu (XLSX)
report-counting = Reģistrējušies: visas veiktās reģistrācijas neatkarīgi no tā, kas ar tām notika. Dalībnieki: apstiprinātās reģistrācijas. Apmeklējuši: dalībnieki, kas bija klāt vismaz vienā nodarbībā. Cilvēki, kuru dati ir dzēsti, joprojām ir ieskaitīti, tikai bez vārdiem.
report-totals = Kopā
report-state = Stāvoklis
report-capacity = Vietas
report-registered = Reģistrējušies
report-participants = Dalībnieki
report-attended = Apmeklējuši
report-total = Kopā
report-by-country = Dalībnieki pa valstīm
report-by-institution-type = Dalībnieki pēc iestādes veida
report-by-region = Dalībnieki pa reģioniem un pašvaldībām
report-country = Valsts
report-region = Reģions vai pašvaldība
report-not-given = (nav norādīts)
report-attendance = Apmeklējums pa nodarbībām
report-present = Klāt
report-outcomes = Rezultāti
report-outcome = Rezultāts
report-eligible = Izpildījuši nosacījumus
report-still-possible = Vēl iespējams
report-no-longer-possible = Vairs nav iespējams
report-certificate-issued = Izsniegtās apliecības
report-per-day = Reģistrācijas pa dienām
report-chart-numbers = Diagrammas skaitļi
report-day = Diena
report-registrations = Reģistrācijas
report-participants-per-cycle = Dalībnieki katrā ciklā
# Cycle form: messages that name their field (issue 11, accessibility)
cycle-error-title-required = Ievadiet cikla nosaukumu
cycle-error-slug-slug = Ievadiet tīmekļa adreses nosaukumu ar mazajiem latīņu burtiem, cipariem un atsevišķām defisēm, piemēram, kopienas-2026
cycle-error-language-language = Ievadiet mācību valodu: lv, en vai ru
cycle-error-timezone-zone = Ievadiet cikla laika joslu, piemēram, Europe/Riga
cycle-error-country-country = Ievadiet valsts divu burtu kodu, piemēram, LV
cycle-error-capacity-range = Ievadiet vietu skaitu — veselu skaitli no 0 līdz 100000
cycle-error-registration-opens-format = Ievadiet, kad sākas reģistrācija, piemēram, 2026-11-01T09:00
cycle-error-registration-closes-format = Ievadiet, kad beidzas reģistrācija, piemēram, 2026-11-29T23:59
cycle-error-hold-hours-range = Ievadiet stundas e-pasta apstiprināšanai — veselu skaitli no 1 līdz 720
cycle-error-min-sessions-range = Ievadiet grantam vajadzīgo nodarbību skaitu — veselu skaitli no 0 līdz 100
cycle-error-reminder-hours-before-range = Ievadiet atgādinājuma stundas — veselu skaitli no 0 līdz 336 — vai atstājiet lauku tukšu
cycle-error-retention-months-range = Ievadiet, cik mēnešus glabāt personas datus — veselu skaitli no 1 līdz 120 — vai atstājiet lauku tukšu
cycle-error-grant-title-required = Ievadiet granta konkursa nosaukumu
cycle-error-session-title-required = Ievadiet { $n }. nodarbības nosaukumu
cycle-error-session-starts-format = Ievadiet, kad sākas { $n }. nodarbība, piemēram, 2026-12-04T10:00
cycle-error-session-ends-format = Ievadiet, kad beidzas { $n }. nodarbība, piemēram, 2026-12-04T16:00
cycle-error-required = Aizpildiet lauku “{ $field }”
cycle-error-too-long = Laukā “{ $field }” ir pārāk garš teksts
cycle-error-control-chars = Laukā “{ $field }” ir neatļautas rakstzīmes
cycle-error-format = Laukā “{ $field }” ievadiet datumu un laiku, piemēram, 2026-11-29T23:59
cycle-error-range = Laukā “{ $field }” ievadiet veselu skaitli atļautajās robežās

# Sign-in form: an empty field is named (issue 11, accessibility)
field-required-password = Ievadiet savu paroli
# Zoom reports as Zoom exports them today (issue 10)
import-row-unknown-flag = “In waiting room” vai “Attended” nav ne “jā”, ne “nē”
import-row-ambiguous-email = galvenē ir divas kolonnas, kas varētu būt dalībnieka e-pasts
import-row-ambiguous-duration = galvenē ir divas kolonnas, kas varētu būt dalībnieka ilgums
import-row-ambiguous-columns = galvenē ir divas viena veida dalībnieka kolonnas (vārds vai laiki)
# Languages by file (issue 10)
language-name = Latviešu
language-complete = yes
language-fallback-notice = Šī lapa ir angļu valodā.
# Cikla jautājumi un valsts izvēle (issue 10)
field-country-choose = Izvēlieties valsti
question-yes = Jā
question-no = Nē
question-error-missing = Atbildiet: { $label }
question-error-not-chosen = Izvēlieties atbildi: { $label }
question-error-not-an-option = Izvēlieties kādu no piedāvātajām atbildēm: { $label }
question-error-date = Ievadiet īstu datumu, piemēram, 2026-11-29: { $label }
question-error-too-long = Izmantojiet ne vairāk kā { $max } rakstzīmes: { $label }
question-error-unreadable = Ierakstiet atbildi vēlreiz bez īpašām rakstzīmēm: { $label }
admin-answers = Atbildes
cycle-field-questions = Reģistrācijas jautājumi
cycle-field-questions-toml = Šī cikla jautājumi kā cikla failā
cycle-field-questions-hint = Katram jautājumam sava [[questions]] tabula: key (mazie burti, cipari, _), kind (text, long_text, choice, multi_choice, yes_no vai date), required, label un hint katrā valodā, izvēlēm options, piemēram, options = [{"{"} key = "single", label = {"{"} lv = "Vienvietīgs numurs" {"}"} {"}"}]
problem-questions = Pārbaudiet reģistrācijas jautājumus
problem-questions-toml = Jautājumi nav derīgs TOML: { $why }
problem-question-key = Izmantojiet mazos burtus, ciparus un _, sākot ar burtu
problem-question-key-taken = Šo atslēgu jau izmanto cits jautājums, izvēle vai reģistrācijas lauks
problem-question-kind = Izmantojiet text, long_text, choice, multi_choice, yes_no vai date
problem-question-options-needed = Izvēlei vajag vismaz divas iespējas
problem-question-options-unwanted = Iespējas ir tikai choice un multi_choice jautājumiem
problem-question-options-too-many = Jautājumam var būt ne vairāk kā 50 iespēju
problem-question-label-language = Norādiet katram tekstam valodas kodu, piemēram, lv, en vai ru
problem-question-too-many = Ciklā var uzdot ne vairāk kā 30 jautājumu
# Chosen sessions and tracks (issue 10)
problem-track-overlap = Tajā pašā laikā notiek cita šīs plūsmas nodarbība
problem-capacity-not-alternative = Savu vietu skaitu var norādīt tikai nodarbībai, kurai ir paralēlas alternatīvas
problem-min-sessions-over-attendable = Tas ir vairāk nekā nodarbību, ko viens dalībnieks var apmeklēt (pa vienai katrā paralēlo nodarbību laikā)
problem-session-capacity-below-taken = Šis vietu skaits ir mazāks nekā dalībnieku jau izvēlētās vietas
cycle-field-track = Plūsma (paralēlās nodarbības)
cycle-field-session-capacity = Vietu skaits šajā nodarbībā
choice-track = plūsma { $track }
choice-full-label = vietu nav
choice-slot-legend = Izvēlieties vienu nodarbību: { $when }
choice-hint = Šīs nodarbības notiek vienlaikus. Jūs apmeklējat to, kuru izvēlaties.
choice-missing = Izvēlieties vienu no nodarbībām, kas notiek šajā laikā
choice-full = Šajā nodarbībā vietu vairs nav: izvēlieties citu
choice-title = Jūsu nodarbības
choice-none-yet = Jūs vēl neesat izvēlējies nodarbību šim laikam.
choice-current = Jūsu izvēle: { $title }
choice-change = Mainīt nodarbību
choice-change-not-allowed = Šo nodarbību nevar izvēlēties.
choice-change-full = Tajā nodarbībā vietu nav; jūsu izvēle paliek iepriekšējā.
choice-change-started = Nodarbība jau ir sākusies; jūsu izvēle paliek iepriekšējā.
notice-choice-changed = Jūsu nodarbības izvēle ir mainīta.
notice-choice-unchanged = Šī nodarbība jau bija jūsu izvēle.
attendance-not-chosen = nav jūsu nodarbība

## Organisations' identity (issue 11)
admin-organisation-required-name = Ievadiet organizācijas nosaukumu
admin-organisation-required-sender-address = Ievadiet sūtītāja e-pasta adresi vai atstājiet sūtītāja vārdu tukšu
admin-organisation-required-version = Ievadiet privātuma paziņojuma versiju, piemēram, 2026-12
admin-organisation-required-notice = Ievadiet privātuma paziņojuma tekstu vai atstājiet tā versiju tukšu
admin-organisations = Organizācijas
admin-organisations-intro = Ko redz katras organizācijas ciklu dalībnieki: tās nosaukumu savās lapās, vēstuļu sūtītāju, kam jautāt un privātuma paziņojumu, kam viņi piekrīt.
admin-organisations-none = Jūs nepiederat nevienai organizācijai.
admin-organisation-name = Organizācijas nosaukums
admin-organisation-site-name = Vietnes nosaukums tās ciklu lapās (tukšs: tās nosaukums)
admin-organisation-mail = Pasts un kontakti
admin-organisation-mail-hint = Vēstules par tās cikliem tiek sūtītas no šī sūtītāja; ja tāda nav, no vietnes sūtītāja. Tā domēnam jāļauj šī servera pasta relejam parakstīt tā vārdā (DKIM) vai jābūt bez DMARC politikas, kas noraida vai liek karantīnā, citādi vēstules var tikt noraidītas kā surogātpasts. Atbildes nonāk kontaktadresē.
admin-organisation-sender-name = Sūtītāja vārds (tukšs: organizācijas nosaukums)
admin-organisation-sender-address = Sūtītāja e-pasta adrese
admin-organisation-sender-admin-only = Sūtītāja adresi var mainīt tikai administrators.
admin-organisation-contact-email = Kontaktu e-pasta adrese
admin-organisation-contact-phone = Kontaktu tālruņa numurs
admin-organisation-privacy = Privātuma paziņojums
admin-organisation-privacy-hint = Organizācijas paziņojums, kas redzams savā adresē un uz kuru norāda tās ciklu piekrišana; katra reģistrācija saglabā tā versiju. Tukšs: vietnes paziņojums. Mainiet versiju ikreiz, kad mainās teksts.
admin-organisation-privacy-notice = Paziņojuma teksts (rindkopas atdalītas ar tukšu rindu)
admin-organisation-privacy-version = Paziņojuma versija
admin-organisation-saved = Organizācija ir saglabāta.
admin-organisation-too-long-name = Organizācijas nosaukumā drīkst būt ne vairāk kā 200 rakstzīmes
admin-organisation-too-long-site-name = Vietnes nosaukumā drīkst būt ne vairāk kā 200 rakstzīmes
admin-organisation-too-long-mail-from-name = Sūtītāja vārdā drīkst būt ne vairāk kā 200 rakstzīmes
admin-organisation-too-long-contact-phone = Kontaktu tālruņa numurā drīkst būt ne vairāk kā 40 rakstzīmes
admin-organisation-too-long-privacy-notice = Privātuma paziņojumā drīkst būt ne vairāk kā 30 000 rakstzīmes
admin-organisation-too-long-privacy-notice-version = Paziņojuma versijā drīkst būt ne vairāk kā 60 rakstzīmes
