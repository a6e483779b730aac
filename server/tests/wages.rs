//! Attendance, pay and unpaid-wage reports over real HTTP on SQLite and PostgreSQL: a booked
//! actor's pass is scanned once (racing scans record one arrival), only the call's crew can
//! record or mark paid, an attended unpaid day can be reported once, the production answers,
//! a report unresolved for over fourteen days warns on the production's calls until the actor
//! confirms payment.

mod support;

use app::models::{OrgKind, OrgRef};
use domain::account::Role;
use domain::casting::ActorFacts;
use domain::vocab::Gender;
use time::Duration;

use support::{Backend, Browser, TestApp, TestDb, codes, execute, json};

/// The seeded palace maids' call, open to anyone and shooting from `first` for three days.
async fn maids_shooting_from(app: &TestApp, first: time::Date) -> (String, i64) {
    let today = server::backend::studio_today();
    let calls = app.db.store.open_calls(today).await.unwrap();
    let card = calls.iter().find(|c| c.role_en == "Palace maids").expect("seeded call");
    let stored = app.db.store.call(card.call_id, today).await.unwrap().unwrap();
    let id = card.call_id;
    let sql = format!(
        "update casting_call set starts_on = '{first}', ends_on = '{}', deadline = '{today}', \
         gender = null, age_min = null, age_max = null, height_min_cm = null, \
         height_max_cm = null, weight_min_kg = null, weight_max_kg = null \
         where casting_call_id = {id}",
        first + Duration::days(2)
    );
    execute(&app.db.store, &sql).await;
    execute(&app.db.store, &format!("delete from casting_call_skill where casting_call_id = {id}"))
        .await;
    (id.to_string(), stored.production_id)
}

fn actress() -> ActorFacts {
    ActorFacts {
        gender: Gender::Female,
        birth_date: time::macros::date!(2001 - 06 - 01),
        height_cm: 163,
        weight_kg: 50,
        skills: vec![],
        training: vec![],
    }
}

/// An actress who applied to `call` and whom `crew` booked: `(browser, application_id)`.
async fn booked_actress(app: &TestApp, call: &str, crew: &Browser) -> (Browser, String) {
    let (actor, _) = app.actor(&actress()).await;
    assert_eq!(actor.call("/api/call/apply", &[("call_id", call)]).await.status(), 200);
    let work = json(actor.call("/api/work", &[]).await).await;
    let application = work[0]["application_id"].as_i64().unwrap().to_string();
    let booked = crew
        .call(
            "/api/call/decide",
            &[("call_id", call), ("application_id", &application), ("decision", "book")],
        )
        .await;
    assert_eq!(booked.status(), 200);
    (actor, application)
}

async fn crew_of(app: &TestApp, production: i64) -> Browser {
    app.logged_in(Role::Crew, Some(OrgRef { kind: OrgKind::Production, id: production })).await.0
}

/// Another verified production's crew.
async fn rival_crew(app: &TestApp, production: i64) -> Browser {
    let sql = format!(
        "select production_id from production where verified and production_id <> {production} \
         order by production_id limit 1"
    );
    let other = support::scalar(&app.db.store, &sql).await;
    crew_of(app, other).await
}

async fn answer(who: &Browser, report_id: &str, text: &str) -> reqwest::Response {
    who.call("/api/wages/answer", &[("report_id", report_id), ("answer", text)]).await
}

async fn mark_paid(
    who: &Browser,
    call: &str,
    application: &str,
    day: time::Date,
) -> reqwest::Response {
    let day = day.to_string();
    who.call("/api/call/paid", &[("call_id", call), ("application_id", application), ("day", &day)])
        .await
}

/// A date as the API writes it.
fn date_json(day: time::Date) -> serde_json::Value {
    serde_json::to_value(day).unwrap()
}

/// The state the actor's `/work` gives each shooting day of their first application.
async fn day_states(actor: &Browser) -> Vec<(serde_json::Value, String)> {
    let work = json(actor.call("/api/work", &[]).await).await;
    work[0]["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d[0].clone(), d[1].as_str().unwrap().to_string()))
        .collect()
}

on_both_backends!(
    a_pass_is_scanned_once_paid_and_a_wage_report_reaches_the_crew,
    |backend: Backend| async move {
        let app = TestApp::spawn_with(TestDb::seeded(backend).await, 10_000).await;
        let today = server::backend::studio_today();
        let (call, production) = maids_shooting_from(&app, today).await;
        let crew = crew_of(&app, production).await;
        let (actor, application) = booked_actress(&app, &call, &crew).await;

        // The booked actress's pass: a QR code of the check-in link with her code.
        let pass =
            json(actor.call("/api/work/pass", &[("application_id", &application)]).await).await;
        let code = pass["code"].as_str().unwrap().to_string();
        assert_eq!(domain::wages::normalize_pass_code(&code).as_deref(), Some(code.as_str()));
        assert_eq!(pass["url"], format!("{}/attend?code={code}", app.base));
        assert!(pass["svg"].as_str().unwrap().starts_with("<svg"), "{}", pass["svg"]);
        assert_eq!(pass["shooting_today"], true);
        assert_eq!(pass["attended_at"], serde_json::Value::Null);
        // Asking again shows the same code; nobody else gets her pass.
        let again =
            json(actor.call("/api/work/pass", &[("application_id", &application)]).await).await;
        assert_eq!(again["code"], code.as_str());
        let (other_actor, _) = app.actor(&actress()).await;
        let theirs = other_actor.call("/api/work/pass", &[("application_id", &application)]).await;
        assert_eq!(theirs.status(), 404);

        // Only the call's crew may open the pass: not a visitor, an actor or a rival crew.
        let typed = code.to_lowercase().replace('-', " ");
        assert_eq!(app.browser().call("/api/attend", &[("code", &typed)]).await.status(), 401);
        assert_eq!(actor.call("/api/attend", &[("code", &typed)]).await.status(), 403);
        let rival = rival_crew(&app, production).await;
        assert_eq!(rival.call("/api/attend/record", &[("code", &code)]).await.status(), 403);
        let check = json(crew.call("/api/attend", &[("code", &typed)]).await).await;
        assert_eq!(check["code"], code.as_str());
        assert_eq!(check["attended_at"], serde_json::Value::Null, "opening records nothing");
        let bad = json(crew.call("/api/attend", &[("code", "X-123")]).await).await;
        assert_eq!(codes(&bad), [("pass".to_string(), "pass_format".to_string())]);
        let unknown = json(crew.call("/api/attend", &[("code", "P-00000-00000")]).await).await;
        assert_eq!(codes(&unknown), [("pass".to_string(), "pass_unknown".to_string())]);

        // Twenty scans at once (two phones, shaky hands): one arrival is recorded.
        let form = [("code", code.as_str())];
        let scans = (0..20).map(|_| crew.call("/api/attend/record", &form));
        let mut recorded_now = 0;
        let mut times = std::collections::HashSet::new();
        for response in futures::future::join_all(scans).await {
            assert_eq!(response.status(), 200);
            let body = json(response).await;
            recorded_now += usize::from(body["recorded_now"] == true);
            times.insert(body["attended_at"].as_i64().unwrap());
        }
        assert_eq!(recorded_now, 1);
        assert_eq!(times.len(), 1, "every scan reports the one arrival");
        let rows = support::scalar(&app.db.store, "select count(*) from attendance").await;
        assert_eq!(rows, 1);
        let pass =
            json(actor.call("/api/work/pass", &[("application_id", &application)]).await).await;
        assert_eq!(pass["attended_at"].as_i64(), times.iter().next().copied());

        let (tomorrow, later) = (today + Duration::days(1), today + Duration::days(2));
        assert_eq!(
            day_states(&actor).await,
            [
                (date_json(today), "Unpaid".to_string()),
                (date_json(tomorrow), "Upcoming".to_string()),
                (date_json(later), "Upcoming".to_string()),
            ]
        );

        // Reports: only for an attended day, with a fair amount, once while open.
        let report = |day: String, amount: &'static str| {
            let (actor, application) = (&actor, application.clone());
            async move {
                actor
                    .call(
                        "/api/work/report",
                        &[
                            ("application_id", &application),
                            ("form[day]", &day),
                            ("form[amount]", amount),
                            ("form[note]", "说好当天结算，至今未付"),
                        ],
                    )
                    .await
            }
        };
        let future_day = json(report(tomorrow.to_string(), "350").await).await;
        assert_eq!(codes(&future_day), [("day".to_string(), "not_attended".to_string())]);
        let zero = json(report(today.to_string(), "0").await).await;
        assert_eq!(codes(&zero), [("amount".to_string(), "claim_range".to_string())]);
        assert_eq!(report(today.to_string(), "¥350").await.status(), 200);
        let twice = json(report(today.to_string(), "350").await).await;
        assert_eq!(codes(&twice), [("day".to_string(), "already_reported".to_string())]);
        let stranger = other_actor
            .call(
                "/api/work/report",
                &[
                    ("application_id", &application),
                    ("form[day]", &today.to_string()),
                    ("form[amount]", "350"),
                ],
            )
            .await;
        assert_eq!(codes(&json(stranger).await), [("day".to_string(), "not_attended".to_string())]);

        // The crew sees it (a rival production does not), answers it; an admin sees it too.
        let seen = json(crew.call("/api/wages", &[]).await).await;
        assert_eq!(seen["reader"], "Production");
        let reports = seen["reports"].as_array().unwrap();
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0]["amount"], 35_000);
        assert_eq!(reports[0]["status"], "Open");
        assert_eq!(reports[0]["note"], "说好当天结算，至今未付");
        let report_id = reports[0]["report_id"].as_i64().unwrap().to_string();
        let rivals = json(rival.call("/api/wages", &[]).await).await;
        assert!(rivals["reports"].as_array().unwrap().is_empty());
        assert_eq!(actor.call("/api/wages", &[]).await.status(), 403);
        assert_eq!(answer(&rival, &report_id, "x").await.status(), 403);
        let empty = json(answer(&crew, &report_id, "  ").await).await;
        assert_eq!(codes(&empty), [("answer".to_string(), "required".to_string())]);
        assert_eq!(answer(&crew, &report_id, "财务已于今日转账，请查收").await.status(), 200);
        let (admin, _) = app.logged_in(Role::Admin, None).await;
        let all = json(admin.call("/api/wages", &[]).await).await;
        assert_eq!(all["reader"], "Admin");
        assert!(
            all["reports"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["report_id"].as_i64().is_some_and(|id| id.to_string() == report_id))
        );

        // Paid marks: attended days only, by the call's crew only.
        assert_eq!(mark_paid(&rival, &call, &application, today).await.status(), 403);
        assert_eq!(
            codes(&json(mark_paid(&crew, &call, &application, tomorrow).await).await),
            [("day".to_string(), "not_attended".to_string())]
        );
        assert_eq!(mark_paid(&crew, &call, &application, today).await.status(), 200);
        assert_eq!(day_states(&actor).await[0], (date_json(today), "Paid".to_string()));
        let work = json(actor.call("/api/work", &[]).await).await;
        assert_eq!(work[0]["reports"][0]["status"], "Answered");
        assert_eq!(work[0]["reports"][0]["paid"], true);
        assert_eq!(work[0]["reports"][0]["answer"], "财务已于今日转账，请查收");

        // Fifteen days on, still unresolved: every call of the production carries a warning.
        let calls = json(app.browser().call("/api/calls", &[]).await).await;
        assert!(calls["calls"].as_array().unwrap().iter().all(|c| c["wage_warning"] == false));
        let backdated = today - Duration::days(15);
        execute(&app.db.store, &format!("update wage_report set reported_on = '{backdated}'"))
            .await;
        let calls = json(app.browser().call("/api/calls", &[]).await).await;
        let mut warned = 0;
        for c in calls["calls"].as_array().unwrap() {
            let stored =
                app.db.store.call(c["call_id"].as_i64().unwrap(), today).await.unwrap().unwrap();
            assert_eq!(c["wage_warning"], stored.production_id == production, "{}", c["role_en"]);
            warned += usize::from(c["wage_warning"] == true);
        }
        assert!(warned >= 1);
        let page = json(app.browser().call("/api/call", &[("call_id", &call)]).await).await;
        assert_eq!(page["card"]["wage_warning"], true);
        let overdue = json(crew.call("/api/wages", &[]).await).await;
        assert_eq!(overdue["reports"][0]["overdue"], true);

        // Only the actress (or an admin) resolves it; then the warning goes.
        assert_eq!(
            crew.call("/api/wages/resolve", &[("report_id", &report_id)]).await.status(),
            403
        );
        assert_eq!(
            other_actor.call("/api/wages/resolve", &[("report_id", &report_id)]).await.status(),
            403
        );
        assert_eq!(
            actor.call("/api/wages/resolve", &[("report_id", &report_id)]).await.status(),
            200
        );
        let page = json(app.browser().call("/api/call", &[("call_id", &call)]).await).await;
        assert_eq!(page["card"]["wage_warning"], false);
        let work = json(actor.call("/api/work", &[]).await).await;
        assert_eq!(work[0]["reports"][0]["status"], "Resolved");
        let late = json(answer(&crew, &report_id, "补充说明").await).await;
        assert_eq!(codes(&late), [("answer".to_string(), "report_resolved".to_string())]);
        // A paid day cannot be reported.
        let paid_day = json(report(today.to_string(), "350").await).await;
        assert_eq!(codes(&paid_day), [("day".to_string(), "already_paid".to_string())]);

        // The attendance sheet: the booked actress, today paid, the rest upcoming.
        let sheet = json(crew.call("/api/call/attendance", &[("call_id", &call)]).await).await;
        assert_eq!(sheet["days"].as_array().unwrap().len(), 3);
        assert_eq!(sheet["actors"].as_array().unwrap().len(), 1);
        assert_eq!(sheet["actors"][0]["days"], serde_json::json!(["Paid", "Upcoming", "Upcoming"]));
        assert_eq!(sheet["open_reports"], 0);
        assert_eq!(rival.call("/api/call/attendance", &[("call_id", &call)]).await.status(), 403);
    }
);

on_both_backends!(
    passes_record_only_on_shooting_days_and_only_for_booked_actors,
    |backend: Backend| async move {
        let app = TestApp::spawn_with(TestDb::seeded(backend).await, 10_000).await;
        let today = server::backend::studio_today();
        let (call, production) = maids_shooting_from(&app, today + Duration::days(1)).await;
        let crew = crew_of(&app, production).await;
        let (actor, application) = booked_actress(&app, &call, &crew).await;

        // Not booked: no pass.
        let (waiting, _) = app.actor(&actress()).await;
        assert_eq!(waiting.call("/api/call/apply", &[("call_id", &call)]).await.status(), 200);
        let work = json(waiting.call("/api/work", &[]).await).await;
        let waiting_app = work[0]["application_id"].as_i64().unwrap().to_string();
        assert!(work[0]["days"].as_array().unwrap().is_empty(), "no days before booking");
        let no_pass =
            json(waiting.call("/api/work/pass", &[("application_id", &waiting_app)]).await).await;
        assert_eq!(codes(&no_pass), [("pass".to_string(), "not_booked".to_string())]);

        // Shooting starts tomorrow: the pass shows, but records nothing today.
        let pass =
            json(actor.call("/api/work/pass", &[("application_id", &application)]).await).await;
        assert_eq!(pass["shooting_today"], false);
        let code = pass["code"].as_str().unwrap().to_string();
        let early = json(crew.call("/api/attend/record", &[("code", &code)]).await).await;
        assert_eq!(codes(&early), [("pass".to_string(), "not_shooting_today".to_string())]);
        assert_eq!(support::scalar(&app.db.store, "select count(*) from attendance").await, 0);

        // The call is cancelled: the released actress's pass no longer checks in.
        let sql =
            format!("update casting_call set starts_on = '{today}' where casting_call_id = {call}");
        execute(&app.db.store, &sql).await;
        assert_eq!(crew.call("/api/call/cancel", &[("call_id", &call)]).await.status(), 200);
        let released = json(crew.call("/api/attend/record", &[("code", &code)]).await).await;
        assert_eq!(codes(&released), [("pass".to_string(), "pass_not_booked".to_string())]);
        let gone =
            json(actor.call("/api/work/pass", &[("application_id", &application)]).await).await;
        assert_eq!(codes(&gone), [("pass".to_string(), "not_booked".to_string())]);
    }
);
