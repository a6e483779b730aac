//! Shortlists over real HTTP on SQLite and PostgreSQL: a crew member keeps locations, shares a
//! read-only link that shows locations but never the person, and compares up to four.

mod support;

use app::models::{OrgKind, OrgRef};
use domain::account::Role;
use support::{Backend, Browser, TestApp, TestDb};

const PRODUCTION_1: OrgRef = OrgRef { kind: OrgKind::Production, id: 1 };

async fn json(browser: &Browser, endpoint: &str, form: &[(&str, &str)]) -> serde_json::Value {
    let response = browser.call(endpoint, form).await;
    assert_eq!(response.status(), 200, "{endpoint}");
    response.json().await.unwrap()
}

fn slugs(pins: &serde_json::Value) -> Vec<String> {
    pins.as_array().unwrap().iter().map(|p| p["slug"].as_str().unwrap().to_string()).collect()
}

on_both_backends!(a_shortlist_is_kept_shared_and_compared, |backend: Backend| async move {
    let app = TestApp::spawn(TestDb::seeded(backend).await).await;
    let all: Vec<String> =
        app.db.store.location_pins().await.unwrap().into_iter().map(|p| p.slug).collect();
    let (crew, _) = app.logged_in(Role::Crew, Some(PRODUCTION_1)).await;

    // Added in order; adding twice changes nothing; unknown locations are refused.
    for slug in all.iter().take(6).chain(all.iter().take(1)) {
        json(&crew, "/api/shortlist/add", &[("slug", slug)]).await;
    }
    assert_eq!(crew.call("/api/shortlist/add", &[("slug", "no-such-place")]).await.status(), 404);
    let mine = json(&crew, "/api/shortlist", &[]).await;
    assert_eq!(slugs(&mine["pins"]), all[..6].to_vec());
    assert!(mine["share_token"].is_null());
    let page = json(&crew, "/api/location", &[("slug", &all[0])]).await;
    assert_eq!(page["shortlisted"], true);
    let page = json(&crew, "/api/location", &[("slug", &all[10])]).await;
    assert_eq!(page["shortlisted"], false);
    let anonymous = app.browser();
    let page = json(&anonymous, "/api/location", &[("slug", &all[0])]).await;
    assert!(page["shortlisted"].is_null());

    // The shared link shows the production and the locations, not the person.
    let token = json(&crew, "/api/shortlist/share", &[]).await;
    let token = token.as_str().unwrap().to_string();
    assert!(token.len() >= 32);
    let shared = anonymous.call("/api/shortlist/shared", &[("token", &token)]).await;
    assert_eq!(shared.status(), 200);
    let body = shared.text().await.unwrap();
    assert!(!body.contains("测试 Test") && !body.contains("@test.backlot.local"), "{body}");
    let shared: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(slugs(&shared["pins"]), all[..6].to_vec());
    assert!(shared["production"].is_array());

    // It follows the shortlist; a new link ends the old one.
    json(&crew, "/api/shortlist/remove", &[("slug", &all[1])]).await;
    let shared = json(&anonymous, "/api/shortlist/shared", &[("token", &token)]).await;
    assert_eq!(slugs(&shared["pins"]).len(), 5);
    let newer = json(&crew, "/api/shortlist/share", &[]).await;
    assert_ne!(newer.as_str().unwrap(), token);
    let old = anonymous.call("/api/shortlist/shared", &[("token", &token)]).await;
    assert_eq!(old.status(), 404);
    assert_eq!(json(&crew, "/api/shortlist", &[]).await["share_token"], newer);

    // Compare takes at most four, in the order asked, and skips unknown slugs.
    let asked = format!("{},nope,{},{},{},{}", all[5], all[2], all[3], all[4], all[0]);
    // Each comes with its first photo as its cover, if it has any.
    let target = app.db.store.photo_target(&all[2]).await.unwrap().unwrap();
    let photo = server::storage::photos::NewPhoto {
        of: server::storage::photos::PhotoOf::Location(target.location_id),
        file_key: "cover-key",
        width: 1600,
        height: 1067,
        thumb: (480, 320),
        caption: "正门",
        uploaded_by: 1,
        now: 1,
    };
    app.db.store.add_photo(photo).await.unwrap();
    let compared = json(&anonymous, "/api/compare", &[("slugs", &asked)]).await;
    let locations = compared["locations"].as_array().unwrap();
    let pins: Vec<serde_json::Value> = locations.iter().map(|l| l[0].clone()).collect();
    assert_eq!(slugs(&pins.into()), vec![all[5].clone(), all[2].clone(), all[3].clone()]);
    let covers: Vec<&serde_json::Value> = locations.iter().map(|l| &l[1]).collect();
    assert!(covers[0].is_null() && covers[2].is_null());
    assert_eq!(
        (covers[1]["key"].as_str(), covers[1]["caption"].as_str()),
        (Some("cover-key"), Some("正门"))
    );
    assert!(!compared["today"].is_null(), "the studio's date comes with it: {compared}");
});

on_both_backends!(a_shortlist_holds_at_most_fifty, |backend: Backend| async move {
    let db = TestDb::seeded(backend).await;
    let all: Vec<String> =
        db.store.location_pins().await.unwrap().into_iter().map(|p| p.slug).collect();
    use server::storage::shortlists::{Added, SHORTLIST_MAX};
    let max = SHORTLIST_MAX as usize;
    assert!(all.len() > max, "the seed has more locations than a shortlist holds");
    let account = 2;
    for slug in &all[..max] {
        assert_eq!(db.store.shortlist_add(account, slug, 0).await.unwrap(), Added::Done);
    }
    assert_eq!(db.store.shortlist_add(account, &all[max], 0).await.unwrap(), Added::Full);
    // Already on the list is still fine when full.
    assert_eq!(db.store.shortlist_add(account, &all[0], 0).await.unwrap(), Added::Done);
    assert_eq!(db.store.shortlist(account).await.unwrap(), all[..max].to_vec());
    assert_eq!(db.store.shortlist_add(account, "nope", 0).await.unwrap(), Added::NoSuchLocation);
});

// Concurrent writers that read before they write (count the list, then insert) must queue, not
// fail: on SQLite a deferred transaction would be refused at once (SQLITE_BUSY_SNAPSHOT).
on_both_backends!(concurrent_adds_all_succeed, |backend: Backend| async move {
    let db = TestDb::seeded(backend).await;
    let slugs: Vec<String> =
        db.store.location_pins().await.unwrap().into_iter().take(10).map(|p| p.slug).collect();
    let mut tasks = Vec::new();
    for account in 1..=6_i64 {
        for slug in &slugs {
            let (store, slug) = (db.store.clone(), slug.clone());
            tasks.push(tokio::spawn(async move { store.shortlist_add(account, &slug, 0).await }));
        }
    }
    for task in tasks {
        let added = task.await.unwrap().expect("no storage error");
        assert!(matches!(added, server::storage::shortlists::Added::Done), "{added:?}");
    }
    for account in 1..=6_i64 {
        assert_eq!(db.store.shortlist(account).await.unwrap().len(), slugs.len());
    }
});
