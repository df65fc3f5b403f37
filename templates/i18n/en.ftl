# English. Plurals: select on PLURAL($count) (categories: one, other).

skip-to-content = Skip to main content
nav-language = Language
nav-organiser = Organiser
nav-admin = Organiser pages
nav-logout = Log out
nav-logout-everywhere = Log out on every device
footer-text = Cohort — registration and attendance for training cycles
yes = Yes
no = No
title-error-prefix = Error

## Dates: $weekday, $day, $month (two digits), $monthname, $year, $time, $end, $zone
format-date = { $weekday } { $day } { $monthname } { $year }
format-datetime = { $day } { $monthname } { $year }, { $time } ({ $zone })
format-span = { $weekday } { $day } { $monthname } { $year }, { $time }–{ $end } ({ $zone })
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Errors
error-not-found = Page not found
error-forbidden = You cannot do that
error-csrf = This form has expired or was not sent from this site. Go back, reload the page and try again.
error-too-many = Too many attempts. Wait a few minutes and try again.
error-too-large = What you sent is too large.
error-bad-request = The request could not be read.
error-internal = Sorry, something went wrong on our side. Try again later.
error-unavailable = The service is briefly unavailable (its database does not answer). Nothing you sent was saved. Try again in a minute.
error-admin-only = Only administrators can do that.
error-back-home = Go to the start page
error-request-id = Error reference
error-summary-title = There is a problem

## Public pages
index-title = Training cycles
index-empty = There are no published training cycles at the moment.
index-starts = Starts
cycle-opens-at = Registration opens { $when }
cycle-open-until = Registration open until { $when }
cycle-closed = Registration for this cycle is closed.
cycle-full = All seats are taken and this cycle keeps no waiting list.
cycle-waitlist-note = All seats are taken. If you register now, you join the waiting list and get a seat automatically when one frees up.
cycle-schedule = Schedule
cycle-times-in-zone = Time zone: { $zone }.
cycle-register = Register
cycle-seats = Seats
cycle-deadline = Registration deadline
cycle-submit = Register
seats-left = { PLURAL($count) ->
    [one] { $count } seat left
   *[other] { $count } seats left
}
session-online = Online
mode-in-person = In person
mode-online = Online

## Registration form
field-first-name = First name
field-last-name = Last name
field-email = Email address
field-phone = Phone number
field-optional = (optional)
field-institution = Institution
field-institution-type = Type of institution
field-position = Position
field-region = Region or municipality
field-country = Country
field-country-hint = The country you work in
field-language = Language for emails
field-consent = I agree that my data is processed to organise this training cycle, as the privacy notice describes.
field-honeypot = Leave this field empty
field-name = Name
field-password = Password
field-password-new = New password (at least 12 characters)
field-password-again = New password again
institution-museum = Museum
institution-library = Library
institution-archive = Archive
institution-gallery = Gallery
institution-other = Other
field-required-first-name = Enter your first name
field-required-last-name = Enter your last name
field-required-email = Enter your email address
field-required-institution = Enter the name of your institution
field-required-institution-type = Select the type of your institution
field-required-position = Enter your position
field-required-region = Enter your region or municipality
field-required-language = Select the language for emails
field-required-consent = You must agree to the processing of your data to register
field-required-name = Enter a name
field-email-invalid = Enter an email address in the correct format, like name@example.lv
field-phone-invalid = Enter a phone number using digits, spaces, +, - and brackets only
field-country-invalid = Select your country
field-too-long = This is too long
field-unreadable = This contains characters that could not be read. Type it again.
field-password-short = The password must be at least 12 characters long
field-password-mismatch = The passwords do not match
field-organiser-exists = An organiser with this email address already exists

## After registering
registered-waitlist-position = { PLURAL($count) ->
   *[other] Your place on the waiting list: { $count }.
}
registered-pending-title = Your seat is held
registered-pending-body = We have sent you an email with a link to your page. Open it and confirm your email address to keep the seat.
registered-confirmed-title = You are registered
registered-confirmed-body = We have sent you an email with the schedule, a calendar file and a link to your page.
registered-waitlisted-title = You are on the waiting list
registered-waitlisted-body = All seats are taken. When a seat frees up, it goes to the first person on the list, and we will email you at once.
registered-again-title = Check your email
registered-again-body = We have sent the link to your registration page to the address you gave.
registered-check-email-title = Check your email
registered-check-email-body = If the registration went through, you will get an email with a link to your page.

## Participant page
participant-status = Status
status-pending = Seat held, email not confirmed
status-confirmed = Confirmed
status-waitlisted = On the waiting list
status-cancelled = Cancelled
status-expired = Expired
status-pending-line = Confirm your email address by { $until }, or the seat goes to the next person on the waiting list.
status-confirmed-line = Your seat is confirmed. See you at the sessions.
status-waitlisted-line = You are number { $count } on the waiting list. We will email you when a seat frees up.
status-cancelled-line = This registration is cancelled.
status-expired-line = The email address was not confirmed in time, so the seat went to the next person.
participant-confirm = Confirm my email address
participant-join = Join the online session
participant-calendar = Add all sessions to your calendar (.ics)
participant-attendance = Attendance
participant-session = Session
participant-date = Date
participant-attended = Attended
attendance-present = Attended
attendance-absent = Not attended
attendance-upcoming = Not yet held
participant-checkin = Check-in code
participant-checkin-hint = Show this code at the door of an in-person session.
participant-cancel-title = Cannot come?
participant-cancel-hint = Give your seat back so that someone from the waiting list can take it. This cannot be undone.
participant-cancel = Give my seat back
participant-cycle-page = About this training cycle
notice-confirmed = Thank you — your email address is confirmed.
notice-already-confirmed = Your email address was already confirmed.
notice-not-allowed = This registration can no longer be changed.
notice-cancelled = Your registration is cancelled. Thank you for letting us know.
notice-already-cancelled = This registration was already cancelled.
## Login and setup
login-title = Sign in
login-submit = Sign in
login-failed = The email address or password is not correct
setup-title = Create the administrator account
setup-intro = This link works once. The account you create here can add other organisers.
setup-submit = Create account

## Organiser pages
alert-mail-stalled = Mail is not going out: { $count ->
    [one] { $count } message is
   *[other] { $count } messages are
} waiting, the oldest for { $minutes } minutes. Check the mail server settings (COHORT_SMTP_URL) and the server log.
alert-proxy-untrusted = Requests arrive through a proxy, but Cohort does not trust it: every visitor shares the proxy's address, so registration limits and login throttles apply to everyone together. Set COHORT_TRUST_PROXY=true.
admin-title = Training cycles
admin-new-cycle = New cycle
admin-edit-cycle = Edit cycle
admin-cycle-form = Cycle
admin-organisers = Organisers
admin-no-cycles = No cycles yet.
admin-cycle = Cycle
admin-seats = Seats taken
admin-published = Published
admin-public-page = Public page
admin-download-csv = Download registrations (CSV)
admin-attendance-matrix = Attendance and eligibility
admin-sessions = Sessions
admin-session = Session
admin-set-capacity = Change capacity
admin-registrations = Registrations
admin-search = Search by name, institution or email
admin-all = All
admin-filter = Filter
admin-no-registrations = No registrations match.
admin-registered-at = Registered
admin-actions = Actions
admin-cancel-registration = Cancel
admin-restore-registration = Restore
admin-waitlist = Waiting list
admin-waitlist-empty = Nobody is waiting.
admin-save = Save
admin-role = Role
admin-add-organiser = Add organiser
role-admin = Administrator
role-organiser = Organiser
notice-capacity-changed = Capacity changed.
notice-registration-cancelled = Registration cancelled.
notice-registration-restored = Registration restored.
notice-unchanged = Nothing changed.
notice-organiser-added = Organiser added.
cycle-field-slug = Web address name (letters, digits, hyphens)
cycle-field-title = Title
cycle-field-description = Description
cycle-field-language = Language of instruction
cycle-field-timezone = Time zone
cycle-field-capacity = Seats
cycle-field-opens = Registration opens (local time)
cycle-field-closes = Registration closes (local time, inclusive)
cycle-field-hold-hours = Hours to confirm the email before the seat is released
cycle-field-min-sessions = Sessions needed for the grant
cycle-field-reminder-hours = Reminder before each session, in hours (empty: the day before at 10:00; 0: no reminders)
cycle-field-waitlist = Keep a waiting list
cycle-field-confirmation = Require email confirmation
cycle-field-published = Published
cycle-field-grant = Grant call
cycle-field-grant-title = Grant call title
cycle-field-grant-until = Applications accepted until
cycle-sessions-hint = Leave a session's rows empty to skip it.
cycle-field-session-title = Title
cycle-field-starts = Starts (local time)
cycle-field-ends = Ends (local time)
cycle-field-mode = Format
cycle-field-location = Venue and address
cycle-field-online-url = Online meeting link
problem-file = The file is not a valid cycle file
problem-required = This is required
problem-too-long = This is too long
problem-control-chars = This contains characters that are not allowed
problem-format = Enter a date and time like 2026-11-29T23:59
problem-slug = Use lowercase letters, digits and single hyphens
problem-language = Use the code of a language Cohort speaks, such as lv or en
problem-zone = Enter a time zone like Europe/Riga
problem-country = Use a two-letter country code, like LV
problem-range = Enter a number in the allowed range
problem-min-sessions-over = This is more than the number of sessions
problem-too-many = Too many sessions
problem-closes-before-opens = Registration must close after it opens
problem-ends-before-start = The session must end after it starts
problem-mode = Choose in person or online
problem-location-required = Enter the venue of a session in person
problem-url-required = Enter the meeting link of an online session
problem-url-invalid = Enter a link starting with https://
problem-slug-taken = A cycle with this web address name already exists
problem-capacity-below-taken = Capacity cannot be lower than the seats already taken
problem-session-has-attendance = This session has attendance recorded and cannot be removed

## Email
mail-greeting = Hello { $name },
mail-your-page = Your page (keep this link to yourself — it is your key):
mail-open-page = Open my page
mail-confirm-by = Confirm your email address on your page by { $until } to keep the seat.
mail-footer = You received this email because you registered for a training cycle.
mail-subject-seated = your seat
mail-subject-waitlisted = waiting list
mail-subject-link-again = your registration link
mail-subject-promoted = a seat is yours
mail-subject-cancelled = registration cancelled
mail-subject-expired = seat released
mail-subject-grant-eligible = you may apply for the grant
mail-body-seated = Thank you for registering. A seat is held for you.
mail-body-waitlisted = Thank you for registering. All seats are taken, so you are on the waiting list.
mail-body-link-again = Someone (probably you) asked for the link to your registration again, or tried to register again with this address. You are already registered; here is the link to your page.
mail-body-promoted = Good news: a seat has freed up and it is now yours.
mail-choose-session-label = Choose a session
mail-choose-session = { $when }: you have no session chosen for this time — the one you chose may have filled up while you were on the waiting list. Choose a session on your page.
mail-body-cancelled = Your registration is cancelled. The attached calendar file takes the sessions out of your calendar. If this is a mistake, contact the organisers; while registration is open you can also register again on the cycle page.
mail-body-expired = The email address was not confirmed in time, so the seat went to the next person on the waiting list.
mail-body-grant-eligible = You attended enough sessions and may apply for the grant. Open your page to apply.

## Attendance
source-manual = roster
source-checkin = check-in
source-import = Zoom report
roster-present-count = { PLURAL($count) ->
    [one] { $count } participant marked present
   *[other] { $count } participants marked present
}
roster-sort = Sort by
roster-sort-name = Name
roster-sort-institution = Institution
roster-empty = No confirmed participants.
roster-present = Present
roster-source = Source
roster-minutes = Minutes
roster-save = Save attendance
roster-mark-all = Mark all present
roster-clear-search-to-save = Clear the search to save the whole roster.
notice-attendance-saved = Attendance saved.
import-title = Zoom participant report
import-hint = Upload the participant report exported from Zoom (CSV). You will see who will be marked present before anything changes.
import-file = Report file
import-preview = Preview
import-threshold = Minutes needed to count as present
import-recalculate = Recalculate
import-will-be-present = { PLURAL($count) ->
    [one] { $count } will be marked present
   *[other] { $count } will be marked present
}
import-stay-absent = { PLURAL($count) ->
    [one] { $count } stays absent
   *[other] { $count } stay absent
}
import-unmatched = { PLURAL($count) ->
    [one] { $count } report entry matched nobody
   *[other] { $count } report entries matched nobody
}
import-matched-by = Matched by
import-report-name = Name in the report
import-note = Note
import-keeps-present = already present; stays present
import-assign-hint = Choose who each entry is; entries left as "nobody" are ignored.
import-assign = Participant
import-nobody = nobody
import-apply = Apply
matched-by-email = email
matched-by-name = name
matched-by-manual = by hand
matched-by-none = not in the report
import-error-no-file = Choose a report file to upload
import-error-empty = The file is empty
import-error-not-zoom-report = This file is not a Zoom participant report: it has no column with participants' names and durations or join and leave times
import-error-too-large = The file is larger than 10 MB
import-error-too-many-rows = The file has more than 50,000 rows
import-error-no-participants = The report lists no participants
import-error-bad-row = Line { $line } of the file: { $problem }
import-error-bad-row-generic = A line of the file could not be read
import-row-malformed = the line is not valid CSV
import-row-missing-name = there is no name or email
import-row-bad-duration = the duration is not a number of minutes
import-row-bad-join-time = the join time cannot be read
import-row-bad-leave-time = the leave time cannot be read
import-row-leave-before-join = the leave time is before the join time
import-row-missing-minutes = there is no duration and no join or leave time
verdict-eligible = eligible
verdict-still-possible = still possible
verdict-no-longer-possible = no longer possible
matrix-eligible-count = { PLURAL($count) ->
    [one] { $count } participant is eligible for the grant.
   *[other] { $count } participants are eligible for the grant.
}
matrix-download = Download eligibility.csv
matrix-attended = Attended
matrix-verdict = Grant
matrix-totals = Present per session
matrix-notify = Tell eligible participants they may apply
matrix-notify-hint = Each eligible participant gets one email, however often this is pressed.
notice-eligible-notified = Eligible participants will get an email.
notice-no-new-eligible = Everyone eligible has already been told.
audit-summary = { $attended } of { $total } sessions attended ({ $min } needed); status: { $status }; grant: { $verdict }.
audit-title = Attendance history
audit-empty = No attendance has been recorded yet.
audit-when = When
audit-change = Change
audit-by = By
checkin-title = Check-in
checkin-session = Session
checkin-submit = Mark present
checkin-done = Marked present.
checkin-already = Already marked present — nothing changed.
checkin-not-confirmed = This registration is not confirmed, so it cannot be marked present.
checkin-choose-session = Choose the session.
checkin-wrong-cycle = This code belongs to another cycle ({ $cycle }), not to { $expected }.
checkin-refused-other-cycle = Refused: this code belongs to another cycle.

## Outcome: what meeting the rule earns (grant, certificate, both, none)
cycle-min-sessions-grant = { PLURAL($count) ->
    [one] Attend at least { $count } of { $total } sessions to be eligible for the follow-up grant.
   *[other] Attend at least { $count } of { $total } sessions to be eligible for the follow-up grant.
}
cycle-min-sessions-certificate = { PLURAL($count) ->
    [one] Attend at least { $count } of { $total } sessions to receive a certificate of participation.
   *[other] Attend at least { $count } of { $total } sessions to receive a certificate of participation.
}
cycle-min-sessions-both = { PLURAL($count) ->
    [one] Attend at least { $count } of { $total } sessions to receive a certificate and be eligible for the follow-up grant.
   *[other] Attend at least { $count } of { $total } sessions to receive a certificate and be eligible for the follow-up grant.
}
outcome-grant-eligible = { $attended } of { $total } sessions attended — you are eligible to apply for the grant.
outcome-grant-still-possible = { PLURAL($count) ->
    [one] { $attended } of { $total } sessions attended — attend { $count } more to be eligible for the grant.
   *[other] { $attended } of { $total } sessions attended — attend { $count } more to be eligible for the grant.
}
outcome-grant-no-longer = { $attended } of { $total } sessions attended — too few sessions remain to become eligible for the grant.
outcome-certificate-eligible = { $attended } of { $total } sessions attended — you have earned the certificate of participation.
outcome-certificate-still-possible = { PLURAL($count) ->
    [one] { $attended } of { $total } sessions attended — attend { $count } more session to receive the certificate.
   *[other] { $attended } of { $total } sessions attended — attend { $count } more sessions to receive the certificate.
}
outcome-certificate-no-longer = { $attended } of { $total } sessions attended — too few sessions remain to receive the certificate.
outcome-both-eligible = { $attended } of { $total } sessions attended — you have earned the certificate and may apply for the grant.
outcome-both-still-possible = { PLURAL($count) ->
    [one] { $attended } of { $total } sessions attended — attend { $count } more session to receive the certificate and apply for the grant.
   *[other] { $attended } of { $total } sessions attended — attend { $count } more sessions to receive the certificate and apply for the grant.
}
outcome-both-no-longer = { $attended } of { $total } sessions attended — too few sessions remain to receive the certificate or apply for the grant.
outcome-none-eligible = { $attended } of { $total } sessions attended.
outcome-none-still-possible = { $attended } of { $total } sessions attended.
outcome-none-no-longer = { $attended } of { $total } sessions attended.
problem-amount = Enter an amount in euros, like 1500 or 1500.50
cycle-field-certificate = Meeting the minimum earns a certificate of participation
cycle-field-grant-max = Largest amount one application may ask for (euros)
cycle-field-grant-decisions-by = Decisions announced by
cycle-field-grant-description = About the grant call

## Grant application
participant-grant = Grant application
participant-grant-open = You may apply for the grant.
participant-grant-apply = Apply for the grant
participant-grant-continue = Continue your application
participant-grant-view = See your application
grant-page-title = Grant application
grant-deadline = Applications accepted until
grant-max-amount = Largest amount
grant-decisions-by = Decisions by
grant-status = Your application
grant-status-draft = Draft — not sent yet
grant-status-submitted = Submitted — waiting for the decision
grant-status-funded = Funded
grant-status-not-funded = Not funded
grant-decision-funded = The organisers decided to fund your project: { $amount }.
grant-decision-not-funded = The organisers decided not to fund your project this time.
grant-refused-no-call = This cycle has no grant call.
grant-refused-not-confirmed = Only confirmed participants of the cycle can apply for the grant.
grant-refused-not-yet = { PLURAL($count) ->
    [one] You cannot apply yet: attend { $count } more session to be eligible.
   *[other] You cannot apply yet: attend { $count } more sessions to be eligible.
}
grant-refused-no-longer = You cannot apply: too few sessions remain to reach the number the grant requires.
grant-refused-closed = Applications are no longer accepted: the deadline has passed.
grant-refused-submitted = Your application has been submitted and can no longer be changed.
grant-field-title = Project title
grant-field-summary = Project summary
grant-field-summary-hint = { PLURAL($count) ->
    [one] What the project will do, with whom and for whom. Up to { $count } character.
   *[other] What the project will do, with whom and for whom. Up to { $count } characters.
}
grant-field-partners = Community partners
grant-field-amount = Amount requested (euros)
grant-field-amount-hint = For example 1200 or 1200.50. At most { $max }.
grant-field-amount-hint-any = For example 1200 or 1200.50.
grant-field-attachment = Attachment (PDF)
grant-field-attachment-hint = A budget or a project description as a PDF file, up to 5 MB. Choosing a new file replaces the one already attached.
grant-field-required-title = Enter the project title
grant-field-required-summary = Enter the project summary
grant-field-required-amount = Enter the amount you request
grant-field-required-outcome = Choose funded or not funded
grant-field-amount-positive = The amount must be more than 0
grant-field-amount-over = The amount is more than the call allows
grant-field-amount-format = Enter the amount in euros, like 1200 or 1200.50
grant-field-attachment-too-large = The file is larger than 5 MB
grant-field-attachment-not-pdf = The file is not a PDF document
grant-attachment-current = Attached: { $file }
grant-attachment-size = { $size } MB
grant-attachment-remove = Remove the attachment
grant-save = Save draft
grant-submit = Submit application
grant-submit-hint = A saved draft can be changed until the deadline. A submitted application cannot be changed; you get a copy by email.
grant-your-application = What you sent
grant-back = Back to your page
grant-submitted-at = Submitted
grant-granted = Amount granted
grant-decision-comment = The organisers' comment
notice-grant-saved = Your draft is saved.
notice-grant-submitted = Your application is submitted. A copy is on its way to your email.
notice-grant-attachment-removed = The attachment is removed.
mail-subject-grant-submitted = your grant application is received
mail-body-grant-submitted = Thank you: your grant application has been received. This is a copy of what you sent.
mail-subject-grant-decided-funded = your project is funded
mail-body-grant-decided-funded = Good news: the organisers decided to fund your project.
mail-subject-grant-decided-not-funded = decision on your grant application
mail-body-grant-decided-not-funded = The organisers have decided on your grant application: this time it is not funded.

## Organisers: applications
admin-applications = Grant applications
applications-none = No applications yet.
applications-count = { PLURAL($count) ->
    [one] { $count } application, { $submitted } submitted.
   *[other] { $count } applications, { $submitted } submitted.
}
applications-col-name = Applicant
applications-col-title = Project
applications-col-amount = Amount
applications-col-status = Status
applications-col-submitted = Submitted
applications-download = Download applications.csv
applications-download-xlsx = Download applications.xlsx
application-applicant = Applicant
application-attended = Sessions attended
application-attachment-download = Download the attachment
application-no-attachment = No attachment.
application-decide = Decision
application-decide-hint = The applicant is told by email once; a decision cannot be changed afterwards.
decision-funded = Funded
decision-not-funded = Not funded
decision-granted = Amount granted (euros)
decision-granted-hint = Empty: the amount requested.
decision-comment = Comment to the applicant
decision-save = Record the decision
application-audit = History
audit-by-participant = the applicant
notice-decision-saved = The decision is recorded; the applicant will get an email.
notice-decision-not-open = This application cannot be decided (not submitted, or decided already).

## Certificates
participant-certificate = Certificate of participation
participant-certificate-open = Open the certificate
participant-certificate-pdf = Download as PDF
certificate-heading = Certificate of participation
certificate-intro = This certifies that
certificate-completed = completed the training cycle
certificate-attended = { $attended } of { $total } sessions attended
certificate-organised-by = Organised by { $organisation }
certificate-code = Verification code: { $code }
certificate-verify-at = Check it at { $url }
verify-title = Certificate check
verify-valid = This certificate is valid.
verify-invalid = This certificate is no longer valid.
verify-name = Name
verify-cycle = Training cycle
certificate-code-label = Code

# Reminders before each session (issue 9)
mail-subject-reminder = reminder: { $session }
mail-body-reminder = A reminder: the session “{ $session }” is on { $when }.
mail-reminder-where = Where
mail-reminder-join = Join link

# Messages from organisers (issue 9)
admin-messages = Messages
message-intro = Write to one group of this cycle's people. You see who gets it and how it reads before anything is sent. The text is sent as you type it, as plain text.
message-field-audience = To
message-field-subject = Subject
message-field-body = Message
message-field-body-hint = Plain text. Each person also gets the link to their own page.
message-field-required-audience = Choose who the message is for
message-field-required-subject = Enter the subject
message-field-required-body = Enter the message
message-group-empty = Nobody is in this group now; choose another
message-group-seat_holders = Everyone with a seat
message-group-waitlist = The waiting list
message-group-eligible = Those who met the attendance rule
message-group-still_possible = Those who can still meet it
message-group-no_longer_possible = Those who can no longer meet it
message-group-with-size = { $group } ({ $count })
message-preview = Preview
message-preview-title = Check before sending
message-preview-count = { PLURAL($count) ->
    [one] This message goes to 1 person
   *[other] This message goes to { $count } people
}
message-preview-as-read = As it will read
message-send = { PLURAL($count) ->
    [one] Send to 1 person
   *[other] Send to { $count } people
}
message-change = Change the message
message-sent-title = Sent
message-sent-none = No messages sent yet.
message-col-when = Sent
message-col-recipients = Recipients
message-col-delivery = Delivery
message-delivery = { $delivered } delivered, { $waiting } waiting, { $failed } failed
message-state-delivered = Delivered
message-state-waiting = Waiting to be sent
message-state-failed = Not delivered
message-retry = { PLURAL($count) ->
    [one] Try the failed delivery again
   *[other] Try the { $count } failed deliveries again
}
notice-message-sent = The message is on its way.
notice-message-already-sent = This message was already sent; it was not sent again.
notice-message-retried = The failed deliveries are being tried again.

# Marking a session before it starts (issue 9)
attendance-early-warning = This session has not started yet: attendance can be marked from { $opens }. To record it now anyway, say why (the reason is kept in the audit trail).
attendance-early-reason = Reason for marking before the session
attendance-early-refused = Nothing was saved: the session has not started. Give a reason to record it anyway
checkin-too-early = Not checked in: this session has not started yet. Check-in opens an hour before it starts; choose the session that is running.

# Schedule changes (issue 9)
mail-subject-schedule-changed = change of schedule: { $session }
mail-body-schedule-changed = The session “{ $session }” has changed. Here is what is different; the calendar file attached updates the entry already in your calendar.
mail-change-time = Time
mail-change-place = Place
calendar-your-page = Your page (schedule, links, cancelling): { $link }
notice-schedule-told = { $count ->
    [one] Saved. { $count } person holding a seat will be told what changed in the schedule.
   *[other] Saved. { $count } people holding a seat will be told what changed in the schedule.
}

# The waiting list closes when the first session starts (issue 9)
mail-subject-no-seat-freed = no seat became free
mail-body-no-seat-freed = The first session has begun and no seat became free for you, so your place on the waiting list has ended. Thank you for your interest — we hope to see you in a later cycle.

# Progress after each session (issue 9)
cycle-field-progress-emails = After each session, email participants who have not yet met the minimum how many sessions they still need
participant-progress-on = After each session we email you how many sessions you still need.
participant-progress-off = You have stopped the emails about your progress after each session.
participant-progress-stop = Stop these emails
participant-progress-start = Send them again
notice-progress-emails-off = You will get no more emails about your progress.
notice-progress-emails-on = You will again get an email about your progress after each session.
mail-subject-progress = your attendance after “{ $session }”
mail-body-progress = The session “{ $session }” is over. This is where you stand, by the attendance recorded so far; if it is not right, reply to this email.
mail-subject-progress-lost = after “{ $session }”: too few sessions remain
mail-body-progress-lost = The session “{ $session }” is over. By the attendance recorded so far, too few sessions remain to meet the minimum; you are welcome at the remaining sessions all the same. If the record is not right, reply to this email.
mail-progress-label = Your attendance
mail-progress-stop-label = Do not want these emails?
mail-progress-stop = You can stop them on your page.
# Doors (issue 13): look-alike email domains, the bounded Zoom import preview
field-email-mixed-script = The address's domain mixes Latin letters with Cyrillic or Greek ones (such as a Cyrillic "а" in place of "a"). Type the address again in one alphabet
import-rows = Rows
import-unlisted = { PLURAL($count) ->
    [one] { $count } more is not listed here; all are saved when you apply.
   *[other] { $count } more are not listed here; all are saved when you apply.
}
import-not-assignable = { PLURAL($count) ->
    [one] { $count } more entry ({ $rows } rows, { $minutes } min in all) cannot be assigned here: only the entries with the most minutes, above, offer a choice. It stays unmatched; if it is a participant, correct the name or email in the report and upload it again, or mark them on the roster.
   *[other] { $count } more entries ({ $rows } rows, { $minutes } min in all) cannot be assigned here: only the entries with the most minutes, above, offer a choice. They stay unmatched; if one is a participant, correct the name or email in the report and upload it again, or mark them on the roster.
}
import-gone = This report is no longer kept (it was applied, or uploaded more than a day ago). Upload it again if you need it.

# The participant's data rights (issue 11)
privacy-title = Privacy notice
privacy-version = Version { $version }
privacy-controller = Responsible for your data: { $controller }. Questions about it: { $contact }.
privacy-what-title = What is kept
privacy-what = What you write in the registration form (name, email address, phone if given, institution, its type, your position, region, country, language), when you agreed to this notice and to which version, your seat or waiting-list place, your attendance at each session (from the door check-in, the organisers' list or the online meeting's report), a grant application if you make one, and which emails were sent to you.
privacy-why-title = Why
privacy-why = To run the training cycle you register for: seats and the waiting list, confirmations and reminders, attendance, certificates and the grant competition that follows it. The basis is your consent, which you may withdraw at any time by erasing your data.
privacy-who-title = Who sees it
privacy-who = The organisers of the cycle. It is not sold or given to anyone else. Emails go out through the organisers' mail server.
privacy-how-long-title = How long
privacy-how-long = As long as each cycle's page says; then the personal data is erased by itself. Counts without names (how many registered and attended, from which countries and kinds of institutions, grant amounts) are kept for reports to funders.
privacy-rights-title = Your rights
privacy-rights = From your own page (the link in every email from the cycle) you can download everything kept about you and have it erased. If you no longer have the link, write to the address above.
privacy-notice-link = Privacy notice
privacy-kept-until = Personal data is kept until { $until } and then erased.
participant-data-title = Your data
participant-data-hint = You can download everything kept about you, or have it erased.
participant-data-download = Download my data (JSON)
participant-data-erase = Erase my data
erase-title = Erase your data?
erase-removes = Your name, email address, phone, institution and position, the texts of a grant application and its attachment, and a certificate's code are removed for good. This link stops working.
erase-keeps = Kept without your name, for the organisers' statistics and reports to funders: that a registration existed, its institution type, country and region, attendance marks, and grant amounts and decisions.
erase-gives-back-place = Your seat or waiting-list place is given back, so someone waiting can have it.
erase-final = This cannot be undone.
erase-button = Erase my data
erase-back = No, go back to my page
erased-title = Your data is erased
erased-text = Your personal data is erased. No more emails will come from this cycle, and your link no longer opens anything.
cycle-field-retention-months = Erase personal data this many months after the last session
# Login limits (issue 13)
login-wait-here = Too many wrong passwords from your address. Try again in { $minutes } { $minutes ->
    [one] minute
   *[other] minutes
}; until then even the right password is not accepted.
login-account-locked = This account is locked for { $minutes } { $minutes ->
    [one] minute
   *[other] minutes
}: its password was entered wrongly many times, from several addresses. Wait, then sign in as usual — the lock ends by itself and your password stays the same. If that was not you, tell an administrator: someone is trying to guess your password.

# Participant journeys (issue 11): dates and zones as people say them
format-until = { $day } { $monthuntil } { $year }, { $time } ({ $zone })
format-day = { $day } { $monthname } { $year }
month-until-1 = January
month-until-2 = February
month-until-3 = March
month-until-4 = April
month-until-5 = May
month-until-6 = June
month-until-7 = July
month-until-8 = August
month-until-9 = September
month-until-10 = October
month-until-11 = November
month-until-12 = December
zone-europe-riga = Latvian time
zone-europe-vilnius = Lithuanian time
zone-europe-tallinn = Estonian time
zone-europe-helsinki = Finnish time
zone-asia-almaty = Almaty time
zone-asia-tashkent = Tashkent time
zone-utc = UTC
zone-other = { $city } time, UTC{ $offset }

# Participant journeys (issue 11): the first screen
summary-title = In short
summary-audience = For: { $who }
summary-dates = { PLURAL($count) ->
    [one] { $count } session, on { $first }
   *[other] { $count } sessions, the first on { $first }, the last on { $last }
}
summary-date-one = One session, on { $when }
summary-full = Full
summary-full-waitlist = Full — you can join the waiting list
summary-start = Start registration
summary-start-waitlist = Join the waiting list
cycle-contact = Questions
cycle-field-audience = Who it is for (one line at the top of the page)
cycle-field-contact-email = Organisers' email address for participants' questions
cycle-field-contact-phone = Organisers' phone number
problem-email = Enter an email address in the correct format, like name@example.lv
problem-phone = Enter a phone number using digits, spaces, +, - and brackets only

# Participant journeys (issue 11): giving the seat back
cancel-title = Are you sure you want to give your place back?
cancel-seat-hint = Your seat goes at once to the next person on the waiting list, or to whoever registers next.
cancel-waitlist-hint = You leave the waiting list, and the people after you move up.
cancel-again-hint = You can register again later while registration is open, but your seat or place in the queue may have gone by then.
cancel-confirm = Yes, give my place back
cancel-go-back = No, go back to my page
participant-register-again = Register again
notice-restore-registered-again = This person has registered again since; the new registration stands, so the old one stays cancelled.
mail-contact-label = Questions? Contact the organisers
calendar-cancelled = You gave your place back; this session is no longer in your plans.

# Participant journeys (issue 11): after registering, a lost link
registered-wrote-to = We wrote to:
registered-next-title = What happens next
registered-next-confirm = Open the link in the email and confirm your address by { $until }, or the seat goes to the next person.
registered-next-waitlist = When a seat frees up, it goes to the first person on the list, and we email you at once.
registered-next-schedule = The schedule, a calendar file and the links to online sessions are in the email and on your page; before each session you get a reminder.
registered-next-schedule-waitlisted = The schedule and a calendar file, so you can keep the dates free, are in the email and on your page; the links to online sessions and a reminder before each session come once you have a seat.
registered-no-email-title = No email?
registered-no-email = It usually comes within a few minutes. Look in your spam or promotions folder. If the address above is wrong, register again with the right one.
lost-link = Lost your link?
lost-title = Get the link to your registration again
lost-intro = Enter the email address you registered with. If it is registered for a cycle, we send the link to your page to that address.
lost-submit = Send me the link
lost-sent = If this address is registered, the link to your page is on its way to it.
lost-sent-hint = Check your email in a few minutes, also the spam folder. For safety we send it only to the address itself, and at most once every ten minutes.
error-bad-link = This link does not work: it may be cut short or mistyped. We can send you your link again.
error-setup-link = This link to create an account has been used or has expired: each works once. If you created your account with it, sign in; otherwise ask an administrator for a new one.
error-setup-sign-in = Sign in

# Error summary on a phone (issue 11)
error-prefix = Error
# Organisers' safe actions (issue 11)
confirm-go-back = No, go back
confirm-cancel-title = Cancel this registration?
confirm-cancel-text = { $name } ({ $email }) will no longer be registered for “{ $cycle }” and is told so by email.
confirm-cancel-seat = Their seat is freed: if someone is waiting, the first person on the waiting list gets it at once.
confirm-cancel-button = Yes, cancel the registration
confirm-all-title = Mark everyone present?
confirm-all-text = Every confirmed participant ({ $count } in all) will be marked present at session { $n }, “{ $session }” — also those you left unticked.
confirm-all-button = Yes, mark everyone present
import-checked = I have checked who will be marked present and who stays absent
import-checked-error = Tick “I have checked…” to apply the report
import-keep-present-count = { $count ->
    [one] { $count } person not in the report was already marked present and stays present (see the note in the table).
   *[other] { $count } people not in the report were already marked present and stay present (see the note in the table).
}

# Organisations and organisers (issue 10)
error-other-organisation = This belongs to another organisation’s cycle. You can open only the cycles of the organisations you belong to; an administrator can add you to this one.
problem-organisation-slug = Enter an organisation by its short name: lowercase letters, digits and single hyphens, like lmb
problem-too-many-named = Name at most 20
problem-organisation-unknown = There is no organisation with this short name: check the spelling or ask an administrator to add it
problem-organisation-choose = Choose one of your organisations
cycle-field-organisation = Organisation
cycle-field-organisation-hint = The association that runs this cycle; its organisers manage it.
cycle-field-organisation-none = None (every organiser manages it)
cycle-field-co-organisers = Co-organisers
cycle-field-co-organisers-hint = Other organisations running it with you, by short name, separated by commas, like icom-lv, lnb
cycle-field-partners = Partners
cycle-field-partners-hint = One per line; shown on the cycle’s page.
cycle-organised-by = Organised by { $organisation }
cycle-co-organisers = Together with
cycle-partners = Partners
index-filter-title = Find a cycle
index-filter-organisation = Organisation
index-filter-language = Language
index-filter-country = Country
index-filter-any = Any
index-filter-apply = Show cycles
index-filter-clear = Show all cycles
index-filter-nothing = No published cycle matches this choice.
# Dashboard and funders' reports (issues 10, 11)
dash-state-draft = Draft
dash-state-upcoming = Registration not open yet
dash-state-open = Registration open
dash-state-closed = Registration closed
dash-state-running = Running
dash-state-finished = Finished
dash-deadline-closed = Registration closed on { $date }.
dash-deadline-today = Registration closes today: { $date }.
dash-deadline-days = { $count ->
    [one] Registration closes in { $count } day: { $date }.
   *[other] Registration closes in { $count } days: { $date }.
}
dash-pending = Email not confirmed
dash-next-session = Next session
dash-present = present: { $count }
report-open = Report for funders
report-title = Report: { $cycle }
report-all-title = Report across cycles
report-download-csv = Download the report (CSV)
report-download-xlsx = Download the report (XLSX)
report-counting = Registered: every registration made, whatever became of it. Participants: confirmed registrations. Attended: participants present at one session or more. People whose data was erased are still counted, without their names.
report-totals = Totals
report-state = State
report-capacity = Seats
report-registered = Registered
report-participants = Participants
report-attended = Attended
report-total = Total
report-by-country = Participants by country
report-by-institution-type = Participants by type of institution
report-by-region = Participants by region or municipality
report-country = Country
report-region = Region or municipality
report-not-given = (not given)
report-attendance = Attendance per session
report-present = Present
report-outcomes = Outcomes
report-outcome = Outcome
report-eligible = Eligible
report-still-possible = Still possible
report-no-longer-possible = No longer possible
report-certificate-issued = Certificates issued
report-per-day = Registrations per day
report-chart-numbers = The chart's numbers
report-day = Day
report-registrations = Registrations
report-participants-per-cycle = Participants per cycle
# Cycle form: messages that name their field (issue 11, accessibility)
cycle-error-title-required = Enter the cycle's title
cycle-error-slug-slug = Enter the web address name in lowercase letters, digits and single hyphens, like kopienas-2026
cycle-error-language-language = Enter the language of instruction: lv, en or ru
cycle-error-timezone-zone = Enter the cycle's time zone, like Europe/Riga
cycle-error-country-country = Enter the country as a two-letter code, like LV
cycle-error-capacity-range = Enter the number of seats, a whole number from 0 to 100000
cycle-error-registration-opens-format = Enter when registration opens, like 2026-11-01T09:00
cycle-error-registration-closes-format = Enter when registration closes, like 2026-11-29T23:59
cycle-error-hold-hours-range = Enter the hours to confirm the email, a whole number from 1 to 720
cycle-error-min-sessions-range = Enter the sessions needed for the grant, a whole number from 0 to 100
cycle-error-reminder-hours-before-range = Enter the reminder hours, a whole number from 0 to 336, or leave it empty
cycle-error-retention-months-range = Enter the months to keep personal data, a whole number from 1 to 120, or leave it empty
cycle-error-grant-title-required = Enter the grant call's title
cycle-error-session-title-required = Enter the title of session { $n }
cycle-error-session-starts-format = Enter when session { $n } starts, like 2026-12-04T10:00
cycle-error-session-ends-format = Enter when session { $n } ends, like 2026-12-04T16:00
cycle-error-required = Fill in “{ $field }”
cycle-error-too-long = “{ $field }” is too long
cycle-error-control-chars = “{ $field }” contains characters that are not allowed
cycle-error-format = Enter “{ $field }” as a date and time, like 2026-11-29T23:59
cycle-error-range = Enter a whole number in the allowed range in “{ $field }”

# Sign-in form: an empty field is named (issue 11, accessibility)
field-required-password = Enter your password
# Zoom reports as Zoom exports them today (issue 10)
import-row-unknown-flag = “In waiting room” or “Attended” says neither yes nor no
import-row-ambiguous-email = the header has two columns that could be the participant's email
import-row-ambiguous-duration = the header has two columns that could be the participant's duration
import-row-ambiguous-columns = the header has two columns of the same kind for the participant (name or times)
# Languages by file (issue 10)
language-name = English
language-complete = yes
language-fallback-notice = This page is shown in English.
# Questions per cycle and the country choice (issue 10)
field-country-choose = Select a country
question-yes = Yes
question-no = No
question-error-missing = Answer: { $label }
question-error-not-chosen = Select an answer: { $label }
question-error-not-an-option = Select one of the answers offered: { $label }
question-error-date = Enter a real date, like 2026-11-29: { $label }
question-error-too-long = Use { $max } characters or fewer: { $label }
question-error-unreadable = Type the answer again without special characters: { $label }
admin-answers = Answers
cycle-field-questions = Registration questions
cycle-field-questions-toml = Questions of this cycle, as in the cycle file
cycle-field-questions-hint = One [[questions]] table per question: key (lowercase letters, digits, _), kind (text, long_text, choice, multi_choice, yes_no or date), required, label and hint per language, options for choices, e.g. options = [{"{"} key = "single", label = {"{"} en = "Single room" {"}"} {"}"}]
problem-questions = Check the registration questions
problem-questions-toml = The questions are not valid TOML: { $why }
problem-question-key = Use lowercase letters, digits and _, starting with a letter
problem-question-key-taken = This key is already used by another question, option or registration field
problem-question-kind = Use text, long_text, choice, multi_choice, yes_no or date
problem-question-options-needed = A choice needs at least two options
problem-question-options-unwanted = Only choice and multi_choice questions have options
problem-question-options-too-many = A question can have at most 50 options
problem-question-label-language = Give each label a language code, like lv, en or ru
problem-question-too-many = A cycle can ask at most 30 questions
# Chosen sessions and tracks (issue 10)
problem-track-overlap = Another session of this track runs at the same time
problem-capacity-not-alternative = Only a session with parallel alternatives can have its own capacity
problem-min-sessions-over-attendable = This is more than the sessions one participant can attend (one per time slot of parallel sessions)
problem-session-capacity-below-taken = This capacity is lower than the places participants have already chosen
cycle-field-track = Track (parallel sessions)
cycle-field-session-capacity = Places in this session
choice-track = track { $track }
choice-full-label = full
choice-slot-legend = Choose one session: { $when }
choice-hint = These sessions run at the same time. You attend the one you choose.
choice-missing = Choose one of the sessions running at this time
choice-full = This session is full: choose another one
choice-title = Your sessions
choice-none-yet = You have not chosen a session for this time yet.
choice-current = You chose: { $title }
choice-change = Change my session
choice-change-not-allowed = This session cannot be chosen.
choice-change-full = That session is full; your choice stays as it was.
choice-change-started = The session has already started; your choice stays as it was.
notice-choice-changed = Your session choice has been changed.
notice-choice-unchanged = You had already chosen that session.
attendance-not-chosen = not your session

## Organisations' identity (issue 11)
admin-organisation-required-name = Enter the organisation's name
admin-organisation-required-sender-address = Enter the sender's email address, or leave the sender's name empty
admin-organisation-required-version = Enter the privacy notice's version, like 2026-12
admin-organisation-required-notice = Enter the privacy notice's text, or leave its version empty
admin-organisations = Organisations
admin-organisations-intro = What participants of each organisation's cycles see: its name on their pages, the sender of their mail, whom to ask and the privacy notice they agree to.
admin-organisations-none = You belong to no organisation.
admin-organisation-name = Name of the organisation
admin-organisation-site-name = Site name on its cycles' pages (empty: its name)
admin-organisation-mail = Mail and contact
admin-organisation-mail-hint = Mail about its cycles comes from this sender; without one, from the installation's. Its domain must let this server's mail relay sign for it (DKIM), or publish no DMARC policy that rejects or quarantines, or the mail may be rejected as spam. Replies go to the contact address.
admin-organisation-sender-name = Sender's name (empty: the organisation's name)
admin-organisation-sender-address = Sender's email address
admin-organisation-sender-admin-only = Only an administrator can change the sender's address.
admin-organisation-contact-email = Contact email address
admin-organisation-contact-phone = Contact phone number
admin-organisation-privacy = Privacy notice
admin-organisation-privacy-hint = Its own notice, shown at its own address and linked from its cycles' consent; each registration stores its version. Empty: the installation's notice. Change the version whenever the text changes.
admin-organisation-privacy-notice = Text of the notice (paragraphs separated by a blank line)
admin-organisation-privacy-version = Version of the notice
admin-organisation-saved = The organisation has been saved.
admin-organisation-too-long-name = The organisation's name must be 200 characters or fewer
admin-organisation-too-long-site-name = The site name must be 200 characters or fewer
admin-organisation-too-long-mail-from-name = The sender's name must be 200 characters or fewer
admin-organisation-too-long-contact-phone = The contact phone number must be 40 characters or fewer
admin-organisation-too-long-privacy-notice = The privacy notice must be 30,000 characters or fewer
admin-organisation-too-long-privacy-notice-version = The notice's version must be 60 characters or fewer
