//! A stock supplier's inventory over real HTTP on SQLite and PostgreSQL: adding, editing,
//! retiring and bringing back items; CSV imports that apply every row or report every bad row
//! (line, column, reason) and change nothing; the export imports back unchanged; the count
//! owned never drops below what reservations hold; nobody else touches a supplier's items.

mod support;

use app::models::{OrgKind, OrgRef};
use domain::account::Role;
use domain::stock::Days;
use server::storage::Store;
use server::storage::reservations::{NewReservation, Reserved};
use support::{Backend, Browser, TestApp, TestDb, codes, json, scalar};
use time::Duration;

const HEADER: &str = "sku,name_zh,name_en,category,subcategory,era,colour,material,size,condition,quantity_owned,daily_rate,deposit,tags";

/// A stock supplier of the seed and the code of a costume sub-category.
async fn stock_supplier(store: &Store) -> (i64, i64, String) {
    let supplier =
        scalar(store, "select min(supplier_id) from supplier where kind = 'stock'").await;
    let other = scalar(
        store,
        &format!("select max(supplier_id) from supplier where kind = 'stock' and supplier_id <> {supplier}"),
    )
    .await;
    let sub = store
        .subcategory_rows()
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.category == "costume")
        .expect("a costume sub-category")
        .code;
    (supplier, other, sub)
}

async fn member(app: &TestApp, supplier_id: i64) -> Browser {
    app.logged_in(Role::Supplier, Some(OrgRef { kind: OrgKind::Supplier, id: supplier_id })).await.0
}

fn form(fields: &[(&'static str, String)]) -> Vec<(String, String)> {
    fields.iter().map(|(k, v)| (format!("form[{k}]"), v.clone())).collect()
}

fn robe(sku: &str, sub: &str, owned: i64) -> Vec<(&'static str, String)> {
    vec![
        ("sku", sku.into()),
        ("name_zh", "测试龙袍".into()),
        ("name_en", "Test dragon robe".into()),
        ("category", "costume".into()),
        ("subcategory", sub.into()),
        ("era", "qing".into()),
        ("colour", "yellow".into()),
        ("material", "silk".into()),
        ("size", "l".into()),
        ("condition", "good".into()),
        ("quantity_owned", owned.to_string()),
        ("daily_rate", "350.5".into()),
        ("deposit", "2000".into()),
        ("tags", "龙纹|宫廷".into()),
    ]
}

async fn save(
    who: &Browser,
    item_id: Option<i64>,
    fields: &[(&'static str, String)],
) -> reqwest::Response {
    let mut pairs = form(fields);
    if let Some(id) = item_id {
        pairs.push(("item_id".into(), id.to_string()));
    }
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    who.call("/api/supply/item/save", &borrowed).await
}

/// SKUs the catalogue search finds for the text `q`.
async fn catalogue_skus(app: &TestApp, q: &str) -> Vec<String> {
    let response = app.call("/api/catalogue", &[("query", &format!("q={q}"))]).await;
    assert_eq!(response.status(), 200);
    let view = json(response).await;
    view["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["card"]["sku"].as_str().unwrap().to_string())
        .collect()
}

async fn import(who: &Browser, bytes: Vec<u8>) -> serde_json::Value {
    let response = who.upload_file("/supply/items/import", "file", "stock.csv", bytes).await;
    assert_eq!(response.status(), 200);
    json(response).await
}

/// The `(line, column, code)` triples of a refused import.
fn problems(report: &serde_json::Value) -> Vec<(u64, String, String)> {
    report["Refused"]
        .as_array()
        .unwrap_or_else(|| panic!("refused: {report}"))
        .iter()
        .map(|p| {
            (
                p["line"].as_u64().unwrap(),
                p["column"].as_str().unwrap().to_string(),
                p["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

async fn owned(store: &Store, sku: &str) -> Option<i64> {
    let n = scalar(store, &format!("select count(*) from item where sku = '{sku}'")).await;
    if n == 0 {
        return None;
    }
    Some(scalar(store, &format!("select quantity_owned from item where sku = '{sku}'")).await)
}

on_both_backends!(a_supplier_adds_edits_and_retires_its_items, |backend: Backend| async move {
    let app = TestApp::spawn(TestDb::seeded(backend).await).await;
    let store = &app.db.store;
    let (supplier, other, sub) = stock_supplier(store).await;
    let desk = member(&app, supplier).await;
    let rival = member(&app, other).await;

    // Added: it is in the catalogue, found by its SKU.
    let response = save(&desk, None, &robe("TEST-ROBE-1", &sub, 4)).await;
    assert_eq!(response.status(), 200);
    let item_id: i64 = json(response).await.as_i64().unwrap();
    assert_eq!(catalogue_skus(&app, "TEST-ROBE-1").await, vec!["TEST-ROBE-1".to_string()]);
    let stored = store.stock_item(item_id).await.unwrap().unwrap();
    assert_eq!(stored.supplier_id, supplier);
    assert_eq!(stored.spec.daily_rate, domain::Money::from_fen(35_050));
    assert_eq!(stored.spec.tags, vec!["宫廷".to_string(), "龙纹".to_string()]);

    // The same SKU again, or bad fields: refused, each on its field; nothing added.
    let again = save(&desk, None, &robe("test-robe-1", &sub, 4)).await;
    assert_eq!(again.status(), 422);
    assert_eq!(codes(&json(again).await), vec![("sku".to_string(), "sku_taken".to_string())]);
    let mut bad = robe("TEST-ROBE-2", &sub, 4);
    bad[5].1 = "victorian".into();
    bad[10].1 = "many".into();
    bad[3].1 = "prop".into();
    let refused = save(&desk, None, &bad).await;
    assert_eq!(refused.status(), 422);
    assert_eq!(
        codes(&json(refused).await),
        vec![
            ("era".to_string(), "unknown_value".to_string()),
            ("size".to_string(), "size_costume_only".to_string()),
            ("quantity_owned".to_string(), "owned_range".to_string()),
        ]
    );
    assert_eq!(owned(store, "TEST-ROBE-2").await, None);

    // A crew reserves three for next week: the count may not go below that.
    let week = Days {
        first: server::backend::studio_today() + Duration::days(7),
        last: server::backend::studio_today() + Duration::days(9),
    };
    let new = NewReservation {
        production_id: 1,
        requested_by: 2,
        days: week,
        lines: &[(item_id, 3)],
        clear_list_of: None,
        now: 0,
    };
    assert!(matches!(
        store.reserve(&new, server::tokens::reservation_code).await.unwrap(),
        Reserved::Done(_)
    ));
    let lower = save(&desk, Some(item_id), &robe("ignored", &sub, 2)).await;
    assert_eq!(lower.status(), 422);
    assert_eq!(
        codes(&json(lower).await),
        vec![("quantity_owned".to_string(), "below_reserved".to_string())]
    );
    assert_eq!(owned(store, "TEST-ROBE-1").await, Some(4));
    // Three is fine; an edit keeps its SKU whatever the form says.
    let edited = save(&desk, Some(item_id), &robe("OTHER-SKU", &sub, 3)).await;
    assert_eq!(edited.status(), 200);
    assert_eq!(owned(store, "TEST-ROBE-1").await, Some(3));
    assert_eq!(owned(store, "OTHER-SKU").await, None);

    // Nobody else edits or retires it.
    assert_eq!(save(&rival, Some(item_id), &robe("TEST-ROBE-1", &sub, 9)).await.status(), 404);
    let id = item_id.to_string();
    assert_eq!(
        rival
            .call("/api/supply/item/retire", &[("item_id", &id), ("retire", "true")])
            .await
            .status(),
        404
    );
    let crew = app.logged_in(Role::Crew, Some(OrgRef { kind: OrgKind::Production, id: 1 })).await.0;
    assert_eq!(save(&crew, None, &robe("TEST-ROBE-3", &sub, 1)).await.status(), 403);
    assert_eq!(app.browser().call("/api/supply/items", &[]).await.status(), 401);
    assert_eq!(owned(store, "TEST-ROBE-1").await, Some(3));

    // Retired: out of the catalogue, no new requests for it; the reservation stands.
    let retire =
        desk.call("/api/supply/item/retire", &[("item_id", &id), ("retire", "true")]).await;
    assert_eq!(retire.status(), 200);
    assert!(!catalogue_skus(&app, "TEST-ROBE-1").await.contains(&"TEST-ROBE-1".to_string()));
    assert_eq!(
        crew.call("/api/requests/line", &[("item_id", &id), ("quantity", "1")]).await.status(),
        404
    );
    let page = json(crew.call("/api/item", &[("item_id", &id)]).await).await;
    assert_eq!(
        (page["retired"].as_bool(), page["can_request"].as_bool()),
        (Some(true), Some(false))
    );
    assert!(
        matches!(store.reserve(&new, server::tokens::reservation_code).await.unwrap(), Reserved::Retired(i) if i == item_id)
    );
    let listed = json(desk.call("/api/supply/items", &[("q", "test-robe-1")]).await).await;
    let entry = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["item_id"] == item_id)
        .unwrap()
        .clone();
    assert!(entry["retired_on"].is_array() || entry["retired_on"].is_string(), "{entry}");

    // Back in the catalogue.
    let restore =
        desk.call("/api/supply/item/retire", &[("item_id", &id), ("retire", "false")]).await;
    assert_eq!(restore.status(), 200);
    assert_eq!(catalogue_skus(&app, "TEST-ROBE-1").await, vec!["TEST-ROBE-1".to_string()]);
});

on_both_backends!(
    an_import_applies_every_row_or_reports_every_bad_one,
    |backend: Backend| async move {
        let app = TestApp::spawn(TestDb::seeded(backend).await).await;
        let store = &app.db.store;
        let (supplier, other, sub) = stock_supplier(store).await;
        let desk = member(&app, supplier).await;
        let foreign_sku = store.supplier_items(other).await.unwrap()[0].spec.sku.clone();
        let own = store.supplier_items(supplier).await.unwrap()[0].clone();
        let own_owned = own.spec.quantity_owned;

        // Line 2 is good, line 3 names an unknown era and a bad rate, line 4 takes another
        // supplier's SKU, line 5 repeats line 2's: nothing is saved, every problem is reported.
        let file = format!(
            "{HEADER}\n\
         IMP-0001,新龙袍,New robe,costume,{sub},qing,yellow,silk,m,new,5,100,500,\n\
         IMP-0002,坏行,Bad row,costume,{sub},victorian,red,silk,,good,1,12.345,0,\n\
         {foreign_sku},他人,Not ours,costume,{sub},ming,red,silk,,good,1,10,0,\n\
         imp-0001,重复,Again,costume,{sub},qing,red,silk,,good,1,10,0,\n"
        );
        let report = import(&desk, file.into_bytes()).await;
        assert_eq!(
            problems(&report),
            vec![
                (3, "era".to_string(), "unknown_value".to_string()),
                (3, "daily_rate".to_string(), "price_format".to_string()),
                (5, "sku".to_string(), "sku_repeated".to_string()),
            ]
        );
        assert_eq!(owned(store, "IMP-0001").await, None);
        // With the field problems fixed, the stored data's refusals come back by line too.
        let file = format!(
            "{HEADER}\n\
         IMP-0001,新龙袍,New robe,costume,{sub},qing,yellow,silk,m,new,5,100,500,\n\
         {foreign_sku},他人,Not ours,costume,{sub},ming,red,silk,,good,1,10,0,\n\
         IMP-0003,错类,Wrong kind,prop,{sub},ming,red,wood,,good,1,10,0,\n"
        );
        assert_eq!(
            problems(&import(&desk, file.into_bytes()).await),
            vec![
                (3, "sku".to_string(), "sku_taken".to_string()),
                (4, "subcategory".to_string(), "subcategory_category".to_string()),
            ]
        );
        assert_eq!(owned(store, "IMP-0001").await, None);
        assert!(owned(store, &foreign_sku).await.is_some());

        // A good file, saved as GBK by a spreadsheet: one added, one updated, in one go.
        let file = format!(
            "{HEADER}\n\
         IMP-0001,新龙袍,New robe,costume,{sub},清,Yellow,silk,M,new,5,100,500,龙纹|新\n\
         {},{},{},{},{},{},{},{},{},{},{},88,10,\n",
            own.spec.sku,
            own.spec.name_zh,
            own.spec.name_en.replace(',', " "),
            own.spec.category.code(),
            own.spec.subcategory,
            own.spec.era.code(),
            own.spec.colour.code(),
            own.spec.material.code(),
            own.spec.size.map(|s| s.code()).unwrap_or_default(),
            own.spec.condition.code(),
            own_owned + 1,
        );
        let (gbk, _, _) = encoding_rs::GBK.encode(&file);
        let report = import(&desk, gbk.into_owned()).await;
        assert_eq!(report["Applied"]["added"], 1, "{report}");
        assert_eq!(report["Applied"]["updated"], 1);
        assert_eq!(owned(store, "IMP-0001").await, Some(5));
        assert_eq!(owned(store, &own.spec.sku).await, Some(own_owned + 1));
        assert_eq!(catalogue_skus(&app, "IMP-0001").await, vec!["IMP-0001".to_string()]);

        // The export lists the supplier's items in the import's columns and imports back as it is.
        let export = desk.get("/supply/items/export.csv").await;
        assert_eq!(export.status(), 200);
        assert!(export.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
        let bytes = export.bytes().await.unwrap().to_vec();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a byte-order mark for spreadsheets");
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(text.lines().next().unwrap(), HEADER);
        let listed = store.supplier_items(supplier).await.unwrap();
        assert_eq!(text.lines().count(), listed.len() + 1);
        assert!(text.contains("IMP-0001,新龙袍,New robe,costume"));
        let before = listed;
        let report = import(&desk, text.into_bytes()).await;
        assert_eq!(report["Applied"]["added"], 0, "{report}");
        assert_eq!(report["Applied"]["updated"].as_u64().unwrap() as usize, before.len());
        assert_eq!(store.supplier_items(supplier).await.unwrap(), before);

        // Files that are not what the import reads.
        let report = import(&desk, b"sku,name_zh\nX-1,x\n".to_vec()).await;
        assert!(
            problems(&report)
                .iter()
                .all(|(line, _, code)| *line == 1 && code == "csv_missing_column")
        );
        let report = import(&desk, vec![0xff, 0xfe, 0x00, 0x41]).await;
        assert_eq!(problems(&report)[0].2, "csv_unreadable");
        // Only a stock supplier's members import.
        let crew =
            app.logged_in(Role::Crew, Some(OrgRef { kind: OrgKind::Production, id: 1 })).await.0;
        let refused = crew
            .upload_file("/supply/items/import", "file", "x.csv", HEADER.as_bytes().to_vec())
            .await;
        assert_eq!(refused.status(), 403);
        assert_eq!(crew.get("/supply/items/export.csv").await.status(), 403);
    }
);
