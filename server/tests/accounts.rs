//! Accounts over real HTTP: registration, login, logout, sessions, throttling and the Origin
//! check, against SQLite and PostgreSQL.

mod support;

use support::{Backend, TestApp, TestDb};

fn set_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("backlot_session="))
        .map(str::to_string)
}

async fn app(backend: Backend) -> TestApp {
    TestApp::spawn(TestDb::seeded(backend).await).await
}

on_both_backends!(an_actor_registers_logs_out_and_logs_in_again, |backend: Backend| async move {
    let app = app(backend).await;
    assert_eq!(app.me().await, None);

    let response = app
        .call(
            "/api/register",
            &[
                ("login", "138 0000 1111"),
                ("password", "Qin palace 2026"),
                ("display_name", "  王秀英 "),
                ("gender", "female"),
                ("birth_date", "2003-04-05"),
                ("height_cm", "163"),
                ("weight_kg", "51"),
                ("next", "/casting"),
            ],
        )
        .await;
    assert!(
        response.status().is_redirection() || response.status() == 200,
        "{}",
        response.status()
    );
    let cookie = set_cookie(&response).expect("a session cookie");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    let me = app.me().await.expect("logged in after registering");
    assert_eq!(me["display_name"], "王秀英");
    assert_eq!(me["role"], "actor");

    let response = app.call("/api/logout", &[]).await;
    assert!(response.status().is_redirection() || response.status() == 200);
    assert_eq!(app.me().await, None);

    let response =
        app.call("/api/login", &[("login", "13800001111"), ("password", "Qin palace 2026")]).await;
    assert!(
        response.status().is_redirection() || response.status() == 200,
        "{}",
        response.status()
    );
    assert_eq!(app.me().await.expect("logged in")["display_name"], "王秀英");
});

on_both_backends!(registration_refuses_bad_input_and_taken_logins, |backend: Backend| async move {
    let app = app(backend).await;
    let response = app
        .call("/api/register", &[("login", "12345"), ("password", "short"), ("display_name", "")])
        .await;
    assert_eq!(response.status(), 422);
    let error: serde_json::Value = response.json().await.unwrap();
    let fields: Vec<(String, String)> = error["Invalid"]
        .as_array()
        .expect("field errors")
        .iter()
        .map(|e| (e["field"].as_str().unwrap().into(), e["code"].as_str().unwrap().into()))
        .collect();
    assert!(fields.contains(&("login".into(), "not_phone_or_email".into())), "{fields:?}");
    assert!(fields.contains(&("password".into(), "too_short".into())), "{fields:?}");
    assert!(fields.contains(&("display_name".into(), "required".into())), "{fields:?}");
    // An actor gives the facts calls ask about in the same screen.
    for field in ["gender", "birth_date", "height_cm", "weight_kg"] {
        assert!(fields.contains(&(field.into(), "required".into())), "{fields:?}");
    }
    assert_eq!(app.me().await, None);

    let response = app
        .call(
            "/api/register",
            &[
                ("login", "13900002222"),
                ("password", "Qin palace 2026"),
                ("display_name", "小李"),
                ("gender", "female"),
                ("birth_date", "2014-01-01"),
                ("height_cm", "16O"),
                ("weight_kg", "900"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let error: serde_json::Value = response.json().await.unwrap();
    let codes: Vec<(&str, &str)> = error["Invalid"]
        .as_array()
        .expect("field errors")
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        codes,
        [("birth_date", "under_age"), ("height_cm", "not_a_number"), ("weight_kg", "out_of_range")]
    );
    assert_eq!(app.me().await, None);

    let response = app
        .call(
            "/api/register",
            &[
                ("login", "ACTOR@backlot.local"),
                ("password", "Qin palace 2026"),
                ("display_name", "x"),
                ("gender", "male"),
                ("birth_date", "1990-01-01"),
                ("height_cm", "175"),
                ("weight_kg", "70"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let error: serde_json::Value = response.json().await.unwrap();
    assert_eq!(error["Invalid"][0]["field"], "login");
    assert_eq!(error["Invalid"][0]["code"], "taken");
});

on_both_backends!(demo_accounts_log_in_and_sessions_rotate, |backend: Backend| async move {
    let app = app(backend).await;
    let first = app
        .call("/api/login", &[("login", "crew@backlot.local"), ("password", "backlot-crew-demo")])
        .await;
    let first_cookie = set_cookie(&first).expect("session cookie");
    assert_eq!(app.me().await.expect("crew")["role"], "crew");
    let second = app
        .call("/api/login", &[("login", "admin@backlot.local"), ("password", "backlot-admin-demo")])
        .await;
    let second_cookie = set_cookie(&second).expect("a new session cookie at login");
    assert_ne!(first_cookie.split(';').next(), second_cookie.split(';').next());
    assert_eq!(app.me().await.expect("admin")["role"], "admin");
});

on_both_backends!(wrong_passwords_are_refused_then_throttled, |backend: Backend| async move {
    let app = TestApp::spawn_with(TestDb::seeded(backend).await, 100).await;
    for _ in 0..5 {
        let response = app
            .call(
                "/api/login",
                &[("login", "actor@backlot.local"), ("password", "not-the-password")],
            )
            .await;
        assert_eq!(response.status(), 422);
        let error: serde_json::Value = response.json().await.unwrap();
        assert_eq!(error["Invalid"][0]["code"], "wrong_credentials");
    }
    // Even the right password is refused while the account is throttled.
    let response = app
        .call("/api/login", &[("login", "actor@backlot.local"), ("password", "backlot-actor-demo")])
        .await;
    assert_eq!(response.status(), 429);
    assert_eq!(response.json::<serde_json::Value>().await.unwrap(), "TooManyAttempts");
    assert_eq!(app.me().await, None);
    // Other accounts are unaffected.
    let response = app
        .call("/api/login", &[("login", "crew@backlot.local"), ("password", "backlot-crew-demo")])
        .await;
    assert!(response.status().is_redirection() || response.status() == 200);
});

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_address_gets_a_limited_number_of_attempts() {
    let app = TestApp::spawn_with(TestDb::seeded(Backend::Sqlite).await, 3).await;
    let mut statuses = Vec::new();
    for i in 0..5 {
        let login = format!("nobody{i}@example.com");
        let response =
            app.call("/api/login", &[("login", &login), ("password", "whatever-123")]).await;
        statuses.push(response.status().as_u16());
    }
    assert_eq!(statuses, vec![422, 422, 422, 429, 429]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cross_site_writes_are_refused() {
    let app = app(Backend::Sqlite).await;
    app.call("/api/login", &[("login", "crew@backlot.local"), ("password", "backlot-crew-demo")])
        .await;
    assert!(app.me().await.is_some());

    let response = app
        .client
        .post(app.url("/api/logout"))
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert!(app.me().await.is_some(), "a cross-site request logged the user out");

    let response = app
        .client
        .post(app.url("/api/logout"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert!(app.me().await.is_some());

    let response = app.call("/api/logout", &[]).await;
    assert!(response.status().is_redirection() || response.status() == 200);
    assert_eq!(app.me().await, None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_and_register_pages_render_in_both_languages() {
    let app = app(Backend::Sqlite).await;
    let (status, html) = app.page("/login", "zh-CN").await;
    assert_eq!(status, 200);
    assert!(html.contains("手机号或电子邮箱"));
    let (status, html) = app.page("/register", "en").await;
    assert_eq!(status, 200);
    assert!(html.contains("Register as a background actor"));
    assert!(html.contains("At least 10 characters"));
}

on_both_backends!(
    a_password_change_needs_the_current_password_and_a_strong_new_one,
    |backend: Backend| async move {
        let app = app(backend).await;
        let response = app
            .call(
                "/api/password",
                &[("current_password", "x"), ("new_password", "Qin palace 2026")],
            )
            .await;
        assert_eq!(response.status(), 401, "a visitor changed a password");

        app.call(
            "/api/login",
            &[("login", "actor@backlot.local"), ("password", "backlot-actor-demo")],
        )
        .await;
        let response = app
            .call(
                "/api/password",
                &[("current_password", "wrong one 123"), ("new_password", "Qin palace 2026")],
            )
            .await;
        assert_eq!(response.status(), 422);
        let error: serde_json::Value = response.json().await.unwrap();
        assert_eq!(error["Invalid"][0]["field"], "current_password");

        let response = app
            .call(
                "/api/password",
                &[("current_password", "backlot-actor-demo"), ("new_password", "1234567890")],
            )
            .await;
        assert_eq!(response.status(), 422);
        let error: serde_json::Value = response.json().await.unwrap();
        assert_eq!(error["Invalid"][0]["field"], "new_password");

        let response = app
            .call(
                "/api/password",
                &[("current_password", "backlot-actor-demo"), ("new_password", "Qin palace 2026")],
            )
            .await;
        assert_eq!(response.status(), 200);

        app.call("/api/logout", &[]).await;
        let old = app
            .call(
                "/api/login",
                &[("login", "actor@backlot.local"), ("password", "backlot-actor-demo")],
            )
            .await;
        assert_eq!(old.status(), 422, "the old password still works");
        let new = app
            .call(
                "/api/login",
                &[("login", "actor@backlot.local"), ("password", "Qin palace 2026")],
            )
            .await;
        assert!(new.status().is_redirection() || new.status() == 200);
        assert!(app.me().await.is_some());
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_account_page_sends_visitors_to_log_in_first() {
    let app = app(Backend::Sqlite).await;
    let response = app.client.get(app.url("/account")).send().await.unwrap();
    assert!(response.status().is_redirection(), "{}", response.status());
    let location = response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("");
    assert_eq!(location, "/login?next=/account");

    app.call("/api/login", &[("login", "crew@backlot.local"), ("password", "backlot-crew-demo")])
        .await;
    let (status, html) = app.page("/account", "en").await;
    assert_eq!(status, 200);
    assert!(html.contains("Change password"));
}

/// A browser's request to a server function on `base`, carrying `cookie` (the session cookie
/// as set: `backlot_session=…; …`) by hand, so one browser can be sent to two instances and
/// keep a cookie a logout told it to drop.
async fn call_with(
    base: &str,
    cookie: &str,
    endpoint: &str,
    form: &[(&str, &str)],
) -> reqwest::Response {
    let pair = cookie.split(';').next().unwrap_or_default();
    reqwest::Client::new()
        .post(format!("{base}{endpoint}"))
        .header("origin", base)
        .header("cookie", pair)
        .form(form)
        .send()
        .await
        .expect("request")
}

async fn who(base: &str, cookie: &str) -> Option<String> {
    let response = call_with(base, cookie, "/api/me", &[]).await;
    assert_eq!(response.status(), 200);
    let me: serde_json::Value = response.json().await.expect("json");
    me["display_name"].as_str().map(str::to_string)
}

async fn logged_in(base: &str, login: &str, password: &str) -> String {
    let response =
        call_with(base, "", "/api/login", &[("login", login), ("password", password)]).await;
    set_cookie(&response).expect("a session cookie")
}

on_both_backends!(
    a_remembered_session_ends_everywhere_the_moment_it_ends_anywhere,
    |backend: Backend| async move {
        let app = app(backend).await;
        let (a, b) = (app.base.clone(), app.second_instance().await);
        let crew = logged_in(&a, "crew@backlot.local", "backlot-crew-demo").await;
        let name = who(&a, &crew).await.expect("signed in on the instance that logged in");
        // The other instance reads the session, then answers from what it remembers.
        assert_eq!(who(&b, &crew).await.as_deref(), Some(name.as_str()));
        assert_eq!(who(&b, &crew).await.as_deref(), Some(name.as_str()));

        // Logged out on one instance: the other refuses the cookie at once.
        let response = call_with(&a, &crew, "/api/logout", &[]).await;
        assert!(response.status().is_success() || response.status().is_redirection());
        assert_eq!(who(&b, &crew).await, None, "a logged-out session still works elsewhere");
        assert_eq!(who(&a, &crew).await, None);

        // Two sessions of one account, both remembered by the second instance; a password
        // change on the first ends the other session there too, and the one that made it goes
        // on under a new id.
        let here = logged_in(&a, "actor@backlot.local", "backlot-actor-demo").await;
        let there = logged_in(&a, "actor@backlot.local", "backlot-actor-demo").await;
        let actor = who(&b, &here).await.expect("signed in");
        assert_eq!(who(&b, &there).await.as_deref(), Some(actor.as_str()));
        let response = call_with(
            &a,
            &here,
            "/api/password",
            &[("current_password", "backlot-actor-demo"), ("new_password", "Qin palace 2026")],
        )
        .await;
        assert_eq!(response.status(), 200);
        let renewed = set_cookie(&response).expect("a new session id after the change");
        assert_eq!(who(&b, &there).await, None, "the old password's session still works");
        assert_eq!(who(&b, &here).await, None, "the changed session's old id still works");
        assert_eq!(who(&b, &renewed).await.as_deref(), Some(actor.as_str()));

        // A production renamed (straight in the database, as another tool would) shows at once
        // on the instance that remembers its crew member's session.
        let crew = logged_in(&a, "crew@backlot.local", "backlot-crew-demo").await;
        let me = call_with(&b, &crew, "/api/me", &[]).await.json::<serde_json::Value>().await;
        let production = me.expect("json")["org"]["id"].as_i64().expect("a production");
        support::execute(
            &app.db.store,
            &format!(
                "update production set name_en = 'Renamed Unit' where production_id = {production}"
            ),
        )
        .await;
        let me: serde_json::Value =
            call_with(&b, &crew, "/api/me", &[]).await.json().await.expect("json");
        assert_eq!(me["org"]["name_en"], "Renamed Unit");
    }
);

on_both_backends!(a_session_in_use_is_pushed_back_once_a_day, |backend: Backend| async move {
    use std::str::FromStr;
    use tower_sessions::SessionStore;
    use tower_sessions::session::Id;

    let app = app(backend).await;
    let sessions = server::sessions::Sessions::open(&app.db.store).await.expect("sessions");
    let cookie = logged_in(&app.base, "crew@backlot.local", "backlot-crew-demo").await;
    let value = cookie.split(';').next().and_then(|pair| pair.split_once('=')).expect("pair").1;
    let id = Id::from_str(value).expect("a session id");
    let now = time::OffsetDateTime::now_utc();
    let login = sessions.load(&id).await.expect("load").expect("stored at login");
    assert!(login.expiry_date > now + time::Duration::days(13));
    assert!(login.data["seen_at"].as_i64().is_some_and(|t| (t - now.unix_timestamp()).abs() < 60));

    // Used within the day: answered without touching the record (no cookie sent again).
    let response = call_with(&app.base, &cookie, "/api/me", &[]).await;
    assert!(set_cookie(&response).is_none());
    assert_eq!(sessions.load(&id).await.unwrap().unwrap().expiry_date, login.expiry_date);

    // Last pushed back two days ago, ending in an hour: the next request (to an instance that
    // has not remembered it yet) pushes it back and sends the cookie again with a fresh lifetime.
    let mut stale = login.clone();
    stale.data.insert("seen_at".into(), (now - time::Duration::days(2)).unix_timestamp().into());
    stale.expiry_date = now + time::Duration::hours(1);
    sessions.save(&stale).await.expect("save");
    let other = app.second_instance().await;
    let response = call_with(&other, &cookie, "/api/me", &[]).await;
    assert!(set_cookie(&response).is_some_and(|c| c.contains("Max-Age=")), "no fresh cookie");
    let pushed = sessions.load(&id).await.unwrap().expect("still stored");
    assert!(pushed.expiry_date > now + time::Duration::days(13), "{:?}", pushed.expiry_date);
    assert!(pushed.data["seen_at"].as_i64().is_some_and(|t| t >= now.unix_timestamp()));
    // And the session is still the crew member's.
    assert!(who(&other, &cookie).await.is_some());
});
