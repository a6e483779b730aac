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
