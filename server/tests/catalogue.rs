//! Catalogue search over the seeded 4,500 items: text in Chinese, pinyin, initials and English,
//! facet counts checked against SQL counts on the same database, and an index that notices
//! changes made by anyone. Every test runs on SQLite and PostgreSQL.

mod support;

use app::backend::Backend as _;
use app::models::{CatalogueView, FacetGroup};
use domain::catalogue::{CatalogueQuery, Facet};
use server::backend::ServerBackend;
use server::media::MediaStore;
use server::storage::{Db, Store};
use support::{Backend, TestApp, TestDb, execute};

fn backend_for(store: &Store) -> ServerBackend {
    ServerBackend::new(
        store.clone(),
        app::models::TileSource::default(),
        MediaStore::new(&std::env::temp_dir().join("backlot_catalogue_test_media")),
    )
}

async fn search(backend: &ServerBackend, query: &str) -> CatalogueView {
    backend.catalogue(&CatalogueQuery::from_query(query), 48).await.expect("search")
}

/// One number from SQL.
async fn count(store: &Store, sql: &str) -> u32 {
    let n: i64 = match store.db() {
        Db::Sqlite(pool) => sqlx::query_scalar(sql).fetch_one(pool).await.unwrap(),
        Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await.unwrap(),
    };
    u32::try_from(n).unwrap()
}

fn group(view: &CatalogueView, facet: Facet) -> &FacetGroup {
    view.facets.iter().find(|g| g.facet == facet).expect("facet present")
}

fn option_count(view: &CatalogueView, facet: Facet, code: &str) -> u32 {
    group(view, facet).options.iter().find(|o| o.code == code).map_or(0, |o| o.count)
}

on_both_backends!(
    chinese_pinyin_initials_and_english_find_the_same_robes,
    |backend: Backend| async move {
        let db = TestDb::seeded(backend).await;
        let backend = backend_for(&db.store);
        let robes = count(&db.store, "select count(*) from item where name_zh like '%龙袍%'").await;
        assert!(robes > 10, "the seed has only {robes} dragon robes");

        let chinese = search(&backend, "q=龙袍").await;
        let pinyin = search(&backend, "q=longpao").await;
        // Both find every robe named 龙袍 (and the dragon-robe sub-category by its name).
        assert!(chinese.total >= robes, "龙袍 found {} of {robes}", chinese.total);
        assert_eq!(chinese.total, pinyin.total, "龙袍 and longpao differ");
        for hit in &pinyin.hits {
            let named = hit.card.name_zh.contains("龙袍");
            assert!(named || hit.card.subcategory_zh == "龙袍", "{} is no robe", hit.card.name_zh);
        }
        // Best matches first: names holding the word come before sub-category matches.
        let first_unnamed = pinyin.hits.iter().position(|h| !h.card.name_zh.contains("龙袍"));
        if let Some(at) = first_unnamed {
            assert!(pinyin.hits[at..].iter().all(|h| !h.card.name_zh.contains("龙袍")));
        }
        // The match is marked in the name, in characters, for pinyin as for Chinese.
        let hit = pinyin.hits.iter().find(|h| h.card.name_zh.contains("龙袍")).unwrap();
        let marked: String =
            hit.name_zh.iter().filter(|(_, m)| *m).map(|(t, _)| t.as_str()).collect();
        assert_eq!(marked, "龙袍", "{:?}", hit.name_zh);

        let initials = search(&backend, "q=lp&cat=costume").await;
        assert!(initials.hits.iter().any(|h| h.card.name_zh.contains("龙袍")));
        let english = search(&backend, "q=dragon+robe").await;
        assert!(english.total > 0);
        assert!(english.hits.iter().all(|h| h.card.name_en.to_lowercase().contains("dragon")
            || h.card.subcategory_en.to_lowercase().contains("dragon")));

        // A typo is forgiven only when nothing matches as typed, and says so.
        let typo = search(&backend, "q=longpoa").await;
        let names: Vec<&str> = typo.hits.iter().take(3).map(|h| h.card.name_zh.as_str()).collect();
        assert!(typo.forgiving, "longpoa matched {names:?} as typed");
        assert!(typo.total > 0);
        assert!(!pinyin.forgiving);
        let nothing = search(&backend, "q=xyzzyplugh").await;
        assert_eq!((nothing.total, nothing.hits.len()), (0, 0));

        // A SKU finds exactly its item.
        let sku = search(&backend, "q=co-00001").await;
        assert_eq!(sku.hits.first().map(|h| h.card.sku.as_str()), Some("CO-00001"));
    }
);

on_both_backends!(facet_counts_match_sql_with_the_other_filters, |backend: Backend| async move {
    let db = TestDb::seeded(backend).await;
    let backend = backend_for(&db.store);
    let view = search(&backend, "cat=costume&era=qing,ming&size=l").await;
    let total = count(
        &db.store,
        "select count(*) from item where category = 'costume' and era in ('qing', 'ming') \
         and size = 'l'",
    )
    .await;
    assert_eq!(view.total, total);
    assert!(total > 0, "no Qing or Ming costumes in L");
    assert!(view.hits.iter().all(|h| h.card.size.map(|s| s.code()) == Some("l")));
    // Each facet's counts ignore that facet's own choice and apply all the others.
    for (era, expected) in [("qing", "qing"), ("tang", "tang")] {
        let sql = format!(
            "select count(*) from item where category = 'costume' and size = 'l' \
             and era = '{expected}'"
        );
        assert_eq!(option_count(&view, Facet::Era, era), count(&db.store, &sql).await, "{era}");
    }
    let props = count(
        &db.store,
        "select count(*) from item where category = 'prop' and era in ('qing', 'ming') \
         and size = 'l'",
    )
    .await;
    assert_eq!(option_count(&view, Facet::Category, "prop"), props, "props have no size");
    assert_eq!(props, 0);
    let m = count(
        &db.store,
        "select count(*) from item where category = 'costume' and era in ('qing', 'ming') \
         and size = 'm'",
    )
    .await;
    assert_eq!(option_count(&view, Facet::Size, "m"), m);
    let silk = count(
        &db.store,
        "select count(*) from item where category = 'costume' and era in ('qing', 'ming') \
         and size = 'l' and material = 'silk'",
    )
    .await;
    assert_eq!(option_count(&view, Facet::Material, "silk"), silk);
    // Chosen values are flagged; every sub-category and supplier is listed even at zero.
    assert!(group(&view, Facet::Era).options.iter().filter(|o| o.selected).count() == 2);
    let subs = count(&db.store, "select count(*) from subcategory").await;
    assert_eq!(group(&view, Facet::Subcategory).options.len() as u32, subs);

    // Price bounds (whole yuan) narrow before counting; prices sort both ways.
    let cheap = search(&backend, "cat=prop&rate_max=50&sort=price_desc").await;
    let expected = count(
        &db.store,
        "select count(*) from item where category = 'prop' and daily_rate_fen <= 5000",
    )
    .await;
    assert_eq!(cheap.total, expected);
    let rates: Vec<i64> = cheap.hits.iter().map(|h| h.card.daily_rate.fen()).collect();
    assert!(rates.windows(2).all(|w| w[0] >= w[1]), "{rates:?}");
    assert!(rates.iter().all(|r| *r <= 5000));

    // Pages hold 48, in a stable order, and past the end is empty.
    let all = search(&backend, "").await;
    assert_eq!(all.total, 4_500);
    assert_eq!(all.pages, 94);
    let last = search(&backend, "page=94").await;
    assert_eq!(last.hits.len(), 4_500 - 93 * 48);
    assert!(search(&backend, "page=95").await.hits.is_empty());
});

on_both_backends!(the_index_notices_changes_made_by_anyone, |backend: Backend| async move {
    let db = TestDb::seeded(backend).await;
    let backend = backend_for(&db.store);
    assert_eq!(search(&backend, "q=独角兽").await.total, 0);
    // Another instance (or an import) renames an item straight in the database.
    execute(&db.store, "update item set name_zh = '独角兽头饰' where sku = 'MU-00001'").await;
    let found = search(&backend, "q=dujiaoshou").await;
    assert_eq!(found.hits.iter().map(|h| h.card.sku.as_str()).collect::<Vec<_>>(), ["MU-00001"]);
    assert_eq!(search(&backend, "q=独角兽").await.total, 1);
    // Answers are kept per revision: a repeated search shows a photo added since.
    let thumb = |view: &CatalogueView| view.hits.first().and_then(|h| h.card.thumb.clone());
    assert_eq!(thumb(&search(&backend, "q=dujiaoshou").await), None);
    execute(
        &db.store,
        "insert into item_photo (item_id, file_key, width, height, thumb_width, thumb_height, \
         created_at) select item_id, 'unicorn-key', 960, 640, 480, 320, 1 from item \
         where sku = 'MU-00001'",
    )
    .await;
    assert_eq!(thumb(&search(&backend, "q=dujiaoshou").await).as_deref(), Some("unicorn-key"));
});

on_both_backends!(the_page_works_from_its_url_alone, |backend: Backend| async move {
    let app = TestApp::spawn(TestDb::seeded(backend).await).await;
    let (status, html) = app.page("/catalogue?q=longpao&cat=costume", "zh-CN").await;
    assert_eq!(status, 200);
    // Without the markers hydration needs between text nodes (`<mark>龙袍<!></mark>`).
    let html = html.replace("<!>", "");
    assert!(html.contains("<mark>龙袍</mark>"), "no highlighted match in the HTML");
    // Facet values are links carrying the rest of the query; the search form carries it too.
    assert!(html.contains("href=\"/catalogue?q=longpao&amp;cat=costume&amp;era=qing\""));
    assert!(html.contains("<input type=\"hidden\" name=\"cat\" value=\"costume\""));
    // Values that would give nothing are shown, disabled.
    assert!(html.contains("aria-disabled=\"true\""));

    let response = app
        .client
        .post(app.url("/api/catalogue"))
        .form(&[("query", "q=lp&cat=costume&page=2")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let view: serde_json::Value = response.json().await.unwrap();
    assert_eq!(view["page"], 2);
    assert!(view["total"].as_u64().unwrap() > 0);
});

on_both_backends!(a_crews_declared_era_comes_with_the_results, |backend: Backend| async move {
    let app = TestApp::spawn(TestDb::seeded(backend).await).await;
    let era_of = |body: serde_json::Value| body["production_era"].clone();
    let visitor = app.call("/api/catalogue", &[("query", "q=longpao")]).await;
    assert_eq!(era_of(visitor.json().await.unwrap()), serde_json::Value::Null);
    // The seed's first production is set in the Tang dynasty.
    let production = app::models::OrgRef { kind: app::models::OrgKind::Production, id: 1 };
    let (crew, _) = app.logged_in(domain::account::Role::Crew, Some(production)).await;
    let answer = crew.call("/api/catalogue", &[("query", "q=longpao")]).await;
    assert_eq!(answer.status(), 200);
    assert_eq!(era_of(answer.json().await.unwrap()), "tang");
    let (actor, _) = app.logged_in(domain::account::Role::Actor, None).await;
    let answer = actor.call("/api/catalogue", &[("query", "")]).await;
    assert_eq!(era_of(answer.json().await.unwrap()), serde_json::Value::Null);
    // The answer the server keeps for the query is nobody's: the visitor's stays without era.
    let again = app.call("/api/catalogue", &[("query", "q=longpao")]).await;
    assert_eq!(era_of(again.json().await.unwrap()), serde_json::Value::Null);
});
