//! Actors' look photos over real HTTP on both backends: an actor uploads one with the day it
//! was taken (checked, re-encoded, replaced by the next), and the file is served only to the
//! actor, to crews who see the actor (among their call's applicants, or in a verified
//! production's pool when the actor is discoverable) and to admins — never to visitors, other
//! actors, suppliers or other crews. Removing the photo or the account removes the files.

mod support;

use app::models::{OrgKind, OrgRef};
use domain::account::Role;
use domain::casting::ActorFacts;
use domain::vocab::Gender;
use support::{Backend, Browser, TestApp, TestDb, execute, json, test_png};

async fn app(backend: Backend) -> TestApp {
    TestApp::spawn_with(TestDb::seeded(backend).await, 10_000).await
}

fn actress() -> ActorFacts {
    ActorFacts {
        gender: Gender::Female,
        birth_date: time::macros::date!(2002 - 06 - 15),
        height_cm: 165,
        weight_kg: 50,
        skills: vec![],
        training: vec![],
    }
}

async fn upload_look(browser: &Browser, bytes: Vec<u8>, taken_on: &str) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .part("photo", reqwest::multipart::Part::bytes(bytes).file_name("me.png"))
        .text("taken_on", taken_on.to_string());
    browser
        .client
        .post(format!("{}/profile/look", browser.base))
        .header("origin", &browser.base)
        .multipart(form)
        .send()
        .await
        .expect("request")
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_string()
}

fn look_files(app: &TestApp) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(app.media_dir.join("looks")) else { return Vec::new() };
    let mut names: Vec<String> =
        entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

fn days_ago(days: i64) -> String {
    (server::backend::studio_today() - time::Duration::days(days)).to_string()
}

/// A verified production other than `not` (the seed has a second one).
async fn verified_production_besides(app: &TestApp, not: i64) -> i64 {
    support::scalar(
        &app.db.store,
        &format!(
            "select min(production_id) from production where verified and production_id <> {not}"
        ),
    )
    .await
}

on_both_backends!(an_actor_keeps_one_dated_look_photo, |backend: Backend| async move {
    let app = app(backend).await;
    let (actor, _) = app.actor(&actress()).await;
    let profile = json(actor.call("/api/profile", &[]).await).await;
    assert!(profile["look"].is_null());

    // Refusals come back to the profile's look section, and keep nothing.
    let future = (server::backend::studio_today() + time::Duration::days(1)).to_string();
    let response = upload_look(&actor, test_png(600, 800), &future).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/profile?look_error=taken_on.look_in_future#look");
    let response = upload_look(&actor, test_png(600, 800), "2001-01-01").await;
    assert_eq!(location(&response), "/profile?look_error=taken_on.look_before_birth#look");
    let response = upload_look(&actor, b"GIF89a not a photo".to_vec(), &days_ago(3)).await;
    assert_eq!(location(&response), "/profile?look_error=photo.photo_type#look");
    let response = upload_look(&actor, test_png(600, 150), &days_ago(3)).await;
    assert_eq!(location(&response), "/profile?look_error=photo.photo_too_small#look");
    assert!(look_files(&app).is_empty());
    assert!(json(actor.call("/api/profile", &[]).await).await["look"].is_null());

    // A photo taken 100 days ago is kept, in a portrait thumbnail, and marked stale.
    let response = upload_look(&actor, test_png(900, 1200), &days_ago(100)).await;
    assert_eq!(location(&response), "/profile?look=saved#look");
    let look = json(actor.call("/api/profile", &[]).await).await["look"].clone();
    let taken_on: time::Date = serde_json::from_value(look["taken_on"].clone()).unwrap();
    assert_eq!(taken_on.to_string(), days_ago(100));
    assert_eq!(look["stale"], true);
    let key = look["key"].as_str().unwrap().to_string();
    assert_eq!(look_files(&app), vec![format!("{key}-large.jpg"), format!("{key}-thumb.jpg")]);
    let thumb = actor.get(&format!("/media/looks/{key}-thumb.jpg")).await;
    assert_eq!(thumb.status(), 200);
    assert_eq!(thumb.headers()["content-type"], "image/jpeg");
    assert!(thumb.headers()["cache-control"].to_str().unwrap().starts_with("private"));
    let thumb = image::load_from_memory(&thumb.bytes().await.unwrap()).unwrap();
    assert_eq!((thumb.width(), thumb.height()), server::media::LOOK_THUMB);

    // A new photo replaces it: fresh, and the old files are gone.
    let response = upload_look(&actor, test_png(800, 1000), &days_ago(2)).await;
    assert_eq!(location(&response), "/profile?look=saved#look");
    let look = json(actor.call("/api/profile", &[]).await).await["look"].clone();
    assert_eq!(look["stale"], false);
    let new_key = look["key"].as_str().unwrap().to_string();
    assert_ne!(new_key, key);
    assert_eq!(
        look_files(&app),
        vec![format!("{new_key}-large.jpg"), format!("{new_key}-thumb.jpg")]
    );
    assert_eq!(actor.get(&format!("/media/looks/{key}-thumb.jpg")).await.status(), 404);

    // The data download names it; the page shows it to its owner.
    let data = json(actor.get("/account/data").await).await;
    assert_eq!(
        data["actor_profile"]["look"]["file"].as_str(),
        Some(format!("/media/looks/{new_key}-large.jpg").as_str())
    );

    // Removing it removes the files.
    let response = actor
        .client
        .post(format!("{}/profile/look/remove", actor.base))
        .header("origin", &actor.base)
        .send()
        .await
        .unwrap();
    assert_eq!(location(&response), "/profile?look=saved#look");
    assert!(json(actor.call("/api/profile", &[]).await).await["look"].is_null());
    assert!(look_files(&app).is_empty());

    // Only actors have looks; visitors are sent to log in; posts from elsewhere are refused.
    let (crew, _) =
        app.logged_in(Role::Crew, Some(OrgRef { kind: OrgKind::Production, id: 1 })).await;
    let response = upload_look(&crew, test_png(600, 800), &days_ago(1)).await;
    assert_eq!(location(&response), "/profile?look_error=forbidden#look");
    // A visitor's upload is answered before its body is read (as for location photos): a small
    // body, so the answer arrives before the client has to stop writing.
    let response = upload_look(&app.browser(), test_png(30, 40), &days_ago(1)).await;
    assert_eq!(location(&response), "/login?next=/profile");
    let foreign = actor
        .client
        .post(format!("{}/profile/look/remove", actor.base))
        .header("origin", "https://elsewhere.example")
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), 403);
    assert!(look_files(&app).is_empty());
});

on_both_backends!(a_look_is_seen_only_by_those_who_see_the_actor, |backend: Backend| async move {
    let app = app(backend).await;
    let today = server::backend::studio_today();
    let calls = app.db.store.open_calls(today).await.unwrap();
    let maids = calls.iter().find(|c| c.role_en == "Palace maids").expect("seeded call");
    let production = app.db.store.call(maids.call_id, today).await.unwrap().unwrap().production_id;
    let (actor, account_id) = app.actor(&actress()).await;
    let response = upload_look(&actor, test_png(600, 800), &days_ago(5)).await;
    assert_eq!(location(&response), "/profile?look=saved#look");
    let key = json(actor.call("/api/profile", &[]).await).await["look"]["key"]
        .as_str()
        .unwrap()
        .to_string();
    let file = format!("/media/looks/{key}-thumb.jpg");

    let own_crew = app
        .logged_in(Role::Crew, Some(OrgRef { kind: OrgKind::Production, id: production }))
        .await
        .0;
    let other = verified_production_besides(&app, production).await;
    let other_crew =
        app.logged_in(Role::Crew, Some(OrgRef { kind: OrgKind::Production, id: other })).await.0;
    let (other_actor, _) = app.actor(&actress()).await;
    let (supplier, _) =
        app.logged_in(Role::Supplier, Some(OrgRef { kind: OrgKind::Supplier, id: 1 })).await;
    let admin = app.browser();
    admin.log_in("admin@backlot.local", "backlot-admin-demo").await;

    // Before applying and while not discoverable: the actor and admins only.
    assert_eq!(app.browser().get(&file).await.status(), 401);
    for (who, browser) in [
        ("own crew", &own_crew),
        ("other crew", &other_crew),
        ("other actor", &other_actor),
        ("supplier", &supplier),
    ] {
        assert_eq!(browser.get(&file).await.status(), 404, "{who}");
    }
    assert_eq!(actor.get(&file).await.status(), 200);
    assert_eq!(admin.get(&file).await.status(), 200);
    // Names that are not a look's files are nothing at all.
    assert_eq!(admin.get("/media/looks/..%2F..%2Fbacklot.db").await.status(), 404);
    assert_eq!(admin.get(&format!("/media/looks/{key}.jpg")).await.status(), 404);

    // Once she applies, the call's crew sees her look among the applicants; others still not.
    let applied = actor.call("/api/call/apply", &[("call_id", &maids.call_id.to_string())]).await;
    assert_eq!(applied.status(), 200);
    let view = json(
        own_crew
            .call("/api/call/applicants", &[("call_id", &maids.call_id.to_string()), ("query", "")])
            .await,
    )
    .await;
    let listed =
        view["applicants"].as_array().unwrap().iter().find(|a| a["look"]["key"] == key.as_str());
    assert!(listed.is_some(), "the applicant's look is listed");
    assert_eq!(own_crew.get(&file).await.status(), 200);
    assert_eq!(other_crew.get(&file).await.status(), 404);

    // Discoverable: a verified production's crew finds her in the pool, with the look.
    let actor_id = app.db.store.actor_of(account_id).await.unwrap().unwrap();
    execute(
        &app.db.store,
        &format!("update actor set discoverable = true where actor_id = {actor_id}"),
    )
    .await;
    assert_eq!(other_crew.get(&file).await.status(), 200);
    assert_eq!(other_actor.get(&file).await.status(), 404);
    assert_eq!(supplier.get(&file).await.status(), 404);

    // Deleting the account removes the files.
    let deleted = actor.call("/api/delete-account", &[("password", support::TEST_PASSWORD)]).await;
    assert_eq!(deleted.status(), 200, "{:?}", deleted.text().await);
    assert!(look_files(&app).is_empty());
    assert_eq!(admin.get(&file).await.status(), 404);
});
