//! Memberships over real HTTP on SQLite and PostgreSQL: an admin attaches accounts (audited),
//! invitation links register or join exactly once, a password change ends other sessions, and
//! an account's owner downloads their data and deletes the account.

mod support;

use app::models::{OrgKind, OrgRef};
use domain::account::Role;
use support::{Backend, Browser, TEST_PASSWORD, TestApp, TestDb};

const PRODUCTION_1: OrgRef = OrgRef { kind: OrgKind::Production, id: 1 };

async fn app(backend: Backend) -> TestApp {
    TestApp::spawn_with(TestDb::seeded(backend).await, 10_000).await
}

async fn json(response: reqwest::Response) -> serde_json::Value {
    let status = response.status();
    let body = response.text().await.expect("body");
    serde_json::from_str(&body).unwrap_or_else(|_| panic!("not JSON ({status}): {body}"))
}

fn ok(response: &reqwest::Response) -> bool {
    response.status().is_success() || response.status().is_redirection()
}

async fn admin(app: &TestApp) -> Browser {
    app.logged_in(Role::Admin, None).await.0
}

on_both_backends!(
    an_admin_attaches_and_detaches_crew_with_an_audit_trail,
    |backend: Backend| async move {
        let app = app(backend).await;
        let (crew_id, crew_login) = app.account(Role::Crew, None).await;
        let crew = app.browser();
        crew.log_in(&crew_login, TEST_PASSWORD).await;
        assert_eq!(crew.me().await.expect("crew")["org"], serde_json::Value::Null);

        let admin = admin(&app).await;
        let view = json(admin.call("/api/admin/overview", &[("unattached", "true")]).await).await;
        let waiting: Vec<i64> = view["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["account_id"].as_i64().unwrap())
            .collect();
        assert!(waiting.contains(&crew_id), "the new crew account is not listed as waiting");
        assert!(view["productions"].as_array().unwrap().len() >= 14);

        let id = crew_id.to_string();
        // An actor's account cannot join a production, and unknown productions are refused.
        let (actor_id, _) = app.account(Role::Actor, None).await;
        let refused = admin
            .call(
                "/api/admin/attach",
                &[("account_id", &actor_id.to_string()), ("org", "production:1")],
            )
            .await;
        assert_eq!(refused.status(), 422);
        assert_eq!(json(refused).await["Invalid"][0]["code"], "wrong_role");
        let refused = admin
            .call("/api/admin/attach", &[("account_id", &id), ("org", "production:999999")])
            .await;
        assert_eq!(json(refused).await["Invalid"][0]["code"], "not_found");
        let refused =
            admin.call("/api/admin/attach", &[("account_id", &id), ("org", "tavern:1")]).await;
        assert_eq!(json(refused).await["Invalid"][0]["code"], "invalid");

        assert!(ok(&admin
            .call("/api/admin/attach", &[("account_id", &id), ("org", "production:1")])
            .await));
        let me = crew.me().await.expect("still logged in");
        assert_eq!(me["org"]["kind"], "production");
        assert_eq!(me["org"]["id"], 1);

        assert!(ok(&admin.call("/api/admin/detach", &[("account_id", &id)]).await));
        assert_eq!(crew.me().await.expect("crew")["org"], serde_json::Value::Null);

        let view = json(admin.call("/api/admin/overview", &[]).await).await;
        let actions: Vec<(&str, &str)> = view["audit"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["action"].as_str().unwrap(), e["detail"].as_str().unwrap()))
            .collect();
        assert_eq!(actions[0].0, "account.detach", "{actions:?}");
        assert!(actions[0].1.contains(&crew_login));
        assert_eq!(actions[1].0, "account.attach");
        assert!(actions[1].1.contains("production:1"));
        assert!(actions.iter().all(|(a, _)| *a != "account.attach" || !a.is_empty()));
        // Refused attaches left no trace.
        assert_eq!(actions.iter().filter(|(_, d)| d.contains(&format!("({actor_id})"))).count(), 0);
    }
);

on_both_backends!(an_admin_creates_and_verifies_productions, |backend: Backend| async move {
    let app = app(backend).await;
    let admin = admin(&app).await;
    let form = [
        ("code", "Tang-Night-2027"),
        ("name_zh", "长安夜行"),
        ("name_en", "Night in Chang'an"),
        ("company_zh", "横店测试影业"),
        ("company_en", "Hengdian Test Pictures"),
    ];
    assert!(ok(&admin.call("/api/admin/production", &form).await));
    let again = admin.call("/api/admin/production", &form).await;
    assert_eq!(json(again).await["Invalid"][0]["code"], "taken");
    let bad = admin
        .call(
            "/api/admin/production",
            &[
                ("code", "唐"),
                ("name_zh", ""),
                ("name_en", "x"),
                ("company_zh", "x"),
                ("company_en", "x"),
            ],
        )
        .await;
    let error = json(bad).await;
    assert_eq!(error["Invalid"][0]["field"], "code");
    assert_eq!(error["Invalid"][1]["field"], "name_zh");

    let view = json(admin.call("/api/admin/overview", &[]).await).await;
    let created = view["productions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "tang-night-2027")
        .expect("the new production")
        .clone();
    assert_eq!(created["verified"], false);
    let id = created["org"]["id"].as_i64().unwrap().to_string();
    assert!(ok(&admin
        .call("/api/admin/verify", &[("production_id", &id), ("verified", "true")])
        .await));
    let view = json(admin.call("/api/admin/overview", &[]).await).await;
    let verified = view["productions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "tang-night-2027")
        .unwrap()["verified"]
        .clone();
    assert_eq!(verified, true);
    assert_eq!(view["audit"][0]["action"], "production.verify");
    assert_eq!(view["audit"][1]["action"], "production.create");
});

on_both_backends!(an_invitation_link_registers_a_colleague_once, |backend: Backend| async move {
    let app = app(backend).await;
    let (member, _) = app.logged_in(Role::Crew, Some(PRODUCTION_1)).await;
    let invitation = json(member.call("/api/invite", &[]).await).await;
    let token = invitation["token"].as_str().expect("a token").to_string();
    assert_eq!(invitation["org"]["id"], 1);

    // The link's page names the production, for a visitor, in both languages.
    let visitor = app.browser();
    let page = visitor.get(&format!("/join/{token}")).await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    let name = app.db.store.organisation(PRODUCTION_1).await.unwrap().unwrap();
    assert!(html.contains(&name.name_zh), "the join page does not name the production");
    assert!(html.contains(r#"name="invitation""#));

    // Registering through it makes a crew account of that production, whatever role is sent.
    let form = [
        ("login", "139 1234 5678"),
        ("password", "Set dresser 2026"),
        ("display_name", "周美术"),
        ("role", "actor"),
        ("invitation", token.as_str()),
    ];
    assert!(ok(&visitor.call("/api/register", &form).await));
    let me = visitor.me().await.expect("registered and logged in");
    assert_eq!(me["role"], "crew");
    assert_eq!(me["org"]["id"], 1);

    // The link is used up: neither registration nor joining works again, and nothing is created.
    let other = app.browser();
    let again = [
        ("login", "139 1234 0000"),
        ("password", "Set dresser 2026"),
        ("display_name", "另一个人"),
        ("invitation", token.as_str()),
    ];
    let refused = other.call("/api/register", &again).await;
    assert_eq!(refused.status(), 422);
    assert_eq!(json(refused).await["Invalid"][0]["field"], "invitation");
    assert_eq!(other.me().await, None);
    let login = domain::account::Login::parse("13912340000").unwrap();
    assert!(app.db.store.account_by_login(&login).await.unwrap().is_none());
    assert_eq!(visitor.get(&format!("/join/{token}")).await.status(), 404);
    assert_eq!(visitor.get("/join/not-a-token").await.status(), 404);
});

on_both_backends!(
    racing_for_one_invitation_lets_exactly_one_account_join,
    |backend: Backend| async move {
        let app = app(backend).await;
        let token = server::tokens::new_token();
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        app.db
            .store
            .create_invitation(1, PRODUCTION_1, &server::tokens::hash(&token), now, now + 3600)
            .await
            .unwrap();
        let mut ids = Vec::new();
        for _ in 0..24 {
            ids.push(app.account(Role::Crew, None).await.0);
        }
        let hash = server::tokens::hash(&token);
        let tasks: Vec<_> = ids
            .iter()
            .map(|&id| {
                let store = app.db.store.clone();
                let hash = hash.clone();
                tokio::spawn(async move { store.accept_invitation(id, &hash, now + 1).await })
            })
            .collect();
        let mut joined = 0;
        for task in tasks {
            match task.await.unwrap().expect("no storage error under contention") {
                server::storage::members::Accept::Joined(_) => joined += 1,
                server::storage::members::Accept::Invalid => {}
                other => panic!("unexpected outcome {other:?}"),
            }
        }
        assert_eq!(joined, 1);
        let mut members = 0;
        for id in ids {
            members += usize::from(app.db.store.account(id).await.unwrap().unwrap().org.is_some());
        }
        assert_eq!(members, 1);
    }
);

on_both_backends!(a_password_change_ends_the_other_sessions, |backend: Backend| async move {
    let app = app(backend).await;
    let (_, login) = app.account(Role::Actor, None).await;
    let (phone, laptop) = (app.browser(), app.browser());
    phone.log_in(&login, TEST_PASSWORD).await;
    laptop.log_in(&login, TEST_PASSWORD).await;
    let form = [("current_password", TEST_PASSWORD), ("new_password", "Brand new 2027 pass")];
    assert_eq!(laptop.call("/api/password", &form).await.status(), 200);
    assert!(laptop.me().await.is_some(), "the session that changed the password was ended");
    assert_eq!(phone.me().await, None, "another session survived a password change");
});

on_both_backends!(
    an_actor_downloads_their_data_then_deletes_the_account,
    |backend: Backend| async move {
        let app = app(backend).await;
        let actor = app.browser();
        actor.log_in("actor@backlot.local", "backlot-actor-demo").await;
        assert_eq!(app.browser().get("/account/data").await.status(), 401);

        let response = actor.get("/account/data").await;
        assert_eq!(response.status(), 200);
        let disposition = response.headers()["content-disposition"].to_str().unwrap().to_string();
        assert!(disposition.starts_with("attachment"), "{disposition}");
        let data = json(response).await;
        assert_eq!(data["login"], "actor@backlot.local");
        let profile = &data["actor_profile"];
        let birth = profile["birth_date"].as_str().unwrap_or_default();
        assert!(
            time::Date::parse(birth, &time::format_description::well_known::Iso8601::DATE).is_ok(),
            "{data}"
        );
        assert!(profile["phone"].is_string());
        assert!(profile["height_cm"].is_number());
        assert!(data.get("password_hash").is_none() && !data.to_string().contains("argon2"));

        let wrong = actor.call("/api/delete-account", &[("password", "not my password")]).await;
        assert_eq!(wrong.status(), 422);
        assert!(actor.me().await.is_some());

        let deleted =
            actor.call("/api/delete-account", &[("password", "backlot-actor-demo")]).await;
        assert!(ok(&deleted), "{}", deleted.status());
        assert_eq!(actor.me().await, None);
        let again = app.browser();
        let login = again
            .call(
                "/api/login",
                &[("login", "actor@backlot.local"), ("password", "backlot-actor-demo")],
            )
            .await;
        assert_eq!(login.status(), 422);
        // The profile is gone; the audit log keeps an anonymous line.
        let export = app.db.store.export_account(4).await.unwrap();
        assert!(export.is_none());
        let audit = app.db.store.audit_entries(10).await.unwrap();
        assert_eq!(audit[0].action, "account.delete");
        assert_eq!(audit[0].by, None);
        assert!(!audit[0].detail.contains("actor@backlot.local"));
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plain_form_posts_come_back_to_the_form_with_the_error() {
    let app = app(Backend::Sqlite).await;
    let browser = app.browser();
    let response = browser
        .submit_plain(
            "/api/login",
            "/login?next=/account",
            &[("login", "actor@backlot.local"), ("password", "wrong password 1")],
        )
        .await;
    assert!(response.status().is_redirection(), "{}", response.status());
    let location = response.headers()["location"].to_str().unwrap().to_string();
    assert!(location.contains("/login?next=/account"), "{location}");
    assert!(location.contains("__err="), "{location}");
    let html = browser.page(&location, "en").await;
    assert!(html.contains("Wrong login or password."), "the form does not show the error");
}
