//! Location and catalogue item photos over real HTTP on both backends: the operator (or the
//! item's supplier) uploads (multipart), the server checks the bytes, keeps a large copy and a
//! thumbnail in the media directory and serves them; refusals are localized codes and leave
//! nothing behind; deleting removes the files.

mod support;

use app::models::{OrgKind, OrgRef, Photo};
use domain::account::Role;
use server::media::MAX_UPLOAD_BYTES;
use server::storage::photos::{ITEM_PHOTOS_MAX, NewPhoto, PHOTOS_MAX, PhotoAdded, PhotoOf};
use support::{Backend, Browser, TestApp, TestDb, test_png};

/// The first location and a browser logged in as a member of its operator.
async fn operator_of_first(app: &TestApp) -> (String, Browser) {
    let slug = app.db.store.location_pins().await.unwrap()[0].slug.clone();
    let target = app.db.store.photo_target(&slug).await.unwrap().expect("the location");
    let org = OrgRef { kind: OrgKind::Supplier, id: target.operator_id };
    (slug, app.logged_in(Role::Supplier, Some(org)).await.0)
}

/// The files in the media directory's photo folder, sorted.
fn media_files(app: &TestApp) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(app.media_dir.join("photos")) else { return Vec::new() };
    let mut names: Vec<String> =
        entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

async fn photos_on_page(browser: &Browser, slug: &str) -> Vec<Photo> {
    let response = browser.call("/api/location", &[("slug", slug)]).await;
    assert_eq!(response.status(), 200);
    let page: serde_json::Value = response.json().await.unwrap();
    serde_json::from_value(page["photos"].clone()).unwrap()
}

async fn refusal(response: reqwest::Response) -> (u16, String) {
    let status = response.status().as_u16();
    let body: serde_json::Value = response.json().await.unwrap_or_default();
    (status, body["Invalid"][0]["code"].as_str().unwrap_or("?").to_string())
}

/// Posts `bytes` as the form's photo as a browser does before the wasm loads (plain multipart,
/// asking for HTML); the answer, a redirect back to the page.
async fn plain_post(
    app: &TestApp,
    browser: &Browser,
    path: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    browser
        .client
        .post(app.url(path))
        .header("origin", &app.base)
        .header("accept", "text/html")
        .multipart(
            reqwest::multipart::Form::new()
                .part("photo", reqwest::multipart::Part::bytes(bytes).file_name("a.jpg")),
        )
        .send()
        .await
        .unwrap()
}

/// Stores rows (no files) for photos `numbers` of `of`, each dated `first_at` plus its number.
async fn placeholders(app: &TestApp, of: PhotoOf, numbers: std::ops::Range<i64>, first_at: i64) {
    for n in numbers {
        let key = format!("placeholder-{of:?}-{n}");
        let photo = NewPhoto {
            of,
            file_key: &key,
            width: 300,
            height: 200,
            thumb: (300, 200),
            caption: "",
            uploaded_by: 1,
            now: first_at + n,
        };
        assert!(matches!(app.db.store.add_photo(photo).await.unwrap(), PhotoAdded::Done(_)));
    }
}

/// A JPEG carrying an Exif block with a GPS note in it, as phones write them.
fn jpeg_with_exif(width: u32, height: u32) -> Vec<u8> {
    let pixels = image::RgbImage::from_pixel(width, height, image::Rgb([90, 120, 150]));
    let mut plain = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 90)
        .encode_image(&pixels)
        .unwrap();
    // Exif header, a little-endian TIFF header and an empty IFD, then the secret.
    let mut payload = b"Exif\0\0II*\0\x08\0\0\0\0\0\0\0\0\0".to_vec();
    payload.extend_from_slice(b"GPS 29.1578N 120.3156E");
    let length = u16::try_from(payload.len() + 2).unwrap().to_be_bytes();
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1, length[0], length[1]];
    out.extend_from_slice(&payload);
    out.extend_from_slice(&plain[2..]);
    out
}

on_both_backends!(operator_uploads_and_everyone_sees_thumbnails, |backend: Backend| async move {
    let app = TestApp::spawn(TestDb::seeded(backend).await).await;
    let (slug, operator) = operator_of_first(&app).await;

    let response =
        operator.upload_photo(&slug, "gate.png", test_png(2400, 1600), " 正门 Gate ").await;
    assert_eq!(response.status(), 201);
    let photo: Photo = response.json().await.unwrap();
    assert_eq!((photo.width, photo.height), (1600, 1067));
    assert_eq!(photo.caption, "正门 Gate");
    assert_eq!(
        media_files(&app),
        vec![format!("{}-large.jpg", photo.key), format!("{}-thumb.jpg", photo.key)]
    );

    // Anyone, logged in or not, sees the photo and fetches both sizes.
    let visitor = app.browser();
    assert_eq!(photos_on_page(&visitor, &slug).await, vec![photo.clone()]);
    let thumb = visitor.get(&photo.thumb_url()).await;
    assert_eq!(thumb.status(), 200);
    assert_eq!(thumb.headers()["content-type"], "image/jpeg");
    assert!(thumb.headers()["cache-control"].to_str().unwrap().contains("immutable"));
    let thumb = image::load_from_memory(&thumb.bytes().await.unwrap()).unwrap();
    assert_eq!((thumb.width(), thumb.height()), Photo::THUMB_SIZE);
    let large = visitor.get(&photo.large_url()).await.bytes().await.unwrap();
    let large = image::load_from_memory(&large).unwrap();
    assert_eq!((large.width(), large.height()), (1600, 1067));
    let (status, html) = app.page(&format!("/locations/{slug}"), "en").await;
    assert_eq!(status, 200);
    assert!(html.contains(&photo.thumb_url()), "the server-rendered page shows the thumbnail");

    // Metadata (GPS positions included) does not survive the re-encoding.
    let exif = jpeg_with_exif(800, 600);
    assert!(exif.windows(3).any(|w| w == b"GPS"));
    let response = operator.upload_photo(&slug, "phone.jpg", exif, "").await;
    assert_eq!(response.status(), 201);
    let second: Photo = response.json().await.unwrap();
    let stored =
        std::fs::read(app.media_dir.join(format!("photos/{}-large.jpg", second.key))).unwrap();
    assert!(!stored.windows(4).any(|w| w == b"Exif"));
    assert!(!stored.windows(3).any(|w| w == b"GPS"));
    assert_eq!(photos_on_page(&visitor, &slug).await, vec![photo.clone(), second.clone()]);

    // Deleting removes the row and both files.
    let response =
        operator.call("/api/photo/delete", &[("photo_id", &photo.photo_id.to_string())]).await;
    assert_eq!(response.status(), 200);
    assert_eq!(visitor.get(&photo.thumb_url()).await.status(), 404);
    assert_eq!(photos_on_page(&visitor, &slug).await, vec![second.clone()]);
    assert_eq!(media_files(&app).len(), 2);
    let again =
        operator.call("/api/photo/delete", &[("photo_id", &photo.photo_id.to_string())]).await;
    assert_eq!(again.status(), 404);
});

on_both_backends!(refused_uploads_leave_nothing_behind, |backend: Backend| async move {
    let app = TestApp::spawn(TestDb::seeded(backend).await).await;
    let (slug, operator) = operator_of_first(&app).await;
    let mut cut = test_png(640, 480);
    cut.truncate(300);
    let cases: Vec<(&str, Vec<u8>, String, &str)> = vec![
        ("notes.jpg", b"these are not pixels".to_vec(), String::new(), "photo_type"),
        ("anim.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00".to_vec(), String::new(), "photo_type"),
        ("cut.png", cut, String::new(), "photo_unreadable"),
        ("tiny.png", test_png(320, 120), String::new(), "photo_too_small"),
        // One byte over: the whole request is read (bodies far over the limit are cut off
        // while they arrive) and refused by the size check.
        ("huge.png", vec![0x89; MAX_UPLOAD_BYTES + 1], String::new(), "photo_too_large"),
        ("long.png", test_png(400, 300), "字".repeat(101), "too_long"),
        ("empty.png", Vec::new(), String::new(), "required"),
    ];
    for (name, bytes, caption, code) in cases {
        let response = operator.upload_photo(&slug, name, bytes, &caption).await;
        assert_eq!(refusal(response).await, (422, code.to_string()), "{name}");
    }
    assert!(photos_on_page(&operator, &slug).await.is_empty());
    assert!(media_files(&app).is_empty(), "{:?}", media_files(&app));

    // Before the wasm loads the form posts plainly and is sent back with the refusal.
    let path = format!("/locations/{slug}/photos");
    let response = plain_post(&app, &operator, &path, b"plain text".to_vec()).await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers()["location"],
        format!("/locations/{slug}?photo_error=photo_type#photos").as_str()
    );

    // A full gallery refuses more, and keeps no file of the refused one.
    let target = app.db.store.photo_target(&slug).await.unwrap().unwrap();
    placeholders(&app, PhotoOf::Location(target.location_id), 0..PHOTOS_MAX, 0).await;
    let response = operator.upload_photo(&slug, "one-more.png", test_png(400, 300), "").await;
    assert_eq!(refusal(response).await, (422, "photos_full".to_string()));
    assert!(media_files(&app).is_empty(), "{:?}", media_files(&app));

    // Other suppliers, crews and visitors cannot add photos at all.
    let other = OrgRef { kind: OrgKind::Supplier, id: if target.operator_id == 1 { 2 } else { 1 } };
    let (stranger, _) = app.logged_in(Role::Supplier, Some(other)).await;
    let response = stranger.upload_photo(&slug, "x.png", test_png(400, 300), "").await;
    assert_eq!(response.status(), 403);
    let response = app.browser().upload_photo(&slug, "x.png", test_png(400, 300), "").await;
    assert_eq!(response.status(), 401);
    let response = operator.upload_photo("no-such-place", "x.png", test_png(400, 300), "").await;
    assert_eq!(response.status(), 404);
});

/// The first seeded item and its SKU, and a browser logged in as a member of its supplier.
async fn supplier_of_first_item(app: &TestApp) -> (i64, String, Browser) {
    let item = app.db.store.item_page(1, 1).await.unwrap().items.remove(0);
    let supplier = app.db.store.item_supplier(item.item_id).await.unwrap().expect("the item");
    let org = OrgRef { kind: OrgKind::Supplier, id: supplier };
    (item.item_id, item.sku, app.logged_in(Role::Supplier, Some(org)).await.0)
}

/// The item's page data as `viewer` gets it: its photos and whether they may manage them.
async fn item_photos(viewer: &Browser, item_id: i64) -> (Vec<Photo>, bool) {
    let response = viewer.call("/api/item", &[("item_id", &item_id.to_string())]).await;
    assert_eq!(response.status(), 200);
    let detail: serde_json::Value = response.json().await.unwrap();
    let photos = serde_json::from_value(detail["photos"].clone()).unwrap();
    (photos, detail["manage_photos"].as_bool().unwrap())
}

/// The thumbnail key of the catalogue card found by searching for `sku`.
async fn card_thumb(viewer: &Browser, sku: &str) -> Option<String> {
    let response = viewer.call("/api/catalogue", &[("query", &format!("q={sku}"))]).await;
    let view: serde_json::Value = response.json().await.unwrap();
    let card = &view["hits"][0]["card"];
    assert_eq!(card["sku"], sku);
    card["thumb"].as_str().map(str::to_string)
}

on_both_backends!(item_photos_are_the_catalogues_thumbnails, |backend: Backend| async move {
    let app = TestApp::spawn(TestDb::seeded(backend).await).await;
    let (item, sku, supplier) = supplier_of_first_item(&app).await;
    let visitor = app.browser();
    assert_eq!(item_photos(&visitor, item).await, (Vec::new(), false));
    assert_eq!(item_photos(&supplier, item).await, (Vec::new(), true));
    assert_eq!(card_thumb(&visitor, &sku).await, None);

    let path = format!("/catalogue/{item}/photos");
    let response = supplier.upload_photo_to(&path, "front.png", test_png(1200, 1800), "正面").await;
    assert_eq!(response.status(), 201);
    let front: Photo = response.json().await.unwrap();
    assert_eq!((front.width, front.height, front.caption.as_str()), (1067, 1600, "正面"));
    let response = supplier.upload_photo_to(&path, "back.png", test_png(900, 600), "").await;
    assert_eq!(response.status(), 201);
    let back: Photo = response.json().await.unwrap();

    // Everyone sees them, in order; the first is the card's thumbnail, in the search's answer
    // and on the server-rendered catalogue page.
    assert_eq!(item_photos(&visitor, item).await, (vec![front.clone(), back.clone()], false));
    assert_eq!(card_thumb(&visitor, &sku).await.as_deref(), Some(front.key.as_str()));
    let (status, html) = app.page(&format!("/catalogue?q={sku}"), "zh").await;
    assert_eq!(status, 200);
    assert!(html.contains(&front.thumb_url()), "the card shows the first photo");
    let (_, html) = app.page(&format!("/catalogue/{item}"), "en").await;
    assert!(html.contains(&back.thumb_url()) && html.contains(&front.large_url()));
    let thumb = visitor.get(&front.thumb_url()).await;
    assert_eq!(thumb.status(), 200);
    let thumb = image::load_from_memory(&thumb.bytes().await.unwrap()).unwrap();
    assert_eq!((thumb.width(), thumb.height()), Photo::THUMB_SIZE);

    // Another supplier, crews and visitors can neither add nor delete them.
    let own = app.db.store.item_supplier(item).await.unwrap().unwrap();
    let other = if own == 1 { 2 } else { 1 };
    let (stranger, _) =
        app.logged_in(Role::Supplier, Some(OrgRef { kind: OrgKind::Supplier, id: other })).await;
    let crew = OrgRef { kind: OrgKind::Production, id: 1 };
    let (crew, _) = app.logged_in(Role::Crew, Some(crew)).await;
    for (browser, status) in [(&stranger, 403), (&crew, 403), (&visitor, 401)] {
        let response = browser.upload_photo_to(&path, "x.png", test_png(400, 300), "").await;
        assert_eq!(response.status(), status);
        // Its body was never read: the connection is not offered for the next request.
        assert_eq!(response.headers()["connection"], "close");
        let id = front.photo_id.to_string();
        let response = browser.call("/api/item/photo/delete", &[("photo_id", &id)]).await;
        assert_eq!(response.status(), status);
    }
    assert_eq!(item_photos(&stranger, item).await, (vec![front.clone(), back.clone()], false));
    let response =
        supplier.upload_photo_to("/catalogue/999999/photos", "x.png", test_png(400, 300), "").await;
    assert_eq!(response.status(), 404);
    // A location photo's id is not an item photo's.
    let response =
        supplier.call("/api/photo/delete", &[("photo_id", &front.photo_id.to_string())]).await;
    assert_eq!(response.status(), 404);

    // Bad files are refused as for locations; a plain form post comes back to the item.
    let response = supplier.upload_photo_to(&path, "notes.jpg", b"not pixels".to_vec(), "").await;
    assert_eq!(refusal(response).await, (422, "photo_type".to_string()));
    let response = plain_post(&app, &supplier, &path, test_png(100, 100)).await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers()["location"],
        format!("/catalogue/{item}?photo_error=photo_too_small#photos").as_str()
    );

    // Twelve at most.
    // Dated after the two uploads, so the first stays the thumbnail.
    placeholders(&app, PhotoOf::Item(item), 2..ITEM_PHOTOS_MAX, 4_000_000_000).await;
    let response = supplier.upload_photo_to(&path, "more.png", test_png(400, 300), "").await;
    assert_eq!(refusal(response).await, (422, "item_photos_full".to_string()));
    assert_eq!(media_files(&app).len(), 4, "only the two accepted photos' files");

    // Deleting the first makes the second the thumbnail and removes the files.
    let response =
        supplier.call("/api/item/photo/delete", &[("photo_id", &front.photo_id.to_string())]).await;
    assert_eq!(response.status(), 200);
    assert_eq!(visitor.get(&front.thumb_url()).await.status(), 404);
    assert_eq!(card_thumb(&visitor, &sku).await.as_deref(), Some(back.key.as_str()));
    assert_eq!(media_files(&app).len(), 2);
});
