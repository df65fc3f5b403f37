# Русский. Множественное число: выбор по PLURAL($count) (категории: one, few, many).

skip-to-content = Перейти к основному содержанию
nav-language = Язык
nav-organiser = Организатор
nav-admin = Страницы организатора
nav-logout = Выйти
nav-logout-everywhere = Выйти на всех устройствах
footer-text = Cohort — регистрация на учебные циклы и учёт посещаемости
yes = Да
no = Нет
title-error-prefix = Ошибка

## Даты: $weekday, $day, $month (две цифры), $monthname, $year, $time, $end, $zone
format-date = { $weekday }, { $day } { $monthname } { $year } г.
format-datetime = { $day } { $monthname } { $year } г., { $time } ({ $zone })
format-span = { $weekday }, { $day } { $monthname } { $year } г., { $time }–{ $end } ({ $zone })
weekday-1 = понедельник
weekday-2 = вторник
weekday-3 = среда
weekday-4 = четверг
weekday-5 = пятница
weekday-6 = суббота
weekday-7 = воскресенье
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря

## Ошибки
error-not-found = Страница не найдена
error-forbidden = Вы не можете это сделать
error-csrf = Срок действия этой формы истёк, или она была отправлена не с этого сайта. Вернитесь назад, обновите страницу и попробуйте ещё раз.
error-too-many = Слишком много попыток. Подождите несколько минут и попробуйте ещё раз.
error-too-large = Отправленные данные слишком велики.
error-bad-request = Не удалось прочитать запрос.
error-internal = Извините, у нас что-то пошло не так. Попробуйте позже.
error-unavailable = Сервис временно недоступен (не отвечает его база данных). Ничего из отправленного не сохранено. Попробуйте ещё раз через минуту.
error-admin-only = Это могут делать только администраторы.
error-back-home = Перейти на главную страницу
error-request-id = Код ошибки
error-summary-title = Возникла проблема

## Публичные страницы
index-title = Учебные циклы
index-empty = Сейчас нет опубликованных учебных циклов.
index-starts = Начало
cycle-opens-at = Регистрация откроется { $when }
cycle-open-until = Регистрация открыта до { $when }
cycle-closed = Регистрация на этот цикл закрыта.
cycle-full = Все места заняты, а лист ожидания для этого цикла не ведётся.
cycle-waitlist-note = Все места заняты. Если вы зарегистрируетесь сейчас, вы попадёте в лист ожидания и автоматически получите место, когда оно освободится.
cycle-schedule = Расписание
cycle-times-in-zone = Часовой пояс: { $zone }.
cycle-register = Регистрация
cycle-seats = Места
cycle-deadline = Крайний срок регистрации
cycle-submit = Зарегистрироваться
seats-left = { PLURAL($count) ->
    [one] Осталось { $count } место
    [few] Осталось { $count } места
   *[many] Осталось { $count } мест
}
session-online = Онлайн
mode-in-person = Очно
mode-online = Онлайн

## Форма регистрации
field-first-name = Имя
field-last-name = Фамилия
field-email = Адрес электронной почты
field-phone = Номер телефона
field-optional = (необязательно)
field-institution = Учреждение
field-institution-type = Тип учреждения
field-position = Должность
field-region = Регион или муниципалитет
field-country = Страна
field-country-hint = Страна, в которой вы работаете
field-language = Язык писем
field-consent = Я даю согласие на обработку моих данных для организации этого учебного цикла, как описано в уведомлении о конфиденциальности.
field-honeypot = Оставьте это поле пустым
field-name = Имя
field-password = Пароль
field-password-new = Новый пароль (не менее 12 символов)
field-password-again = Повторите новый пароль
institution-museum = Музей
institution-library = Библиотека
institution-archive = Архив
institution-gallery = Галерея
institution-other = Другое
field-required-first-name = Введите имя
field-required-last-name = Введите фамилию
field-required-email = Введите адрес электронной почты
field-required-institution = Введите название учреждения
field-required-institution-type = Выберите тип учреждения
field-required-position = Введите должность
field-required-region = Введите регион или муниципалитет
field-required-language = Выберите язык писем
field-required-consent = Чтобы зарегистрироваться, дайте согласие на обработку ваших данных
field-required-name = Введите имя
field-email-invalid = Введите адрес электронной почты в правильном формате, например name@example.lv
field-phone-invalid = Введите номер телефона, используя только цифры, пробелы, +, - и скобки
field-country-invalid = Выберите свою страну
field-too-long = Текст слишком длинный
field-unreadable = Здесь есть символы, которые не удалось прочитать. Введите текст ещё раз.
field-password-short = Пароль должен содержать не менее 12 символов
field-password-mismatch = Пароли не совпадают
field-organiser-exists = Организатор с таким адресом электронной почты уже существует

## После регистрации
registered-waitlist-position = { PLURAL($count) ->
    [one] Ваш номер в листе ожидания: { $count }.
    [few] Ваш номер в листе ожидания: { $count }.
   *[many] Ваш номер в листе ожидания: { $count }.
}
registered-pending-title = Место за вами забронировано
registered-pending-body = Мы отправили вам письмо со ссылкой на вашу страницу. Откройте её и подтвердите адрес электронной почты, чтобы сохранить место.
registered-confirmed-title = Вы зарегистрированы
registered-confirmed-body = Мы отправили вам письмо с расписанием, файлом календаря и ссылкой на вашу страницу.
registered-waitlisted-title = Вы в листе ожидания
registered-waitlisted-body = Все места заняты. Когда место освободится, его получит первый человек в списке, и мы сразу же напишем ему по электронной почте.
registered-again-title = Проверьте почту
registered-again-body = Мы отправили ссылку на вашу страницу регистрации на указанный вами адрес.
registered-check-email-title = Проверьте почту
registered-check-email-body = Если регистрация прошла успешно, вы получите письмо со ссылкой на вашу страницу.

## Страница участника
participant-status = Статус
status-pending = Место забронировано, адрес не подтверждён
status-confirmed = Подтверждено
status-waitlisted = В листе ожидания
status-cancelled = Отменено
status-expired = Срок истёк
status-pending-line = Подтвердите адрес электронной почты до { $until }, иначе место перейдёт к следующему человеку в листе ожидания.
status-confirmed-line = Ваше место подтверждено. До встречи на занятиях!
status-waitlisted-line = Ваш номер в листе ожидания — { $count }. Мы напишем вам, когда освободится место.
status-cancelled-line = Эта регистрация отменена.
status-expired-line = Адрес электронной почты не был подтверждён вовремя, поэтому место перешло к следующему человеку.
participant-confirm = Подтвердить мой адрес электронной почты
participant-join = Подключиться к онлайн-занятию
participant-calendar = Добавить все занятия в календарь (.ics)
participant-attendance = Посещаемость
participant-session = Занятие
participant-date = Дата
participant-attended = Посещение
attendance-present = Посещено
attendance-absent = Не посещено
attendance-upcoming = Ещё не проводилось
participant-checkin = Код для отметки
participant-checkin-hint = Покажите этот код при входе на очное занятие.
participant-cancel-title = Не сможете прийти?
participant-cancel-hint = Откажитесь от места, чтобы его мог занять кто-то из листа ожидания. Это действие нельзя отменить.
participant-cancel = Отказаться от места
participant-cycle-page = Об этом учебном цикле
notice-confirmed = Спасибо — ваш адрес электронной почты подтверждён.
notice-already-confirmed = Ваш адрес электронной почты уже был подтверждён.
notice-not-allowed = Эту регистрацию больше нельзя изменить.
notice-cancelled = Ваша регистрация отменена. Спасибо, что сообщили нам.
notice-already-cancelled = Эта регистрация уже была отменена.
## Вход и настройка
login-title = Вход
login-submit = Войти
login-failed = Неверный адрес электронной почты или пароль
setup-title = Создайте учётную запись администратора
setup-intro = Эта ссылка работает только один раз. С учётной записью, которую вы здесь создадите, можно добавлять других организаторов.
setup-submit = Создать учётную запись

## Страницы организатора
alert-mail-stalled = Письма не уходят: ждут { $count } { $count ->
    [one] письмо
    [few] письма
   *[other] писем
}, самое старое — { $minutes } мин. Проверьте настройки почтового сервера (COHORT_SMTP_URL) и журнал сервера.
alert-proxy-untrusted = Запросы приходят через прокси, которому Cohort не доверяет: у всех посетителей один адрес, поэтому ограничения регистраций и входа действуют на всех сразу. Установите COHORT_TRUST_PROXY=true.
admin-title = Учебные циклы
admin-new-cycle = Новый цикл
admin-edit-cycle = Изменить цикл
admin-cycle-form = Цикл
admin-organisers = Организаторы
admin-no-cycles = Циклов пока нет.
admin-cycle = Цикл
admin-seats = Занято мест
admin-published = Опубликован
admin-public-page = Публичная страница
admin-download-csv = Скачать регистрации (CSV)
admin-attendance-matrix = Посещаемость и право на грант
admin-sessions = Занятия
admin-session = Занятие
admin-set-capacity = Изменить число мест
admin-registrations = Регистрации
admin-search = Поиск по имени, учреждению или адресу электронной почты
admin-all = Все
admin-filter = Применить фильтр
admin-no-registrations = Подходящих регистраций нет.
admin-registered-at = Дата регистрации
admin-actions = Действия
admin-cancel-registration = Отменить
admin-restore-registration = Восстановить
admin-waitlist = Лист ожидания
admin-waitlist-empty = В листе ожидания никого нет.
admin-save = Сохранить
admin-role = Роль
admin-add-organiser = Добавить организатора
role-admin = Администратор
role-organiser = Организатор
notice-capacity-changed = Число мест изменено.
notice-registration-cancelled = Регистрация отменена.
notice-registration-restored = Регистрация восстановлена.
notice-unchanged = Ничего не изменилось.
notice-organiser-added = Организатор добавлен.
cycle-field-slug = Имя в веб-адресе (латинские буквы, цифры, дефисы)
cycle-field-title = Название
cycle-field-description = Описание
cycle-field-language = Язык обучения
cycle-field-timezone = Часовой пояс
cycle-field-capacity = Число мест
cycle-field-opens = Начало регистрации (местное время)
cycle-field-closes = Окончание регистрации (местное время, включительно)
cycle-field-hold-hours = Срок подтверждения адреса электронной почты в часах, после которого место освобождается
cycle-field-min-sessions = Число занятий, необходимое для гранта
cycle-field-reminder-hours = Напоминание перед каждым занятием, за сколько часов (пусто: накануне в 10:00; 0: без напоминаний)
cycle-field-waitlist = Вести лист ожидания
cycle-field-confirmation = Требовать подтверждение адреса электронной почты
cycle-field-published = Опубликован
cycle-field-grant = Конкурс грантов
cycle-field-grant-title = Название конкурса грантов
cycle-field-grant-until = Заявки принимаются до
cycle-sessions-hint = Чтобы пропустить занятие, оставьте его строки пустыми.
cycle-field-session-title = Название
cycle-field-starts = Начало (местное время)
cycle-field-ends = Окончание (местное время)
cycle-field-mode = Формат
cycle-field-location = Место проведения и адрес
cycle-field-online-url = Ссылка на онлайн-встречу
problem-file = Файл не является корректным файлом цикла
problem-required = Это поле обязательно
problem-too-long = Текст слишком длинный
problem-control-chars = Здесь есть недопустимые символы
problem-format = Введите дату и время в формате 2026-11-29T23:59
problem-slug = Используйте строчные латинские буквы, цифры и одиночные дефисы
problem-language = Укажите код языка, на котором работает Cohort, например lv или en
problem-zone = Введите часовой пояс, например Europe/Riga
problem-country = Укажите двухбуквенный код страны, например LV
problem-range = Введите число в допустимом диапазоне
problem-min-sessions-over = Это больше, чем число занятий
problem-too-many = Слишком много занятий
problem-closes-before-opens = Регистрация должна закрываться позже, чем открывается
problem-ends-before-start = Занятие должно заканчиваться позже, чем начинается
problem-mode = Выберите «очно» или «онлайн»
problem-location-required = Укажите место проведения очного занятия
problem-url-required = Укажите ссылку на встречу для онлайн-занятия
problem-url-invalid = Введите ссылку, которая начинается с https://
problem-slug-taken = Цикл с таким именем в веб-адресе уже существует
problem-capacity-below-taken = Число мест не может быть меньше числа уже занятых мест
problem-session-has-attendance = Для этого занятия уже отмечена посещаемость, поэтому его нельзя удалить

## Электронная почта
mail-greeting = Здравствуйте, { $name }!
mail-your-page = Ваша страница (никому не передавайте эту ссылку — это ваш ключ):
mail-open-page = Открыть мою страницу
mail-confirm-by = Чтобы сохранить место, подтвердите адрес электронной почты на своей странице до { $until }.
mail-footer = Вы получили это письмо, потому что зарегистрировались на учебный цикл.
mail-subject-seated = ваше место
mail-subject-waitlisted = лист ожидания
mail-subject-link-again = ссылка на вашу регистрацию
mail-subject-promoted = место за вами
mail-subject-cancelled = регистрация отменена
mail-subject-expired = место освобождено
mail-subject-grant-eligible = вы можете подать заявку на грант
mail-body-seated = Спасибо за регистрацию. Место за вами забронировано.
mail-body-waitlisted = Спасибо за регистрацию. Все места заняты, поэтому вы в листе ожидания.
mail-body-link-again = Кто-то (вероятно, вы) запросил ссылку на вашу регистрацию снова или попытался снова зарегистрироваться с этим адресом. Вы уже зарегистрированы — вот ссылка на вашу страницу.
mail-body-promoted = Хорошая новость: освободилось место, и теперь оно ваше.
mail-choose-session-label = Выберите занятие
mail-choose-session = { $when }: на это время у вас не выбрано занятие — в выбранном могли закончиться места, пока вы были в листе ожидания. Выберите занятие на своей странице.
mail-body-cancelled = Ваша регистрация отменена. Приложенный файл календаря убирает занятия из вашего календаря. Если это ошибка, свяжитесь с организаторами; пока регистрация открыта, можно также зарегистрироваться снова на странице цикла.
mail-body-expired = Адрес электронной почты не был подтверждён вовремя, поэтому место перешло к следующему человеку в листе ожидания.
mail-body-grant-eligible = Вы посетили достаточно занятий и можете подать заявку на грант. Откройте свою страницу, чтобы подать заявку.

## Посещаемость
source-manual = список
source-checkin = код при входе
source-import = отчёт Zoom
roster-present-count = { PLURAL($count) ->
    [one] Присутствующим отмечен { $count } участник
    [few] Присутствующими отмечены { $count } участника
   *[many] Присутствующими отмечены { $count } участников
}
roster-sort = Сортировать по
roster-sort-name = имени
roster-sort-institution = учреждению
roster-empty = Нет подтверждённых участников.
roster-present = Присутствовал
roster-source = Источник
roster-minutes = Минуты
roster-save = Сохранить посещаемость
roster-mark-all = Отметить всех присутствующими
roster-clear-search-to-save = Очистите поиск, чтобы сохранить весь список.
notice-attendance-saved = Посещаемость сохранена.
import-title = Отчёт об участниках Zoom
import-hint = Загрузите отчёт об участниках, выгруженный из Zoom (CSV). До изменений вы увидите, кто будет отмечен присутствующим.
import-file = Файл отчёта
import-preview = Предпросмотр
import-threshold = Сколько минут нужно, чтобы считаться присутствующим
import-recalculate = Пересчитать
import-will-be-present = { PLURAL($count) ->
    [one] Присутствующим будет отмечен { $count }
    [few] Присутствующими будут отмечены { $count }
   *[many] Присутствующими будут отмечены { $count }
}
import-stay-absent = { PLURAL($count) ->
    [one] Отсутствующим остаётся { $count }
    [few] Отсутствующими остаются { $count }
   *[many] Отсутствующими остаются { $count }
}
import-unmatched = { PLURAL($count) ->
    [one] { $count } запись отчёта ни с кем не сопоставлена
    [few] { $count } записи отчёта ни с кем не сопоставлены
   *[many] { $count } записей отчёта ни с кем не сопоставлено
}
import-matched-by = Сопоставлено по
import-report-name = Имя в отчёте
import-note = Примечание
import-keeps-present = уже присутствовал; остаётся присутствующим
import-assign-hint = Выберите, кто каждая запись; записи с «никто» пропускаются.
import-assign = Участник
import-nobody = никто
import-apply = Применить
matched-by-email = эл. почте
matched-by-name = имени
matched-by-manual = вручную
matched-by-none = нет в отчёте
import-error-no-file = Выберите файл отчёта для загрузки
import-error-empty = Файл пуст
import-error-not-zoom-report = Этот файл не отчёт об участниках Zoom: в нём нет столбца с именами участников и длительностью или временем входа и выхода
import-error-too-large = Файл больше 10 МБ
import-error-too-many-rows = В файле больше 50 000 строк
import-error-no-participants = В отчёте нет участников
import-error-bad-row = Строка { $line } файла: { $problem }
import-error-bad-row-generic = Одну из строк файла не удалось прочитать
import-row-malformed = строка не является корректной строкой CSV
import-row-missing-name = нет ни имени, ни адреса эл. почты
import-row-bad-duration = длительность не является числом минут
import-row-bad-join-time = не удаётся прочитать время входа
import-row-bad-leave-time = не удаётся прочитать время выхода
import-row-leave-before-join = время выхода раньше времени входа
import-row-missing-minutes = нет ни длительности, ни времени входа или выхода
verdict-eligible = может подать заявку
verdict-still-possible = ещё возможно
verdict-no-longer-possible = уже невозможно
matrix-eligible-count = { PLURAL($count) ->
    [one] Подать заявку на грант может { $count } участник.
    [few] Подать заявку на грант могут { $count } участника.
   *[many] Подать заявку на грант могут { $count } участников.
}
matrix-download = Скачать eligibility.csv
matrix-attended = Посещено
matrix-verdict = Грант
matrix-totals = Присутствовали на занятии
matrix-notify = Сообщить участникам, которые могут подать заявку
matrix-notify-hint = Каждый такой участник получит одно письмо, сколько бы раз ни нажали кнопку.
notice-eligible-notified = Участники, которые могут подать заявку, получат письмо.
notice-no-new-eligible = Всем, кто может подать заявку, уже сообщено.
audit-summary = Посещено занятий: { $attended } из { $total } (нужно { $min }); статус: { $status }; грант: { $verdict }.
audit-title = История посещаемости
audit-empty = Посещаемость ещё не записана.
audit-when = Когда
audit-change = Изменение
audit-by = Кто
checkin-title = Регистрация на входе
checkin-session = Занятие
checkin-submit = Отметить присутствующим
checkin-done = Отмечен присутствующим.
checkin-already = Уже отмечен присутствующим — ничего не изменилось.
checkin-not-confirmed = Эта регистрация не подтверждена, поэтому её нельзя отметить.
checkin-choose-session = Выберите занятие.
checkin-wrong-cycle = Этот код относится к другому циклу ({ $cycle }), а не к { $expected }.
checkin-refused-other-cycle = Отказано: этот код относится к другому циклу.

## Итог: что даёт выполнение условия (грант, сертификат, оба, ничего)
cycle-min-sessions-grant = { PLURAL($count) ->
    [one] Чтобы получить право на последующий грант, посетите не менее { $count } занятия из { $total }.
    [few] Чтобы получить право на последующий грант, посетите не менее { $count } занятий из { $total }.
   *[many] Чтобы получить право на последующий грант, посетите не менее { $count } занятий из { $total }.
}
cycle-min-sessions-certificate = { PLURAL($count) ->
    [one] Чтобы получить сертификат участника, посетите не менее { $count } занятия из { $total }.
    [few] Чтобы получить сертификат участника, посетите не менее { $count } занятий из { $total }.
   *[many] Чтобы получить сертификат участника, посетите не менее { $count } занятий из { $total }.
}
cycle-min-sessions-both = { PLURAL($count) ->
    [one] Чтобы получить сертификат и право на грант, посетите не менее { $count } занятия из { $total }.
    [few] Чтобы получить сертификат и право на грант, посетите не менее { $count } занятий из { $total }.
   *[many] Чтобы получить сертификат и право на грант, посетите не менее { $count } занятий из { $total }.
}
outcome-grant-eligible = Посещено занятий: { $attended } из { $total } — вы можете подать заявку на грант.
outcome-grant-still-possible = { PLURAL($count) ->
    [one] Посещено занятий: { $attended } из { $total } — чтобы получить право на грант, посетите ещё { $count } занятие.
    [few] Посещено занятий: { $attended } из { $total } — чтобы получить право на грант, посетите ещё { $count } занятия.
   *[many] Посещено занятий: { $attended } из { $total } — чтобы получить право на грант, посетите ещё { $count } занятий.
}
outcome-grant-no-longer = Посещено занятий: { $attended } из { $total } — оставшихся занятий недостаточно, чтобы получить право на грант.
outcome-certificate-eligible = Посещено занятий: { $attended } из { $total } — вы получили право на сертификат участника.
outcome-certificate-still-possible = { PLURAL($count) ->
    [one] Посещено занятий: { $attended } из { $total } — чтобы получить сертификат, посетите ещё { $count } занятие.
    [few] Посещено занятий: { $attended } из { $total } — чтобы получить сертификат, посетите ещё { $count } занятия.
   *[many] Посещено занятий: { $attended } из { $total } — чтобы получить сертификат, посетите ещё { $count } занятий.
}
outcome-certificate-no-longer = Посещено занятий: { $attended } из { $total } — оставшихся занятий недостаточно для сертификата.
outcome-both-eligible = Посещено занятий: { $attended } из { $total } — вы получили сертификат и можете подать заявку на грант.
outcome-both-still-possible = { PLURAL($count) ->
    [one] Посещено занятий: { $attended } из { $total } — посетите ещё { $count } занятие, чтобы получить сертификат и право на грант.
    [few] Посещено занятий: { $attended } из { $total } — посетите ещё { $count } занятия, чтобы получить сертификат и право на грант.
   *[many] Посещено занятий: { $attended } из { $total } — посетите ещё { $count } занятий, чтобы получить сертификат и право на грант.
}
outcome-both-no-longer = Посещено занятий: { $attended } из { $total } — оставшихся занятий недостаточно для сертификата и гранта.
outcome-none-eligible = Посещено занятий: { $attended } из { $total }.
outcome-none-still-possible = Посещено занятий: { $attended } из { $total }.
outcome-none-no-longer = Посещено занятий: { $attended } из { $total }.
problem-amount = Введите сумму в евро, например 1500 или 1500,50
cycle-field-certificate = За выполнение условия выдаётся сертификат участника
cycle-field-grant-max = Наибольшая сумма одной заявки (евро)
cycle-field-grant-decisions-by = Решения будут объявлены до
cycle-field-grant-description = О конкурсе

## Заявка на грант
participant-grant = Заявка на грант
participant-grant-open = Вы можете подать заявку на грант.
participant-grant-apply = Подать заявку на грант
participant-grant-continue = Продолжить заявку
participant-grant-view = Посмотреть заявку
grant-page-title = Заявка на грант
grant-deadline = Заявки принимаются до
grant-max-amount = Наибольшая сумма
grant-decisions-by = Решения до
grant-status = Ваша заявка
grant-status-draft = Черновик — ещё не отправлена
grant-status-submitted = Подана — ожидает решения
grant-status-funded = Поддержана
grant-status-not-funded = Не поддержана
grant-decision-funded = Организаторы решили поддержать ваш проект: { $amount }.
grant-decision-not-funded = Организаторы решили в этот раз не поддерживать ваш проект.
grant-refused-no-call = В этом цикле нет конкурса грантов.
grant-refused-not-confirmed = Подать заявку могут только подтверждённые участники цикла.
grant-refused-not-yet = { PLURAL($count) ->
    [one] Подать заявку пока нельзя: посетите ещё { $count } занятие.
    [few] Подать заявку пока нельзя: посетите ещё { $count } занятия.
   *[many] Подать заявку пока нельзя: посетите ещё { $count } занятий.
}
grant-refused-no-longer = Подать заявку нельзя: оставшихся занятий недостаточно, чтобы набрать нужное число.
grant-refused-closed = Заявки больше не принимаются: срок истёк.
grant-refused-submitted = Ваша заявка подана, и изменить её больше нельзя.
grant-field-title = Название проекта
grant-field-summary = Описание проекта
grant-field-summary-hint = { PLURAL($count) ->
    [one] Что сделает проект, с кем и для кого. До { $count } знака.
    [few] Что сделает проект, с кем и для кого. До { $count } знаков.
   *[many] Что сделает проект, с кем и для кого. До { $count } знаков.
}
grant-field-partners = Партнёры из сообщества
grant-field-amount = Запрашиваемая сумма (евро)
grant-field-amount-hint = Например, 1200 или 1200,50. Не более { $max }.
grant-field-amount-hint-any = Например, 1200 или 1200,50.
grant-field-attachment = Приложение (PDF)
grant-field-attachment-hint = Бюджет или описание проекта в файле PDF, до 5 МБ. Новый файл заменяет уже приложенный.
grant-field-required-title = Введите название проекта
grant-field-required-summary = Введите описание проекта
grant-field-required-amount = Введите запрашиваемую сумму
grant-field-required-outcome = Выберите: поддержана или не поддержана
grant-field-amount-positive = Сумма должна быть больше 0
grant-field-amount-over = Сумма больше, чем допускает конкурс
grant-field-amount-format = Введите сумму в евро, например 1200 или 1200,50
grant-field-attachment-too-large = Файл больше 5 МБ
grant-field-attachment-not-pdf = Файл не является документом PDF
grant-attachment-current = Приложено: { $file }
grant-attachment-size = { $size } МБ
grant-attachment-remove = Удалить приложение
grant-save = Сохранить черновик
grant-submit = Подать заявку
grant-submit-hint = Сохранённый черновик можно менять до срока. Поданную заявку изменить нельзя; её копия придёт на вашу почту.
grant-your-application = Что вы отправили
grant-back = Назад на вашу страницу
grant-submitted-at = Подана
grant-granted = Выделенная сумма
grant-decision-comment = Комментарий организаторов
notice-grant-saved = Черновик сохранён.
notice-grant-submitted = Заявка подана. Копия отправлена на вашу почту.
notice-grant-attachment-removed = Приложение удалено.
mail-subject-grant-submitted = заявка на грант получена
mail-body-grant-submitted = Спасибо! Ваша заявка на грант получена. Ниже — копия того, что вы отправили.
mail-subject-grant-decided-funded = ваш проект поддержан
mail-body-grant-decided-funded = Хорошие новости: организаторы решили поддержать ваш проект.
mail-subject-grant-decided-not-funded = решение по заявке на грант
mail-body-grant-decided-not-funded = Организаторы приняли решение по вашей заявке: в этот раз она не поддержана.

## Организаторы: заявки
admin-applications = Заявки на грант
applications-none = Заявок пока нет.
applications-count = { PLURAL($count) ->
    [one] { $count } заявка, подано { $submitted }.
    [few] { $count } заявки, подано { $submitted }.
   *[many] { $count } заявок, подано { $submitted }.
}
applications-col-name = Заявитель
applications-col-title = Проект
applications-col-amount = Сумма
applications-col-status = Статус
applications-col-submitted = Подана
applications-download = Скачать applications.csv
applications-download-xlsx = Скачать applications.xlsx
application-applicant = Заявитель
application-attended = Посещено занятий
application-attachment-download = Скачать приложение
application-no-attachment = Приложения нет.
application-decide = Решение
application-decide-hint = Заявитель получит одно письмо; изменить решение потом нельзя.
decision-funded = Поддержана
decision-not-funded = Не поддержана
decision-granted = Выделенная сумма (евро)
decision-granted-hint = Пусто: запрошенная сумма.
decision-comment = Комментарий заявителю
decision-save = Записать решение
application-audit = История
audit-by-participant = заявитель
notice-decision-saved = Решение записано; заявитель получит письмо.
notice-decision-not-open = По этой заявке нельзя принять решение (не подана или уже решена).

## Сертификаты
participant-certificate = Сертификат участника
participant-certificate-open = Открыть сертификат
participant-certificate-pdf = Скачать PDF
certificate-heading = Сертификат участника
certificate-intro = Настоящим подтверждается, что
certificate-completed = прошёл(-ла) учебный цикл
certificate-attended = Посещено занятий: { $attended } из { $total }
certificate-organised-by = Организатор: { $organisation }
certificate-code = Код проверки: { $code }
certificate-verify-at = Проверить: { $url }
verify-title = Проверка сертификата
verify-valid = Сертификат действителен.
verify-invalid = Сертификат больше не действителен.
verify-name = Имя
verify-cycle = Учебный цикл
certificate-code-label = Код

# Reminders before each session (issue 9)
mail-subject-reminder = напоминание: { $session }
mail-body-reminder = Напоминаем: занятие «{ $session }» пройдёт { $when }.
mail-reminder-where = Место
mail-reminder-join = Ссылка для подключения

# Messages from organisers (issue 9)
admin-messages = Сообщения
message-intro = Напишите одной группе участников этого цикла. Перед отправкой вы увидите, кто его получит и как оно будет выглядеть. Текст отправляется так, как вы его ввели, простым текстом.
message-field-audience = Кому
message-field-subject = Тема
message-field-body = Сообщение
message-field-body-hint = Простой текст. Каждый получатель также получит ссылку на свою страницу.
message-field-required-audience = Выберите, кому адресовано сообщение
message-field-required-subject = Введите тему
message-field-required-body = Введите сообщение
message-group-empty = В этой группе сейчас никого нет; выберите другую
message-group-seat_holders = Все, у кого есть место
message-group-waitlist = Лист ожидания
message-group-eligible = Выполнившие условие посещения
message-group-still_possible = Те, кто ещё может его выполнить
message-group-no_longer_possible = Те, кто уже не может его выполнить
message-group-with-size = { $group } ({ $count })
message-preview = Предпросмотр
message-preview-title = Проверьте перед отправкой
message-preview-count = { PLURAL($count) ->
    [one] Сообщение получит { $count } человек
    [few] Сообщение получат { $count } человека
   *[many] Сообщение получат { $count } человек
}
message-preview-as-read = Как его увидят получатели
message-send = { PLURAL($count) ->
    [one] Отправить { $count } человеку
    [few] Отправить { $count } людям
   *[many] Отправить { $count } людям
}
message-change = Изменить сообщение
message-sent-title = Отправленные
message-sent-none = Сообщений ещё не отправлено.
message-col-when = Отправлено
message-col-recipients = Получатели
message-col-delivery = Доставка
message-delivery = доставлено: { $delivered }, ожидают: { $waiting }, не доставлено: { $failed }
message-state-delivered = Доставлено
message-state-waiting = Ожидает отправки
message-state-failed = Не доставлено
message-retry = { PLURAL($count) ->
    [one] Повторить { $count } неудачную доставку
    [few] Повторить { $count } неудачные доставки
   *[many] Повторить { $count } неудачных доставок
}
notice-message-sent = Сообщение отправляется.
notice-message-already-sent = Это сообщение уже было отправлено; повторно оно не отправлялось.
notice-message-retried = Неудачные доставки повторяются.

# Marking a session before it starts (issue 9)
attendance-early-warning = Это занятие ещё не началось: посещаемость можно отмечать с { $opens }. Чтобы отметить её сейчас, укажите причину (она сохраняется в истории).
attendance-early-reason = Причина отметки до начала занятия
attendance-early-refused = Ничего не сохранено: занятие ещё не началось. Укажите причину, чтобы всё же отметить
checkin-too-early = Не отмечено: это занятие ещё не началось. Отметка открывается за час до начала; выберите идущее занятие.

# Schedule changes (issue 9)
mail-subject-schedule-changed = изменение расписания: { $session }
mail-body-schedule-changed = В занятии «{ $session }» произошли изменения. Вот что изменилось; приложенный файл календаря обновит запись, которая уже есть в вашем календаре.
mail-change-time = Время
mail-change-place = Место
calendar-your-page = Ваша страница (расписание, ссылки, отказ): { $link }
notice-schedule-told = { $count ->
    [one] Сохранено. { $count } участник с местом получит сообщение об изменении расписания.
    [few] Сохранено. { $count } участника с местом получат сообщение об изменении расписания.
   *[other] Сохранено. { $count } участников с местом получат сообщение об изменении расписания.
}

# The waiting list closes when the first session starts (issue 9)
mail-subject-no-seat-freed = место не освободилось
mail-body-no-seat-freed = Первое занятие началось, и место для вас не освободилось, поэтому ваше место в листе ожидания больше не действует. Спасибо за интерес — надеемся увидеть вас в следующих циклах.

# Progress after each session (issue 9)
cycle-field-progress-emails = После каждого занятия писать участникам, ещё не выполнившим минимум, сколько занятий им осталось посетить
participant-progress-on = После каждого занятия мы пишем вам, сколько занятий ещё нужно посетить.
participant-progress-off = Вы отказались от писем о посещаемости после каждого занятия.
participant-progress-stop = Больше не присылать эти письма
participant-progress-start = Присылать снова
notice-progress-emails-off = Письма о вашей посещаемости больше не будут приходить.
notice-progress-emails-on = После каждого занятия вы снова будете получать письмо о посещаемости.
mail-subject-progress = ваша посещаемость после занятия «{ $session }»
mail-body-progress = Занятие «{ $session }» закончилось. Вот ваше положение по отмеченной на сегодня посещаемости; если что-то неверно, ответьте на это письмо.
mail-subject-progress-lost = после занятия «{ $session }»: осталось слишком мало занятий
mail-body-progress-lost = Занятие «{ $session }» закончилось. По отмеченной на сегодня посещаемости оставшихся занятий слишком мало, чтобы выполнить минимум; тем не менее мы ждём вас на оставшихся занятиях. Если запись неверна, ответьте на это письмо.
mail-progress-label = Ваша посещаемость
mail-progress-stop-label = Не хотите получать эти письма?
mail-progress-stop = От них можно отказаться на вашей странице.
# Doors (issue 13): look-alike email domains, the bounded Zoom import preview
field-email-mixed-script = В домене адреса смешаны латинские буквы с кириллицей или греческими (например, кириллическая «а» вместо латинской «a»). Введите адрес ещё раз одним алфавитом
import-rows = Строки
import-unlisted = { PLURAL($count) ->
    [one] Ещё { $count } не показан здесь; при применении сохраняются все.
    [few] Ещё { $count } не показаны здесь; при применении сохраняются все.
   *[many] Ещё { $count } не показаны здесь; при применении сохраняются все.
}
import-not-assignable = { PLURAL($count) ->
    [one] Ещё { $count } запись ({ $rows } строк, всего { $minutes } мин) здесь назначить нельзя: выбор есть только у записей с наибольшим числом минут выше. Она остаётся несопоставленной; если это участник, исправьте имя или адрес в отчёте и загрузите его снова или отметьте участника в списке.
    [few] Ещё { $count } записи ({ $rows } строк, всего { $minutes } мин) здесь назначить нельзя: выбор есть только у записей с наибольшим числом минут выше. Они остаются несопоставленными; если среди них есть участник, исправьте имя или адрес в отчёте и загрузите его снова или отметьте участника в списке.
   *[many] Ещё { $count } записей ({ $rows } строк, всего { $minutes } мин) здесь назначить нельзя: выбор есть только у записей с наибольшим числом минут выше. Они остаются несопоставленными; если среди них есть участник, исправьте имя или адрес в отчёте и загрузите его снова или отметьте участника в списке.
}
import-gone = Этот отчёт больше не хранится (он уже применён или загружен больше суток назад). При необходимости загрузите его снова.

# The participant's data rights (issue 11)
privacy-title = Уведомление о конфиденциальности
privacy-version = Версия { $version }
privacy-controller = За ваши данные отвечает: { $controller }. Вопросы о них: { $contact }.
privacy-what-title = Что хранится
privacy-what = То, что вы пишете в форме регистрации (имя, фамилия, адрес электронной почты, телефон, если указан, учреждение, его тип, должность, регион, страна, язык), когда и с какой версией этого уведомления вы согласились, ваше место или место в листе ожидания, ваше посещение каждого занятия (по отметке у входа, списку организаторов или отчёту онлайн-встречи), заявка на грант, если вы её подаёте, и какие письма вам отправлены.
privacy-why-title = Зачем
privacy-why = Чтобы провести учебный цикл, на который вы регистрируетесь: места и лист ожидания, подтверждения и напоминания, посещаемость, сертификаты и следующий за циклом грантовый конкурс. Основание — ваше согласие, которое вы можете отозвать в любое время, удалив свои данные.
privacy-who-title = Кто их видит
privacy-who = Организаторы цикла. Данные не продаются и не передаются никому другому. Письма отправляются через почтовый сервер организаторов.
privacy-how-long-title = Как долго
privacy-how-long = Столько, сколько указано на странице каждого цикла; после этого персональные данные удаляются автоматически. Числа без имён (сколько зарегистрировались и посетили, из каких стран и учреждений какого типа, суммы грантов) сохраняются для отчётов спонсорам.
privacy-rights-title = Ваши права
privacy-rights = На своей странице (ссылка есть в каждом письме цикла) вы можете скачать всё, что о вас хранится, и удалить это. Если ссылки больше нет, напишите по адресу выше.
privacy-notice-link = Уведомление о конфиденциальности
privacy-kept-until = Персональные данные хранятся до { $until }, затем удаляются.
participant-data-title = Ваши данные
participant-data-hint = Вы можете скачать всё, что о вас хранится, или удалить это.
participant-data-download = Скачать мои данные (JSON)
participant-data-erase = Удалить мои данные
erase-title = Удалить ваши данные?
erase-removes = Ваши имя, фамилия, адрес электронной почты, телефон, учреждение и должность, тексты заявки на грант и её вложение, а также код сертификата будут удалены навсегда. Эта ссылка перестанет работать.
erase-keeps = Без вашего имени, для статистики организаторов и отчётов спонсорам, остаётся: что регистрация была, тип учреждения, страна и регион, отметки посещения, суммы грантов и решения.
erase-gives-back-place = Ваше место или место в листе ожидания будет отдано, чтобы его мог получить кто-то из ожидающих.
erase-final = Это нельзя отменить.
erase-button = Удалить мои данные
erase-back = Нет, вернуться на мою страницу
erased-title = Ваши данные удалены
erased-text = Ваши персональные данные удалены. Писем из этого цикла больше не будет, а ваша ссылка больше ничего не открывает.
cycle-field-retention-months = Удалять персональные данные через столько месяцев после последнего занятия
# Login limits (issue 13)
login-wait-here = С вашего адреса слишком много раз введён неверный пароль. Попробуйте снова через { $minutes } мин.; до тех пор не принимается и верный пароль.
login-account-locked = Эта учётная запись заблокирована на { $minutes } мин.: её пароль много раз ввели неверно с разных адресов. Подождите, затем войдите как обычно — блокировка снимется сама, пароль остаётся прежним. Если это были не вы, сообщите администратору: кто-то пытается подобрать ваш пароль.

# Participant journeys (issue 11): dates and zones as people say them
format-until = { $day } { $monthuntil } { $year } г., { $time } ({ $zone })
format-day = { $day } { $monthname } { $year } г.
month-until-1 = января
month-until-2 = февраля
month-until-3 = марта
month-until-4 = апреля
month-until-5 = мая
month-until-6 = июня
month-until-7 = июля
month-until-8 = августа
month-until-9 = сентября
month-until-10 = октября
month-until-11 = ноября
month-until-12 = декабря
zone-europe-riga = латвийское время
zone-europe-vilnius = литовское время
zone-europe-tallinn = эстонское время
zone-europe-helsinki = финское время
zone-asia-almaty = время Алматы
zone-asia-tashkent = время Ташкента
zone-utc = UTC
zone-other = время: { $city }, UTC{ $offset }

# Participant journeys (issue 11): the first screen
summary-title = Коротко
summary-audience = Для кого: { $who }
summary-dates = { PLURAL($count) ->
    [one] { $count } занятие, первое { $first }, последнее { $last }
    [few] { $count } занятия, первое { $first }, последнее { $last }
   *[many] { $count } занятий, первое { $first }, последнее { $last }
}
summary-date-one = Одно занятие, { $when }
summary-full = Мест нет
summary-full-waitlist = Мест нет — можно записаться в лист ожидания
summary-start = Начать регистрацию
summary-start-waitlist = Записаться в лист ожидания
cycle-contact = Вопросы
cycle-field-audience = Для кого (одна строка вверху страницы)
cycle-field-contact-email = Адрес электронной почты организаторов для вопросов участников
cycle-field-contact-phone = Телефон организаторов
problem-email = Введите адрес электронной почты в правильном формате, например name@example.lv
problem-phone = Введите номер телефона: только цифры, пробелы, +, - и скобки

# Participant journeys (issue 11): giving the seat back
cancel-title = Вы действительно хотите отказаться от места?
cancel-seat-hint = Ваше место сразу перейдёт следующему человеку в листе ожидания или тому, кто зарегистрируется следующим.
cancel-waitlist-hint = Вы покинете лист ожидания, и те, кто после вас, продвинутся вперёд.
cancel-again-hint = Пока регистрация открыта, позже можно зарегистрироваться снова, но к тому времени место или очередь могут быть заняты.
cancel-confirm = Да, отказаться от места
cancel-go-back = Нет, вернуться на мою страницу
participant-register-again = Зарегистрироваться снова
notice-restore-registered-again = Этот человек с тех пор зарегистрировался снова; действует новая регистрация, поэтому старая остаётся отменённой.
mail-contact-label = Вопросы? Свяжитесь с организаторами
calendar-cancelled = Вы отказались от места; это занятие больше не в ваших планах.

# Participant journeys (issue 11): after registering, a lost link
registered-wrote-to = Мы написали на адрес:
registered-next-title = Что дальше
registered-next-confirm = Откройте ссылку в письме и подтвердите адрес до { $until }, иначе место перейдёт следующему в очереди.
registered-next-waitlist = Когда место освободится, его получит первый в листе ожидания, и мы сразу вам напишем.
registered-next-schedule = Расписание, файл календаря и ссылки на онлайн-занятия есть в письме и на вашей странице; перед каждым занятием придёт напоминание.
registered-next-schedule-waitlisted = Расписание и файл календаря, чтобы оставить даты свободными, есть в письме и на вашей странице; ссылки на онлайн-занятия и напоминание перед каждым занятием придут, когда у вас будет место.
registered-no-email-title = Письмо не пришло?
registered-no-email = Обычно оно приходит в течение нескольких минут. Проверьте папку «Спам». Если адрес выше неверный, зарегистрируйтесь снова с правильным.
lost-link = Потеряли ссылку?
lost-title = Получить ссылку на свою регистрацию снова
lost-intro = Введите адрес электронной почты, с которым вы регистрировались. Если с ним есть регистрация на какой-либо цикл, мы отправим на этот адрес ссылку на вашу страницу.
lost-submit = Отправить мне ссылку
lost-sent = Если этот адрес зарегистрирован, ссылка на вашу страницу уже отправлена на него.
lost-sent-hint = Через несколько минут проверьте почту, в том числе папку «Спам». Ради безопасности мы отправляем ссылку только на сам адрес и не чаще раза в десять минут.
error-bad-link = Эта ссылка не работает: возможно, она обрезана или в ней опечатка. Мы можем отправить вам вашу ссылку снова.
error-setup-link = Эта ссылка для создания учётной записи уже использована или устарела: каждая работает один раз. Если вы создали по ней учётную запись, войдите; иначе попросите у администратора новую.
error-setup-sign-in = Войти

# Error summary on a phone (issue 11)
error-prefix = Ошибка
# Безопасные действия организаторов (issue 11)
confirm-go-back = Нет, вернуться
confirm-cancel-title = Отменить эту регистрацию?
confirm-cancel-text = { $name } ({ $email }) больше не будет зарегистрирован(а) на «{ $cycle }» и получит об этом письмо.
confirm-cancel-seat = Место освободится: если кто-то ждёт, его сразу получит первый в листе ожидания.
confirm-cancel-button = Да, отменить регистрацию
confirm-all-title = Отметить всех присутствующими?
confirm-all-text = Все подтверждённые участники (всего: { $count }) будут отмечены присутствующими на занятии { $n } «{ $session }» — и те, кого вы не отметили.
confirm-all-button = Да, отметить всех
import-checked = Я проверил(а), кто будет отмечен присутствующим, а кто остаётся отсутствующим
import-checked-error = Отметьте «Я проверил(а)…», чтобы применить отчёт
import-keep-present-count = Нет в отчёте, но уже отмечены присутствующими и остаются ими: { $count } (см. примечание в таблице).

# Organisations and organisers (issue 10)
error-other-organisation = Это относится к циклу другой организации. Вы можете открывать только циклы организаций, в которых состоите; администратор может добавить вас в эту организацию.
problem-organisation-slug = Укажите организацию её кратким именем: строчные латинские буквы, цифры и одиночные дефисы, например lmb
problem-too-many-named = Укажите не более 20
problem-organisation-unknown = Организации с таким кратким именем нет: проверьте написание или попросите администратора её добавить
problem-organisation-choose = Выберите одну из своих организаций
cycle-field-organisation = Организация
cycle-field-organisation-hint = Ассоциация, которая проводит этот цикл; им управляют её организаторы.
cycle-field-organisation-none = Никакая (ею управляют все организаторы)
cycle-field-co-organisers = Соорганизаторы
cycle-field-co-organisers-hint = Другие организации, проводящие его вместе с вами, краткими именами через запятую, например icom-lv, lnb
cycle-field-partners = Партнёры
cycle-field-partners-hint = По одному в строке; показываются на странице цикла.
cycle-organised-by = Организатор: { $organisation }
cycle-co-organisers = Совместно с
cycle-partners = Партнёры
index-filter-title = Найти цикл
index-filter-organisation = Организация
index-filter-language = Язык
index-filter-country = Страна
index-filter-any = Любая
index-filter-apply = Показать циклы
index-filter-clear = Показать все циклы
index-filter-nothing = Ни один опубликованный цикл не соответствует этому выбору.
# Dashboard and funders' reports (issues 10, 11)
dash-state-draft = Черновик
dash-state-upcoming = Регистрация ещё не открыта
dash-state-open = Регистрация открыта
dash-state-closed = Регистрация закрыта
dash-state-running = Идёт
dash-state-finished = Завершён
dash-deadline-closed = Регистрация закрылась { $date }.
dash-deadline-today = Регистрация закрывается сегодня: { $date }.
dash-deadline-days = { PLURAL($count) ->
    [one] Регистрация закроется через { $count } день: { $date }.
    [few] Регистрация закроется через { $count } дня: { $date }.
   *[many] Регистрация закроется через { $count } дней: { $date }.
}
dash-pending = Адрес не подтверждён
dash-next-session = Следующее занятие
dash-present = присутствовали: { $count }
report-open = Отчёт для спонсоров
report-title = Отчёт: { $cycle }
report-all-title = Отчёт по всем циклам
report-download-csv = Скачать отчёт (CSV)
report-download-xlsx = Скачать отчёт (XLSX)
report-counting = Зарегистрировались: все сделанные регистрации, что бы с ними ни стало потом. Участники: подтверждённые регистрации. Посетили: участники, присутствовавшие хотя бы на одном занятии. Люди, чьи данные удалены, по-прежнему учтены, но без имён.
report-totals = Итого
report-state = Состояние
report-capacity = Мест
report-registered = Зарегистрировались
report-participants = Участники
report-attended = Посетили
report-total = Всего
report-by-country = Участники по странам
report-by-institution-type = Участники по типу учреждения
report-by-region = Участники по регионам и муниципалитетам
report-country = Страна
report-region = Регион или муниципалитет
report-not-given = (не указано)
report-attendance = Посещаемость по занятиям
report-present = Присутствовали
report-outcomes = Итоги
report-outcome = Итог
report-eligible = Выполнили условие
report-still-possible = Ещё возможно
report-no-longer-possible = Уже невозможно
report-certificate-issued = Выдано сертификатов
report-per-day = Регистрации по дням
report-chart-numbers = Числа диаграммы
report-day = День
report-registrations = Регистрации
report-participants-per-cycle = Участники по циклам
# Cycle form: messages that name their field (issue 11, accessibility)
cycle-error-title-required = Введите название цикла
cycle-error-slug-slug = Введите имя веб-адреса строчными латинскими буквами, цифрами и одиночными дефисами, например kopienas-2026
cycle-error-language-language = Укажите язык обучения: lv, en или ru
cycle-error-timezone-zone = Введите часовой пояс цикла, например Europe/Riga
cycle-error-country-country = Укажите двухбуквенный код страны, например LV
cycle-error-capacity-range = Введите число мест — целое число от 0 до 100000
cycle-error-registration-opens-format = Введите, когда открывается регистрация, например 2026-11-01T09:00
cycle-error-registration-closes-format = Введите, когда закрывается регистрация, например 2026-11-29T23:59
cycle-error-hold-hours-range = Введите число часов на подтверждение адреса — целое число от 1 до 720
cycle-error-min-sessions-range = Введите число занятий, нужных для гранта, — целое число от 0 до 100
cycle-error-reminder-hours-before-range = Введите, за сколько часов напоминать, — целое число от 0 до 336 — или оставьте поле пустым
cycle-error-retention-months-range = Введите, сколько месяцев хранить персональные данные, — целое число от 1 до 120 — или оставьте поле пустым
cycle-error-grant-title-required = Введите название грантового конкурса
cycle-error-session-title-required = Введите название занятия { $n }
cycle-error-session-starts-format = Введите, когда начинается занятие { $n }, например 2026-12-04T10:00
cycle-error-session-ends-format = Введите, когда заканчивается занятие { $n }, например 2026-12-04T16:00
cycle-error-required = Заполните поле «{ $field }»
cycle-error-too-long = В поле «{ $field }» слишком длинный текст
cycle-error-control-chars = В поле «{ $field }» есть недопустимые символы
cycle-error-format = В поле «{ $field }» введите дату и время, например 2026-11-29T23:59
cycle-error-range = В поле «{ $field }» введите целое число в допустимом диапазоне

# Sign-in form: an empty field is named (issue 11, accessibility)
field-required-password = Введите свой пароль
# Zoom reports as Zoom exports them today (issue 10)
import-row-unknown-flag = в столбце «In waiting room» или «Attended» не «да» и не «нет»
import-row-ambiguous-email = в заголовке два столбца, которые могут быть адресом эл. почты участника
import-row-ambiguous-duration = в заголовке два столбца, которые могут быть длительностью участия
import-row-ambiguous-columns = в заголовке два столбца одного вида для участника (имя или время)
# Languages by file (issue 10)
language-name = Русский
language-complete = yes
language-fallback-notice = Эта страница показана на английском языке.
# Вопросы цикла и выбор страны (issue 10)
field-country-choose = Выберите страну
question-yes = Да
question-no = Нет
question-error-missing = Ответьте: { $label }
question-error-not-chosen = Выберите ответ: { $label }
question-error-not-an-option = Выберите один из предложенных ответов: { $label }
question-error-date = Введите настоящую дату, например 2026-11-29: { $label }
question-error-too-long = Используйте не более { $max } символов: { $label }
question-error-unreadable = Введите ответ ещё раз без специальных символов: { $label }
admin-answers = Ответы
cycle-field-questions = Вопросы при регистрации
cycle-field-questions-toml = Вопросы этого цикла, как в файле цикла
cycle-field-questions-hint = Для каждого вопроса своя таблица [[questions]]: key (строчные латинские буквы, цифры, _), kind (text, long_text, choice, multi_choice, yes_no или date), required, label и hint на каждом языке, для выбора — options, например options = [{"{"} key = "single", label = {"{"} ru = "Одноместный номер" {"}"} {"}"}]
problem-questions = Проверьте вопросы при регистрации
problem-questions-toml = Вопросы не являются правильным TOML: { $why }
problem-question-key = Используйте строчные латинские буквы, цифры и _, начиная с буквы
problem-question-key-taken = Этот ключ уже занят другим вопросом, вариантом или полем регистрации
problem-question-kind = Используйте text, long_text, choice, multi_choice, yes_no или date
problem-question-options-needed = Для выбора нужно не менее двух вариантов
problem-question-options-unwanted = Варианты бывают только у вопросов choice и multi_choice
problem-question-options-too-many = У вопроса может быть не более 50 вариантов
problem-question-label-language = Укажите для каждого текста код языка, например lv, en или ru
problem-question-too-many = В цикле может быть не более 30 вопросов
# Chosen sessions and tracks (issue 10)
problem-track-overlap = В это же время идёт другое занятие этого потока
problem-capacity-not-alternative = Собственное число мест может быть только у занятия с параллельными альтернативами
problem-min-sessions-over-attendable = Это больше, чем занятий может посетить один участник (по одному в каждое время параллельных занятий)
problem-session-capacity-below-taken = Это число мест меньше, чем участники уже выбрали
cycle-field-track = Поток (параллельные занятия)
cycle-field-session-capacity = Мест на этом занятии
choice-track = поток { $track }
choice-full-label = мест нет
choice-slot-legend = Выберите одно занятие: { $when }
choice-hint = Эти занятия идут одновременно. Вы посещаете то, которое выберете.
choice-missing = Выберите одно из занятий, идущих в это время
choice-full = На этом занятии мест нет: выберите другое
choice-title = Ваши занятия
choice-none-yet = Вы ещё не выбрали занятие на это время.
choice-current = Ваш выбор: { $title }
choice-change = Изменить занятие
choice-change-not-allowed = Это занятие нельзя выбрать.
choice-change-full = На том занятии мест нет; ваш выбор остался прежним.
choice-change-started = Занятие уже началось; ваш выбор остался прежним.
notice-choice-changed = Ваш выбор занятия изменён.
notice-choice-unchanged = Это занятие уже было вашим выбором.
attendance-not-chosen = не ваше занятие

## Organisations' identity (issue 11)
admin-organisation-required-name = Введите название организации
admin-organisation-required-sender-address = Введите адрес электронной почты отправителя или оставьте имя отправителя пустым
admin-organisation-required-version = Введите версию уведомления о конфиденциальности, например 2026-12
admin-organisation-required-notice = Введите текст уведомления о конфиденциальности или оставьте его версию пустой
admin-organisations = Организации
admin-organisations-intro = Что видят участники циклов каждой организации: её название на своих страницах, отправителя писем, к кому обращаться и уведомление о конфиденциальности, с которым они соглашаются.
admin-organisations-none = Вы не состоите ни в одной организации.
admin-organisation-name = Название организации
admin-organisation-site-name = Название сайта на страницах её циклов (пусто: её название)
admin-organisation-mail = Почта и контакты
admin-organisation-mail-hint = Письма о её циклах приходят от этого отправителя; если его нет — от отправителя сайта. Её домен должен позволять почтовому релею этого сервера подписывать письма от её имени (DKIM) или не иметь политики DMARC, которая отклоняет письма или помещает их в карантин, иначе письма могут быть отклонены как спам. Ответы приходят на контактный адрес.
admin-organisation-sender-name = Имя отправителя (пусто: название организации)
admin-organisation-sender-address = Адрес электронной почты отправителя
admin-organisation-sender-admin-only = Адрес отправителя может изменить только администратор.
admin-organisation-contact-email = Контактный адрес электронной почты
admin-organisation-contact-phone = Контактный номер телефона
admin-organisation-privacy = Уведомление о конфиденциальности
admin-organisation-privacy-hint = Собственное уведомление, доступное по своему адресу; на него ссылается согласие в её циклах, и каждая регистрация сохраняет его версию. Пусто: уведомление сайта. Меняйте версию при каждом изменении текста.
admin-organisation-privacy-notice = Текст уведомления (абзацы разделяются пустой строкой)
admin-organisation-privacy-version = Версия уведомления
admin-organisation-saved = Организация сохранена.
admin-organisation-too-long-name = Название организации должно содержать не более 200 символов
admin-organisation-too-long-site-name = Название сайта должно содержать не более 200 символов
admin-organisation-too-long-mail-from-name = Имя отправителя должно содержать не более 200 символов
admin-organisation-too-long-contact-phone = Контактный номер телефона должен содержать не более 40 символов
admin-organisation-too-long-privacy-notice = Уведомление о конфиденциальности должно содержать не более 30 000 символов
admin-organisation-too-long-privacy-notice-version = Версия уведомления должна содержать не более 60 символов
