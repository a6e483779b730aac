//! Casting over real HTTP on SQLite and PostgreSQL: one-tap applications checked against the
//! call's requirements, one per actor per call; the crew's filtered applicants; bookings never
//! beyond the places needed, even when many are clicked at once; every applicant answered;
//! nothing personal in public.

mod support;

use app::models::{OrgKind, OrgRef};
use domain::account::Role;
use domain::casting::ActorFacts;
use domain::vocab::{Gender, Skill};

use support::{Backend, Browser, TestApp, TestDb, codes, execute, json, scalar};
use time::macros::date;

/// The app, allowing the many logins these tests make from one address.
async fn app(backend: Backend) -> TestApp {
    TestApp::spawn_with(TestDb::seeded(backend).await, 10_000).await
}

/// The seeded call of `role_en`: `(call_id, production_id)`.
async fn seeded_call(app: &TestApp, role_en: &str) -> (i64, i64) {
    let today = server::backend::studio_today();
    let calls = app.db.store.open_calls(today).await.unwrap();
    let card = calls.iter().find(|c| c.role_en == role_en).expect("seeded call");
    let stored = app.db.store.call(card.call_id, today).await.unwrap().unwrap();
    (card.call_id, stored.production_id)
}

/// The palace maids' call, cut to three places (so that bookings fill it).
async fn maids_needing_three(app: &TestApp) -> (i64, i64) {
    let (call, production) = seeded_call(app, "Palace maids").await;
    let sql = format!("update casting_call set needed = 3 where casting_call_id = {call}");
    execute(&app.db.store, &sql).await;
    (call, production)
}

fn actress(birth: time::Date, height_cm: i64) -> ActorFacts {
    ActorFacts {
        gender: Gender::Female,
        birth_date: birth,
        height_cm,
        weight_kg: 50,
        skills: vec![],
        training: vec![],
    }
}

/// The application ids an applicants view lists, in its order.
fn application_ids(view: &serde_json::Value) -> Vec<String> {
    let list = view["applicants"].as_array().expect("applicants");
    list.iter().map(|a| a["application_id"].as_i64().unwrap().to_string()).collect()
}

on_both_backends!(
    an_actor_applies_in_one_tap_once_and_hears_why_not_elsewhere,
    |backend: Backend| async move {
        let app = app(backend).await;
        let (maids, production) = seeded_call(&app, "Palace maids").await;
        let maids = maids.to_string();

        // A visitor reads the call and is invited to register; nothing personal is in it.
        let visitor = app.browser();
        let page = json(visitor.call("/api/call", &[("call_id", &maids)]).await).await;
        assert_eq!(page["viewer"], "Visitor");
        assert_eq!(page["open"], true);
        assert!(page["card"]["needed"].as_i64().unwrap() > 0);

        // An actress registers in one screen: phone, password, name, gender, birth date, height, weight.
        let actor = app.browser();
        let registered = actor
            .call(
                "/api/register",
                &[
                    ("login", "13700001234"),
                    ("password", "Palace maid 2026"),
                    ("display_name", "林婉儿"),
                    ("gender", "female"),
                    ("birth_date", "2004-03-08"),
                    ("height_cm", "164"),
                    ("weight_kg", "49"),
                ],
            )
            .await;
        assert!(registered.status().is_success() || registered.status().is_redirection());
        let page = json(actor.call("/api/call", &[("call_id", &maids)]).await).await;
        assert_eq!(page["viewer"]["Actor"]["facts"]["height_cm"], 164);
        assert_eq!(page["viewer"]["Actor"]["application"], serde_json::Value::Null);

        // One tap applies; a second tap changes nothing and says so.
        let applied = actor.call("/api/call/apply", &[("call_id", &maids)]).await;
        assert_eq!(applied.status(), 200);
        assert_eq!(json(applied).await["status"], "Applied");
        let again = actor.call("/api/call/apply", &[("call_id", &maids)]).await;
        assert_eq!(again.status(), 422);
        assert_eq!(
            codes(&json(again).await),
            [("call".to_string(), "already_applied".to_string())]
        );

        // A call for men over 1.75 m who ride: every unmet requirement is named, nothing recorded.
        let today = server::backend::studio_today();
        let calls = app.db.store.open_calls(today).await.unwrap();
        let horsemen = calls
            .iter()
            .find(|c| {
                c.requirements.gender == Some(Gender::Male)
                    && c.requirements.skills.contains(&Skill::HorseRiding)
            })
            .expect("a seeded call for male riders");
        let refused =
            actor.call("/api/call/apply", &[("call_id", &horsemen.call_id.to_string())]).await;
        assert_eq!(refused.status(), 422);
        let unmet =
            json(refused).await["Ineligible"].as_array().expect("unmet requirements").clone();
        assert!(unmet.contains(&serde_json::json!({ "Gender": "male" })), "{unmet:?}");
        assert!(unmet.contains(&serde_json::json!({ "Skill": "horse_riding" })), "{unmet:?}");

        // A closed call takes nobody.
        execute(
            &app.db.store,
            &format!(
                "update casting_call set status = 'closed' where casting_call_id = {}",
                horsemen.call_id
            ),
        )
        .await;
        let closed = calls
            .iter()
            .find(|c| c.call_id == horsemen.call_id)
            .map(|c| c.call_id.to_string())
            .unwrap();
        let page = json(actor.call("/api/call", &[("call_id", &closed)]).await).await;
        assert_eq!(page["open"], false);

        // "My work" lists the one application.
        let work = json(actor.call("/api/work", &[]).await).await;
        let work = work.as_array().expect("a list");
        assert_eq!(work.len(), 1);
        assert_eq!(work[0]["call"]["role_en"], "Palace maids");
        assert_eq!(work[0]["state"]["status"], "Applied");

        // Nothing about her reaches the public: not the open calls, not the call's page.
        let public = visitor.call("/api/calls", &[]).await.text().await.unwrap();
        let html = visitor.get(&format!("/casting/{maids}")).await.text().await.unwrap();
        for text in [&public, &html] {
            assert!(!text.contains("林婉儿"));
            assert!(!text.contains("13700001234"));
            assert!(!text.contains("2004-03-08"));
        }
        assert!(html.contains("Palace maids") || html.contains("宫女"));

        // Crews other than the call's own see no applicants; visitors are asked to log in.
        assert_eq!(
            visitor.call("/api/call/applicants", &[("call_id", &maids)]).await.status(),
            401
        );
        assert_eq!(actor.call("/api/call/applicants", &[("call_id", &maids)]).await.status(), 403);
        let other = OrgRef { kind: OrgKind::Production, id: production % 3 + 1 };
        assert_ne!(other.id, production);
        let (stranger, _) = app.logged_in(Role::Crew, Some(other)).await;
        assert_eq!(
            stranger.call("/api/call/applicants", &[("call_id", &maids)]).await.status(),
            403
        );
    }
);

on_both_backends!(
    the_crew_filters_books_and_every_applicant_hears_back,
    |backend: Backend| async move {
        let app = app(backend).await;
        let (call, production) = maids_needing_three(&app).await;
        let call_s = call.to_string();
        let first_day = app
            .db
            .store
            .call(call, server::backend::studio_today())
            .await
            .unwrap()
            .unwrap()
            .card
            .starts_on;
        // Born on the first shooting day's date, `age` years before: exactly `age` that day.
        let born = |age: i32| first_day.replace_year(first_day.year() - age).unwrap();

        // Five applicants: 20/162, 24/168, 27/165 (too old for the filter), 19/171 (too tall), 22/160.
        let people = [(20, 162), (24, 168), (27, 165), (19, 170), (22, 160)];
        let mut actors = Vec::new();
        for (age, height) in people {
            let (browser, _) = app.actor(&actress(born(age), height)).await;
            let applied = browser.call("/api/call/apply", &[("call_id", &call_s)]).await;
            assert_eq!(applied.status(), 200, "{age}/{height}");
            actors.push(browser);
        }
        // The fourth is 170 cm: the filter asks for 160–169.
        let (crew, _) = app
            .logged_in(Role::Crew, Some(OrgRef { kind: OrgKind::Production, id: production }))
            .await;
        let query = "gender=female&age_min=18&age_max=25&height_min=160&height_max=169";
        let view = json(
            crew.call("/api/call/applicants", &[("call_id", &call_s), ("query", query)]).await,
        )
        .await;
        assert_eq!(view["total"], 5);
        let ages: Vec<i64> = view["applicants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["age"].as_i64().unwrap())
            .collect();
        assert_eq!(ages, [20, 24, 22]);
        assert!(view["by_status"].as_array().unwrap().contains(&serde_json::json!(["Applied", 3])));
        // Phones are for booked actors only.
        assert!(view["applicants"].as_array().unwrap().iter().all(|a| a["phone"].is_null()));

        let ids = application_ids(&view);
        let decide = |id: &str, decision: &str| {
            let (call_s, id, decision) = (call_s.clone(), id.to_string(), decision.to_string());
            let crew = &crew;
            async move {
                crew.call(
                    "/api/call/decide",
                    &[("call_id", &call_s), ("application_id", &id), ("decision", &decision)],
                )
                .await
            }
        };
        assert_eq!(decide(&ids[0], "shortlist").await.status(), 200);
        assert_eq!(decide(&ids[0], "book").await.status(), 200);
        assert_eq!(decide(&ids[1], "book").await.status(), 200);
        // Decided applications stay decided.
        let twice = decide(&ids[1], "release").await;
        assert_eq!(twice.status(), 422);
        assert_eq!(
            codes(&json(twice).await),
            [("decision".to_string(), "already_decided".to_string())]
        );
        // An unknown decision is refused by name.
        assert_eq!(
            codes(&json(decide(&ids[2], "hire").await).await),
            [("decision".to_string(), "invalid".to_string())]
        );

        // The crew closes the call: everyone not booked is released and told why.
        let closed = crew.call("/api/call/close", &[("call_id", &call_s)]).await;
        assert_eq!(closed.status(), 200);
        let states: Vec<(String, serde_json::Value)> = {
            let mut out = Vec::new();
            for browser in &actors {
                let work = json(browser.call("/api/work", &[]).await).await;
                out.push((
                    work[0]["state"]["status"].as_str().unwrap().to_string(),
                    work[0]["state"]["reason"].clone(),
                ));
            }
            out
        };
        assert_eq!(
            states,
            [
                ("Booked".to_string(), serde_json::Value::Null),
                ("Booked".to_string(), serde_json::Value::Null),
                ("Released".to_string(), serde_json::json!("Closed")),
                ("Released".to_string(), serde_json::json!("Closed")),
                ("Released".to_string(), serde_json::json!("Closed")),
            ]
        );
        // The closed call takes no more applications.
        let (late, _) = app.actor(&actress(born(21), 163)).await;
        let refused = late.call("/api/call/apply", &[("call_id", &call_s)]).await;
        assert_eq!(codes(&json(refused).await), [("call".to_string(), "call_closed".to_string())]);
    }
);

on_both_backends!(racing_bookings_never_exceed_the_places, |backend: Backend| async move {
    let app = app(backend).await;
    let (call, production) = maids_needing_three(&app).await;
    let call_s = call.to_string();
    for n in 0..20 {
        let (browser, _) = app.actor(&actress(date!(2002 - 05 - 05), 160 + n % 8)).await;
        assert_eq!(browser.call("/api/call/apply", &[("call_id", &call_s)]).await.status(), 200);
    }
    let (crew, _) =
        app.logged_in(Role::Crew, Some(OrgRef { kind: OrgKind::Production, id: production })).await;
    let view = json(crew.call("/api/call/applicants", &[("call_id", &call_s)]).await).await;
    let ids = application_ids(&view);
    assert_eq!(ids.len(), 20);

    // Twenty "book" clicks at once for three places.
    let answers = futures::future::join_all(ids.iter().map(|id| {
        let crew = &crew;
        let call_s = &call_s;
        async move {
            crew.call(
                "/api/call/decide",
                &[("call_id", call_s), ("application_id", id), ("decision", "book")],
            )
            .await
            .status()
            .as_u16()
        }
    }))
    .await;
    assert_eq!(answers.iter().filter(|s| **s == 200).count(), 3, "{answers:?}");
    assert_eq!(answers.iter().filter(|s| **s == 422).count(), 17, "{answers:?}");

    // Three booked; the other seventeen released because the call is full.
    let rows = app.db.store.applicants(call).await.unwrap();
    let booked =
        rows.iter().filter(|r| r.status == domain::casting::ApplicationStatus::Booked).count();
    assert_eq!(booked, 3);
    assert!(
        rows.iter()
            .filter(|r| r.status != domain::casting::ApplicationStatus::Booked)
            .all(|r| r.reason == Some(domain::casting::ReleaseReason::Filled))
    );
    let page = json(app.browser().call("/api/call", &[("call_id", &call_s)]).await).await;
    assert_eq!(page["card"]["booked"], 3);
});

on_both_backends!(racing_taps_make_one_application, |backend: Backend| async move {
    let app = app(backend).await;
    let (call, _) = seeded_call(&app, "Palace maids").await;
    let call_s = call.to_string();
    let (actor, _) = app.actor(&actress(date!(2001 - 01 - 01), 165)).await;
    let answers =
        futures::future::join_all(
            (0..10).map(|_| {
                let actor = &actor;
                let call_s = &call_s;
                async move {
                    actor.call("/api/call/apply", &[("call_id", call_s)]).await.status().as_u16()
                }
            }),
        )
        .await;
    assert_eq!(answers.iter().filter(|s| **s == 200).count(), 1, "{answers:?}");
    assert_eq!(answers.iter().filter(|s| **s == 422).count(), 9, "{answers:?}");
    assert_eq!(app.db.store.applicants(call).await.unwrap().len(), 1);
});

/// Taps "apply" on the call page `call` as a browser without the page's script does (a plain
/// form post). Where the answer sends the browser back to.
async fn apply_without_script(actor: &Browser, call: i64) -> String {
    let page = format!("/casting/{call}");
    let answer =
        actor.submit_plain("/api/call/apply", &page, &[("call_id", &call.to_string())]).await;
    assert!(answer.status().is_redirection(), "{}", answer.status());
    let location = answer.headers()["location"].to_str().expect("an address").to_string();
    assert!(location.starts_with(&format!("{}{page}", actor.base)), "back to the call: {location}");
    location
}

on_both_backends!(
    the_call_page_takes_an_application_without_its_script,
    |backend: Backend| async move {
        // The casting pages load no script (app::bundle::SCRIPTLESS_AREAS): the one-tap form
        // is posted by the browser itself and the call's page says where things stand.
        let app = app(backend).await;
        let (call, _) = seeded_call(&app, "Palace maids").await;
        let (actor, _) = app.actor(&actress(date!(2003 - 05 - 01), 165)).await;
        let before = actor.page(&format!("/casting/{call}"), "en").await;
        assert!(before.contains("You meet every requirement"), "{before}");

        let back = apply_without_script(&actor, call).await;
        assert!(!back.contains("__err"), "{back}");
        let after = actor.page(&back, "en").await;
        assert!(after.contains(r#"data-status="applied" class="application-state""#), "{after}");
        assert_eq!(app.db.store.applicants(call).await.unwrap().len(), 1);

        // A second tap is refused (the reason travels in the address) and records nothing; the
        // page shows the one application.
        let back = apply_without_script(&actor, call).await;
        assert!(back.contains("__err="), "{back}");
        assert!(actor.page(&back, "en").await.contains(r#"data-status="applied""#));
        assert_eq!(app.db.store.applicants(call).await.unwrap().len(), 1);

        // A call she does not qualify for: refused, nothing recorded, the page names why.
        let today = server::backend::studio_today();
        let calls = app.db.store.open_calls(today).await.unwrap();
        let horsemen = calls
            .iter()
            .find(|c| c.requirements.gender == Some(Gender::Male))
            .expect("a seeded call for men")
            .call_id;
        let back = apply_without_script(&actor, horsemen).await;
        assert!(back.contains("__err="), "{back}");
        let refused = actor.page(&back, "en").await;
        assert!(refused.contains(r#"class="ineligible""#), "{refused}");
        assert!(app.db.store.applicants(horsemen).await.unwrap().is_empty());
    }
);

/// A call form as the crew's page posts it (`form[...]` fields), for `days_ahead` days on.
/// The ids of every call the public list shows for `query`, page after page.
async fn every_listed_call(visitor: &Browser, query: &str) -> Vec<i64> {
    let mut ids = Vec::new();
    for page in 1.. {
        let paged = format!("{query}&page={page}");
        let list = json(visitor.call("/api/calls", &[("query", &paged)]).await).await;
        let calls = list["calls"].as_array().unwrap();
        ids.extend(calls.iter().map(|c| c["call_id"].as_i64().unwrap()));
        if i64::from(page) >= list["pages"].as_i64().unwrap() {
            break;
        }
    }
    ids
}

on_both_backends!(open_calls_come_twenty_to_a_page, |backend: Backend| async move {
    let app = app(backend).await;
    let today = server::backend::studio_today();
    let open: Vec<i64> =
        app.db.store.open_calls(today).await.unwrap().iter().map(|c| c.call_id).collect();
    assert!(open.len() > 20, "the seed has more open calls than one page holds");
    let visitor = app.browser();
    let page = |query: &'static str| {
        let visitor = &visitor;
        async move { json(visitor.call("/api/calls", &[("query", query)]).await).await }
    };
    let ids = |list: &serde_json::Value| -> Vec<i64> {
        list["calls"].as_array().unwrap().iter().map(|c| c["call_id"].as_i64().unwrap()).collect()
    };

    // Page after page, in the stored order (soonest deadline first), each call once.
    let first = page("").await;
    assert_eq!((first["page"].as_i64(), first["pages"].as_i64()), (Some(1), Some(2)));
    assert_eq!(first["matched"].as_u64(), Some(open.len() as u64));
    assert_eq!(ids(&first), open[..20]);
    let second = page("page=2").await;
    assert_eq!(second["page"].as_i64(), Some(2));
    assert_eq!(ids(&second), open[20..]);
    // A page past the last is the last; a page that is not a number is the first.
    assert_eq!(ids(&page("page=99").await), open[20..]);
    assert_eq!(ids(&page("page=zwei").await), open[..20]);

    // A narrowed list counts every match and pages through them alone.
    let narrowed = page("skill=none").await;
    let matched = narrowed["matched"].as_u64().unwrap() as usize;
    let all = every_listed_call(&visitor, "skill=none").await;
    assert_eq!(all.len(), matched);
    assert!(matched < open.len());
    assert!(all.iter().all(|id| open.contains(id)));

    // The page shows a link to the next page, keeping the filter.
    let (status, html) = app.page("/casting?skill=none", "en").await;
    assert_eq!(status, 200);
    assert_eq!(html.matches("class=\"call-tile\"").count(), matched.min(20));
    let (_, html) = app.page("/casting", "en").await;
    assert_eq!(html.matches("class=\"call-tile\"").count(), 20);
    assert!(html.contains("rel=\"next\" href=\"/casting?page=2\""), "a link to page 2");
    // (Every call pays more than a yuan a day.)
    let (_, html) = app.page("/casting?pay_min=1&page=2", "zh").await;
    assert!(html.contains("rel=\"prev\" href=\"/casting?pay_min=1&amp;page=1\""));
    assert_eq!(html.matches("class=\"call-tile\"").count(), open.len() - 20);
});

fn call_form(place: &str, days_ahead: i64, extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let today = server::backend::studio_today();
    let day = |n: i64| (today + time::Duration::days(n)).to_string();
    let mut fields: Vec<(String, String)> = [
        ("role_zh", "难民".to_string()),
        ("role_en", "Refugees".to_string()),
        ("description_zh", "逃难的百姓，自备旧布鞋。".to_string()),
        ("location", place.to_string()),
        ("starts_on", day(days_ahead)),
        ("ends_on", day(days_ahead + 2)),
        ("deadline", day(days_ahead - 3)),
        ("pay_per_day", "260.5".to_string()),
        ("needed", "2".to_string()),
        ("age_min", "18".to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (format!("form[{k}]"), v))
    .collect();
    for (k, v) in extra {
        fields.retain(|(key, _)| *key != format!("form[{k}]"));
        if !v.is_empty() {
            fields.push((format!("form[{k}]"), v.to_string()));
        }
    }
    fields
}

fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

async fn call_count(app: &TestApp) -> i64 {
    scalar(&app.db.store, "select count(*) from casting_call").await
}

/// A crew member of the first production an admin has not verified yet.
async fn unverified_crew(app: &TestApp) -> Browser {
    let sql =
        "select production_id from production where not verified order by production_id limit 1";
    let unverified = scalar(&app.db.store, sql).await;
    let org = OrgRef { kind: OrgKind::Production, id: unverified };
    app.logged_in(Role::Crew, Some(org)).await.0
}

/// Where the actor's latest application stands: `(status, reason)`.
async fn latest_state(browser: &Browser) -> (serde_json::Value, serde_json::Value) {
    let work = json(browser.call("/api/work", &[]).await).await;
    (work[0]["state"]["status"].clone(), work[0]["state"]["reason"].clone())
}

on_both_backends!(
    a_crew_posts_edits_and_cancels_a_call_and_everyone_hears,
    |backend: Backend| async move {
        let app = app(backend).await;
        let (maids, production) = seeded_call(&app, "Palace maids").await;
        let place = app
            .db
            .store
            .call(maids, server::backend::studio_today())
            .await
            .unwrap()
            .unwrap()
            .card
            .location_slug;
        let ours = OrgRef { kind: OrgKind::Production, id: production };
        let (crew, _) = app.logged_in(Role::Crew, Some(ours)).await;

        // The empty form for a new call names the production and offers every place.
        let editor = json(crew.call("/api/call/editor", &[]).await).await;
        assert_eq!(editor["call_id"], serde_json::Value::Null);
        assert!(editor["places"].as_array().unwrap().iter().any(|p| p["slug"] == place.as_str()));

        // Every problem of a bad form is named; nothing is stored.
        let before = call_count(&app).await;
        let bad = call_form(
            &place,
            10,
            &[
                ("role_zh", ""),
                ("role_en", ""),
                ("pay_per_day", "abc"),
                ("age_max", "16"),
                ("age_min", "30"),
            ],
        );
        let refused = crew.call("/api/call/save", &pairs(&bad)).await;
        assert_eq!(refused.status(), 422);
        let mut problems = codes(&json(refused).await);
        problems.sort();
        let expected: Vec<(String, String)> = [
            ("age_max", "min_above_max"),
            ("pay_per_day", "not_a_number"),
            ("role_zh", "required"),
        ]
        .iter()
        .map(|(f, c)| (f.to_string(), c.to_string()))
        .collect();
        assert_eq!(problems, expected);
        let nowhere = call_form("no-such-place", 10, &[]);
        let refused = crew.call("/api/call/save", &pairs(&nowhere)).await;
        assert_eq!(codes(&json(refused).await), [("location".to_string(), "invalid".to_string())]);
        assert_eq!(call_count(&app).await, before);

        // Actors, visitors and crews of unverified productions cannot post.
        let good = call_form(&place, 10, &[]);
        let (actor, _) = app.actor(&actress(date!(2000 - 01 - 01), 165)).await;
        assert_eq!(actor.call("/api/call/save", &pairs(&good)).await.status(), 403);
        assert_eq!(app.browser().call("/api/call/save", &pairs(&good)).await.status(), 401);
        let newcomer = unverified_crew(&app).await;
        let refused = newcomer.call("/api/call/save", &pairs(&good)).await;
        assert_eq!(
            codes(&json(refused).await),
            [("production".to_string(), "unverified".to_string())]
        );
        assert_eq!(call_count(&app).await, before);

        // The crew posts it: it is public at once, with its pay, place and requirements, and
        // the public filters find it or leave it out.
        let posted = crew.call("/api/call/save", &pairs(&good)).await;
        assert_eq!(posted.status(), 200);
        let id = json(posted).await.as_i64().expect("the new call's id");
        let id_s = id.to_string();
        let visitor = app.browser();
        let listed = |query: String| {
            let visitor = &visitor;
            async move { every_listed_call(visitor, &query).await.contains(&id) }
        };
        assert!(listed(String::new()).await);
        assert!(listed(format!("pay_min=260&place={place}&gender=male&skill=none")).await);
        assert!(!listed("pay_min=261".to_string()).await);
        let after_shoot = server::backend::studio_today() + time::Duration::days(13);
        assert!(!listed(format!("from={after_shoot}")).await);
        let page = json(visitor.call("/api/call", &[("call_id", &id_s)]).await).await;
        assert_eq!(page["card"]["role_en"], "Refugees");
        assert_eq!(page["card"]["pay_per_day"], 26_050);
        // Left in Chinese only, the description reads the same in English.
        assert_eq!(page["card"]["description_en"], "逃难的百姓，自备旧布鞋。");

        // Two actresses apply; the crew books one. Another production's crew cannot edit.
        let (first, _) = app.actor(&actress(date!(2001 - 02 - 03), 160)).await;
        let (second, _) = app.actor(&actress(date!(2002 - 02 - 03), 162)).await;
        for browser in [&first, &second] {
            assert_eq!(browser.call("/api/call/apply", &[("call_id", &id_s)]).await.status(), 200);
        }
        let view = json(crew.call("/api/call/applicants", &[("call_id", &id_s)]).await).await;
        let ids = application_ids(&view);
        let booked = crew
            .call(
                "/api/call/decide",
                &[("call_id", &id_s), ("application_id", &ids[0]), ("decision", "book")],
            )
            .await;
        assert_eq!(booked.status(), 200);
        let other = OrgRef { kind: OrgKind::Production, id: production % 3 + 1 };
        let (stranger, _) = app.logged_in(Role::Crew, Some(other)).await;
        let mut edit = call_form(&place, 10, &[("needed", "0")]);
        edit.push(("call_id".to_string(), id_s.clone()));
        assert_eq!(stranger.call("/api/call/save", &pairs(&edit)).await.status(), 403);
        assert_eq!(stranger.call("/api/call/cancel", &[("call_id", &id_s)]).await.status(), 403);

        // The editor starts from the stored call; fewer places than booked are refused; as
        // many as booked fill the call and answer the one still waiting.
        let editor = json(crew.call("/api/call/editor", &[("call_id", &id_s)]).await).await;
        assert_eq!(editor["form"]["pay_per_day"], "260.50");
        assert_eq!(editor["booked"], 1);
        let refused = crew.call("/api/call/save", &pairs(&edit)).await;
        assert_eq!(
            codes(&json(refused).await),
            [("needed".to_string(), "out_of_range".to_string())]
        );
        let mut filled = call_form(&place, 10, &[("needed", "1"), ("pay_per_day", "300")]);
        filled.push(("call_id".to_string(), id_s.clone()));
        assert_eq!(crew.call("/api/call/save", &pairs(&filled)).await.status(), 200);
        assert_eq!(
            latest_state(&first).await,
            (serde_json::json!("Booked"), serde_json::Value::Null)
        );
        assert_eq!(
            latest_state(&second).await,
            (serde_json::json!("Released"), serde_json::json!("Filled"))
        );
        let page = json(visitor.call("/api/call", &[("call_id", &id_s)]).await).await;
        assert_eq!(page["card"]["pay_per_day"], 30_000);
        let mut fewer = call_form(&place, 10, &[("needed", "1")]);
        fewer.push(("call_id".to_string(), id_s.clone()));
        execute(
            &app.db.store,
            &format!("update casting_call set needed = 5 where casting_call_id = {id}"),
        )
        .await;
        // A second booking, arranged directly (her application was released when it filled).
        execute(
            &app.db.store,
            &format!(
                "update application set status = 'booked', released_reason = null \
                 where casting_call_id = {id} and status = 'released'"
            ),
        )
        .await;
        let refused = crew.call("/api/call/save", &pairs(&fewer)).await;
        assert_eq!(
            codes(&json(refused).await),
            [("needed".to_string(), "below_booked".to_string())]
        );

        // Cancelling releases everyone, booked actors too, and takes the call off the list.
        assert_eq!(crew.call("/api/call/cancel", &[("call_id", &id_s)]).await.status(), 200);
        assert_eq!(
            latest_state(&first).await,
            (serde_json::json!("Released"), serde_json::json!("Cancelled"))
        );
        assert!(!listed(String::new()).await);
        let page = json(visitor.call("/api/call", &[("call_id", &id_s)]).await).await;
        assert_eq!(
            (page["open"].clone(), page["cancelled"].clone()),
            (serde_json::json!(false), serde_json::json!(true))
        );
        let refused = crew.call("/api/call/save", &pairs(&filled)).await;
        assert_eq!(codes(&json(refused).await), [("call".to_string(), "call_closed".to_string())]);
    }
);

on_both_backends!(
    an_actor_completes_the_profile_and_a_call_needing_a_skill_opens,
    |backend: Backend| async move {
        let app = app(backend).await;
        let today = server::backend::studio_today();
        let calls = app.db.store.open_calls(today).await.unwrap();
        let dancers = calls
            .iter()
            .find(|c| c.requirements.skills == [Skill::Dance])
            .expect("a seeded call needing dance");
        let req = &dancers.requirements;
        // Of an age, height and weight the dancers' call takes, without dance on her profile.
        let age = req.age_range.0.unwrap_or(20).max(18);
        let height = req.height_range_cm.0.unwrap_or(160);
        let weight = req.weight_range_kg.1.unwrap_or(55).min(55);
        let first = dancers.starts_on;
        let born = first.replace_year(first.year() - age as i32 - 1).unwrap();
        let facts = ActorFacts {
            gender: req.gender.unwrap_or(Gender::Female),
            birth_date: born,
            height_cm: height,
            weight_kg: weight,
            skills: vec![],
            training: vec![],
        };
        let (actor, _) = app.actor(&facts).await;
        let call = dancers.call_id.to_string();
        let refused = actor.call("/api/call/apply", &[("call_id", &call)]).await;
        assert_eq!(refused.status(), 422);
        assert_eq!(json(refused).await["Ineligible"], serde_json::json!([{ "Skill": "dance" }]));

        // Her profile, as only she sees it.
        let profile = json(actor.call("/api/profile", &[]).await).await;
        assert_eq!(profile["facts"]["height_cm"], height);
        assert_eq!(profile["discoverable"], false);
        assert_eq!(
            profile["age"],
            server::backend::studio_today().year() as i64
                - born.year() as i64
                - i64::from((today.month() as u8, today.day()) < (born.month() as u8, born.day()))
        );

        // A bad edit names its fields and changes nothing.
        let bad = actor
            .call(
                "/api/profile/save",
                &[("edit[height_cm]", "20"), ("edit[weight_kg]", ""), ("edit[skills][]", "fire")],
            )
            .await;
        assert_eq!(bad.status(), 422);
        let mut problems = codes(&json(bad).await);
        problems.sort();
        assert_eq!(
            problems,
            [
                ("height_cm".to_string(), "out_of_range".to_string()),
                ("skills".to_string(), "invalid".to_string()),
                ("weight_kg".to_string(), "required".to_string()),
            ]
        );
        assert_eq!(json(actor.call("/api/profile", &[]).await).await, profile);

        // She adds dance and a language and lets crews find her: the dancers' call opens.
        let height_s = height.to_string();
        let weight_s = weight.to_string();
        let saved = actor
            .call(
                "/api/profile/save",
                &[
                    ("edit[height_cm]", height_s.as_str()),
                    ("edit[weight_kg]", weight_s.as_str()),
                    ("edit[skills][]", "dance"),
                    ("edit[skills][]", "english"),
                    ("edit[discoverable]", "on"),
                ],
            )
            .await;
        assert_eq!(saved.status(), 200);
        let saved = json(saved).await;
        assert_eq!(saved["facts"]["skills"], serde_json::json!(["dance", "english"]));
        assert_eq!(saved["discoverable"], true);
        assert_eq!(actor.call("/api/call/apply", &[("call_id", &call)]).await.status(), 200);
        // Her data export lists the application with her profile.
        let export = json(actor.get("/account/data").await).await;
        assert_eq!(export["applications"][0]["casting_call_id"], dancers.call_id);
        assert_eq!(export["applications"][0]["status"], "applied");
        assert_eq!(export["actor_profile"]["skills"], serde_json::json!(["dance", "english"]));
        assert_eq!(export["actor_profile"]["discoverable"], true);

        // Unticking the switch hides her again; skills stay as sent (none).
        let hidden = actor
            .call(
                "/api/profile/save",
                &[("edit[height_cm]", height_s.as_str()), ("edit[weight_kg]", weight_s.as_str())],
            )
            .await;
        let hidden = json(hidden).await;
        assert_eq!(hidden["discoverable"], false);
        assert_eq!(hidden["facts"]["skills"], serde_json::json!([]));

        // Nobody else reads or writes a profile.
        assert_eq!(app.browser().call("/api/profile", &[]).await.status(), 401);
        let (crew, _) = app.logged_in(Role::Crew, None).await;
        assert_eq!(crew.call("/api/profile", &[]).await.status(), 403);
        let write = [("edit[height_cm]", "170"), ("edit[weight_kg]", "60")];
        assert_eq!(crew.call("/api/profile/save", &write).await.status(), 403);
    }
);

on_both_backends!(
    the_actor_pool_finds_only_discoverable_actors_and_counts_every_match,
    |backend: Backend| async move {
        let app = app(backend).await;
        let today = server::backend::studio_today();
        let (crew, _) =
            app.logged_in(Role::Crew, Some(OrgRef { kind: OrgKind::Production, id: 1 })).await;

        // Every seeded actor, checked with the domain's own rule: what the pool must find.
        let actors: Vec<(i64, String, time::Date, i64, i64, bool)> = match app.db.store.db() {
            server::storage::Db::Sqlite(pool) => sqlx::query_as(
                "select actor_id, gender, birth_date, height_cm, weight_kg, discoverable from actor",
            )
            .fetch_all(pool)
            .await
            .unwrap(),
            server::storage::Db::Postgres(pool) => sqlx::query_as(
                "select actor_id, gender, birth_date, height_cm, weight_kg, discoverable from actor",
            )
            .fetch_all(pool)
            .await
            .unwrap(),
        };
        assert!(actors.len() >= 2_000);
        let mut facts = Vec::new();
        for (id, gender, birth_date, height_cm, weight_kg, discoverable) in actors {
            let stored = app.db.store.actor_facts(id).await.unwrap().unwrap();
            let gender = Gender::parse(&gender).unwrap();
            let (skills, training) = (stored.skills, stored.training);
            facts.push((
                id,
                discoverable,
                ActorFacts { gender, birth_date, height_cm, weight_kg, skills, training },
            ));
        }
        for query in [
            "",
            "gender=female&age_min=18&age_max=25&height_min=160&height_max=170",
            "gender=male&skill=horse_riding&skill=martial_arts&weight_max=80",
            "age_min=60",
        ] {
            let filter = domain::casting::ActorFilter::from_query(query);
            let matching: Vec<&(i64, bool, ActorFacts)> = facts
                .iter()
                .filter(|(_, d, f)| {
                    *d && filter.admits(f, domain::casting::age_on(f.birth_date, today))
                })
                .collect();
            let found = json(crew.call("/api/actors", &[("query", query)]).await).await;
            assert_eq!(found["total"].as_u64(), Some(matching.len() as u64), "{query}");
            for gender in Gender::ALL {
                let n = matching.iter().filter(|(_, _, f)| f.gender == *gender).count();
                let counted = found["by_gender"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|p| p[0] == gender.code())
                    .map_or(0, |p| p[1].as_u64().unwrap());
                assert_eq!(counted, n as u64, "{query} {gender:?}");
            }
            for skill in Skill::ALL {
                let n = matching.iter().filter(|(_, _, f)| f.skills.contains(skill)).count();
                let counted = found["by_skill"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|p| p[0] == skill.code())
                    .map_or(0, |p| p[1].as_u64().unwrap());
                assert_eq!(counted, n as u64, "{query} {skill:?}");
            }
            // The first page: the oldest profiles first, fifty at most, nothing private.
            let mut ids: Vec<i64> = matching.iter().map(|(id, _, _)| *id).collect();
            ids.sort();
            ids.truncate(50);
            let shown: Vec<i64> = found["actors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["actor_id"].as_i64().unwrap())
                .collect();
            assert_eq!(shown, ids, "{query}");
            let text = found.to_string();
            assert!(!text.contains("birth_date") && !text.contains("phone"), "{query}");
        }
        // Page two goes on where page one stopped.
        let second = json(crew.call("/api/actors", &[("query", "page=2")]).await).await;
        assert_eq!(second["page"], 2);
        let first = json(crew.call("/api/actors", &[("query", "")]).await).await;
        let last_of_first = first["actors"][49]["actor_id"].as_i64().unwrap();
        assert!(second["actors"][0]["actor_id"].as_i64().unwrap() > last_of_first);

        // Crews of unverified productions and actors do not search the pool.
        let newcomer = unverified_crew(&app).await;
        assert_eq!(newcomer.call("/api/actors", &[("query", "")]).await.status(), 403);
    }
);

on_both_backends!(a_crew_lists_every_call_of_its_production, |backend: Backend| async move {
    let app = app(backend).await;
    let (maids, production) = maids_needing_three(&app).await;
    let (actor, _) = app.actor(&actress(time::macros::date!(2004 - 03 - 08), 164)).await;
    assert_eq!(
        actor.call("/api/call/apply", &[("call_id", &maids.to_string())]).await.status(),
        200
    );
    let (crew, _) =
        app.logged_in(Role::Crew, Some(OrgRef { kind: OrgKind::Production, id: production })).await;
    let ours = json(crew.call("/api/calls/ours", &[]).await).await;
    let ours = ours.as_array().unwrap();
    let stored = scalar(
        &app.db.store,
        &format!("select count(*) from casting_call where production_id = {production}"),
    )
    .await;
    assert_eq!(ours.len() as i64, stored, "open, closed and cancelled alike");
    assert!(ours.iter().any(|c| c["open"] == false), "the seed closes some calls");
    let row = ours.iter().find(|c| c["card"]["call_id"] == maids).expect("the maids' call");
    let waiting = scalar(
        &app.db.store,
        &format!(
            "select count(*) from application where casting_call_id = {maids} \
             and status in ('applied', 'shortlisted')"
        ),
    )
    .await;
    assert!(waiting >= 1);
    assert_eq!(row["waiting"], waiting);
    assert!(row["applications"].as_i64().unwrap() >= waiting);
    // Latest first shooting day first.
    let starts: Vec<time::Date> = ours
        .iter()
        .map(|c| serde_json::from_value(c["card"]["starts_on"].clone()).unwrap())
        .collect();
    assert!(starts.windows(2).all(|w| w[0] >= w[1]), "{starts:?}");
    assert_eq!(actor.call("/api/calls/ours", &[]).await.status(), 403);
    assert_eq!(app.browser().call("/api/calls/ours", &[]).await.status(), 401);
});
