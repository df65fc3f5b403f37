// Written by hand to match both migration folders; only types both backends share.

diesel::table! {
    organisers (id) {
        id -> Integer,
        email -> Text,
        name -> Text,
        role -> Text,
        password_hash -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    organiser_sessions (token_hash) {
        token_hash -> Text,
        organiser_id -> Integer,
        created_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    setup_tokens (token_hash) {
        token_hash -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    cycles (id) {
        id -> Integer,
        slug -> Text,
        title -> Text,
        description -> Text,
        language -> Text,
        timezone -> Text,
        country -> Text,
        capacity -> Integer,
        seats_taken -> Integer,
        registration_opens -> Timestamp,
        registration_closes -> Timestamp,
        waitlist -> Bool,
        require_email_confirmation -> Bool,
        hold_hours -> Integer,
        min_sessions -> Integer,
        published -> Bool,
        grant_title -> Nullable<Text>,
        grant_description -> Nullable<Text>,
        grant_apply_until -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        grant_max_cents -> Nullable<Integer>,
        grant_decisions_by -> Nullable<Timestamp>,
        certificate -> Bool,
        reminder_hours_before -> Nullable<Integer>,
        waitlist_told_at -> Nullable<Timestamp>,
        progress_emails -> Bool,
        retention_months -> Nullable<Integer>,
        purged_at -> Nullable<Timestamp>,
        audience -> Text,
        contact_email -> Text,
        contact_phone -> Text,
    }
}

diesel::table! {
    sessions (id) {
        id -> Integer,
        cycle_id -> Integer,
        position -> Integer,
        title -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        mode -> Text,
        location -> Nullable<Text>,
        online_url -> Nullable<Text>,
        reminded_for -> Nullable<Timestamp>,
        sequence -> Integer,
        progress_told_at -> Nullable<Timestamp>,
        track -> Nullable<Text>,
        capacity -> Nullable<Integer>,
        seats_taken -> Integer,
    }
}

diesel::table! {
    session_choices (registration_id, session_id) {
        registration_id -> Integer,
        session_id -> Integer,
        holds_seat -> Bool,
    }
}

diesel::table! {
    session_changes (id) {
        id -> Integer,
        session_id -> Integer,
        sequence -> Integer,
        old_starts_at -> Timestamp,
        old_ends_at -> Timestamp,
        old_mode -> Text,
        old_location -> Nullable<Text>,
        old_online_url -> Nullable<Text>,
        changed_at -> Timestamp,
    }
}

diesel::table! {
    registrations (id) {
        id -> Integer,
        cycle_id -> Integer,
        first_name -> Text,
        last_name -> Text,
        email -> Text,
        email_normalised -> Text,
        phone -> Text,
        institution -> Text,
        institution_type -> Text,
        position -> Text,
        region -> Text,
        country -> Text,
        language -> Text,
        consent_at -> Timestamp,
        consent_version -> Text,
        status -> Text,
        token_nonce -> Text,
        registered_at -> Timestamp,
        confirmed_at -> Nullable<Timestamp>,
        hold_expires_at -> Nullable<Timestamp>,
        status_changed_at -> Timestamp,
        progress_emails -> Bool,
        erased_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    attendance (id) {
        id -> Integer,
        registration_id -> Integer,
        session_id -> Integer,
        present -> Bool,
        source -> Text,
        minutes -> Nullable<Integer>,
        recorded_by -> Nullable<Integer>,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    attendance_audit (id) {
        id -> Integer,
        registration_id -> Integer,
        session_id -> Integer,
        changed_by -> Nullable<Integer>,
        changed_at -> Timestamp,
        old_present -> Nullable<Bool>,
        new_present -> Bool,
        source -> Text,
        minutes -> Nullable<Integer>,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    outbox (id) {
        id -> Integer,
        registration_id -> Nullable<Integer>,
        kind -> Text,
        dedupe_key -> Nullable<Text>,
        created_at -> Timestamp,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_until -> Nullable<Timestamp>,
        sent_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        params -> Text,
        claimed_by -> Nullable<Text>,
        message_id -> Nullable<Integer>,
    }
}

diesel::table! {
    messages (id) {
        id -> Integer,
        cycle_id -> Integer,
        audience -> Text,
        subject -> Text,
        body -> Text,
        sent_by -> Nullable<Integer>,
        sent_at -> Timestamp,
        recipients -> Integer,
        send_key -> Text,
    }
}

diesel::table! {
    attendance_imports (id) {
        id -> Integer,
        session_id -> Integer,
        uploaded_by -> Nullable<Integer>,
        filename -> Text,
        content -> Binary,
        uploaded_at -> Timestamp,
        applied_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    grant_applications (id) {
        id -> Integer,
        registration_id -> Integer,
        title -> Text,
        summary -> Text,
        partners -> Text,
        amount_cents -> Nullable<Integer>,
        status -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        submitted_at -> Nullable<Timestamp>,
        decided_at -> Nullable<Timestamp>,
        decided_by -> Nullable<Integer>,
        granted_cents -> Nullable<Integer>,
        decision_comment -> Nullable<Text>,
    }
}

diesel::table! {
    grant_attachments (application_id) {
        application_id -> Integer,
        filename -> Text,
        content -> Binary,
        uploaded_at -> Timestamp,
    }
}

diesel::table! {
    grant_audit (id) {
        id -> Integer,
        application_id -> Integer,
        changed_by -> Nullable<Integer>,
        changed_at -> Timestamp,
        new_status -> Text,
        amount_cents -> Nullable<Integer>,
        comment -> Nullable<Text>,
    }
}

diesel::table! {
    certificates (code) {
        code -> Text,
        registration_id -> Integer,
        issued_at -> Timestamp,
    }
}

diesel::table! {
    erasures (id) {
        id -> Integer,
        registration_id -> Integer,
        cycle_id -> Integer,
        erased_at -> Timestamp,
        erased_by -> Text,
        details -> Text,
    }
}

diesel::table! {
    organisations (id) {
        id -> Integer,
        slug -> Text,
        name -> Text,
        site_name -> Text,
        mail_from_name -> Text,
        mail_from_address -> Text,
        contact_email -> Text,
        contact_phone -> Text,
        created_at -> Timestamp,
        privacy_notice -> Text,
        privacy_notice_version -> Text,
    }
}

diesel::table! {
    organiser_organisations (organiser_id, organisation_id) {
        organiser_id -> Integer,
        organisation_id -> Integer,
    }
}

diesel::table! {
    cycle_owners (cycle_id) {
        cycle_id -> Integer,
        organisation_id -> Integer,
    }
}

diesel::table! {
    cycle_co_organisers (cycle_id, organisation_id) {
        cycle_id -> Integer,
        organisation_id -> Integer,
        position -> Integer,
    }
}

diesel::table! {
    cycle_partners (cycle_id, position) {
        cycle_id -> Integer,
        position -> Integer,
        name -> Text,
    }
}

diesel::table! {
    cycle_questions (cycle_id, position) {
        cycle_id -> Integer,
        position -> Integer,
        question_key -> Text,
        definition -> Text,
    }
}

diesel::table! {
    registration_answers (registration_id, question_key) {
        registration_id -> Integer,
        question_key -> Text,
        value -> Text,
    }
}

diesel::joinable!(organiser_sessions -> organisers (organiser_id));
diesel::joinable!(cycle_owners -> cycles (cycle_id));
diesel::joinable!(cycle_owners -> organisations (organisation_id));
diesel::joinable!(organiser_organisations -> organisers (organiser_id));
diesel::joinable!(organiser_organisations -> organisations (organisation_id));
diesel::joinable!(cycle_co_organisers -> cycles (cycle_id));
diesel::joinable!(cycle_co_organisers -> organisations (organisation_id));
diesel::joinable!(cycle_partners -> cycles (cycle_id));
diesel::joinable!(registration_answers -> registrations (registration_id));
diesel::joinable!(cycle_questions -> cycles (cycle_id));
diesel::joinable!(sessions -> cycles (cycle_id));
diesel::joinable!(registrations -> cycles (cycle_id));
diesel::joinable!(attendance -> registrations (registration_id));
diesel::joinable!(attendance -> sessions (session_id));
diesel::joinable!(attendance_audit -> registrations (registration_id));
diesel::joinable!(attendance_audit -> sessions (session_id));
diesel::joinable!(grant_applications -> registrations (registration_id));
diesel::joinable!(grant_attachments -> grant_applications (application_id));
diesel::joinable!(grant_audit -> grant_applications (application_id));
diesel::joinable!(certificates -> registrations (registration_id));
diesel::joinable!(messages -> cycles (cycle_id));
diesel::joinable!(session_changes -> sessions (session_id));
diesel::joinable!(outbox -> messages (message_id));
diesel::joinable!(session_choices -> registrations (registration_id));
diesel::joinable!(session_choices -> sessions (session_id));

diesel::allow_tables_to_appear_in_same_query!(
    messages,
    organisers,
    organiser_sessions,
    setup_tokens,
    cycles,
    sessions,
    session_choices,
    session_changes,
    registrations,
    registration_answers,
    cycle_questions,
    attendance,
    attendance_audit,
    attendance_imports,
    outbox,
    grant_applications,
    grant_attachments,
    grant_audit,
    certificates,
    erasures,
    organisations,
    organiser_organisations,
    cycle_owners,
    cycle_co_organisers,
    cycle_partners,
);
