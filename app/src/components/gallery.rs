//! A location's or catalogue item's photo gallery: thumbnails that open the large copy, and for
//! those who manage it (the location's operator, the item's supplier, an admin) an upload form
//! and delete buttons.
//!
//! The upload form is a plain multipart form (`POST /locations/{slug}/photos`,
//! `POST /catalogue/{id}/photos`), so it works
//! before the wasm has loaded. Once hydrated, files are sent one by one with XMLHttpRequest,
//! whose upload events give the progress bar (fetch has none), and the page reloads its data
//! once they are sent.

use leptos::prelude::*;
use leptos::wasm_bindgen::{self, JsCast};
use leptos::web_sys;
use leptos_router::hooks::use_query_map;

use crate::bookings::DeleteLocationPhoto;
use crate::components::error_view::field_text;
use crate::error::AppError;
use crate::i18n::*;
use crate::models::Photo;
use crate::stock::DeleteItemPhoto;

/// The types accepted (the server reads the type from the file's bytes).
const PHOTO_TYPES: [&str; 3] = ["image/jpeg", "image/png", "image/webp"];

/// The server function that deletes one of the gallery's photos.
#[derive(Clone, Copy)]
pub enum PhotoDelete {
    Location(ServerAction<DeleteLocationPhoto>),
    Item(ServerAction<DeleteItemPhoto>),
}

impl PhotoDelete {
    fn form(self, photo_id: i64, label: AnyView) -> AnyView {
        let fields = view! { <input type="hidden" name="photo_id" value=photo_id.to_string() /> };
        let button = view! { <button type="submit" class="link-like">{label}</button> };
        match self {
            PhotoDelete::Location(action) => view! {
                <ActionForm action attr:class="row-form">{fields}{button}</ActionForm>
            }
            .into_any(),
            PhotoDelete::Item(action) => view! {
                <ActionForm action attr:class="row-form">{fields}{button}</ActionForm>
            }
            .into_any(),
        }
    }
}

#[component]
pub fn Gallery(
    /// Where the upload form posts.
    upload_url: String,
    /// The location's or item's name, for thumbnails without a caption.
    name: Signal<String>,
    photos: Vec<Photo>,
    /// The viewer operates the location: may upload and delete.
    manage: bool,
    /// Bumped after uploading, so the page reloads.
    uploaded: RwSignal<u32>,
    /// Where the upload stands; kept by the page, so it survives the reload.
    upload: RwSignal<Upload>,
    delete: PhotoDelete,
) -> impl IntoView {
    let i18n = use_i18n();
    let empty = photos.is_empty();
    let count = photos.len();
    let tiles = photos
        .into_iter()
        .enumerate()
        .map(|(n, photo)| {
            let alt = {
                let caption = photo.caption.clone();
                move || {
                    if caption.is_empty() {
                        t_string!(i18n, photo_alt)
                            .replace("{name}", &name.get())
                            .replace("{n}", &(n + 1).to_string())
                    } else {
                        caption.clone()
                    }
                }
            };
            let (width, height) = Photo::THUMB_SIZE;
            let caption = (!photo.caption.is_empty()).then(|| photo.caption.clone());
            let id = photo.photo_id;
            view! {
                <li>
                    <figure>
                        <a href=photo.large_url() target="_blank" rel="noopener">
                            <img src=photo.thumb_url() width=width height=height alt=alt
                                loading=if n < 4 { "eager" } else { "lazy" } decoding="async" />
                        </a>
                        {caption.map(|text| view! { <figcaption>{text}</figcaption> })}
                    </figure>
                    {manage.then(|| delete.form(id, tr!(i18n, photo_delete).into_any()))}
                </li>
            }
        })
        .collect_view();
    view! {
        <section id="photos" aria-labelledby="photos-title">
            <h2 id="photos-title">{tr!(i18n, photos_title)} " " <span class="hint">{count}</span></h2>
            {empty.then(|| view! { <p class="hint">{tr!(i18n, photos_none)}</p> })}
            <ul class="gallery">{tiles}</ul>
            {manage.then(|| view! { <PhotoUpload action=upload_url uploaded state=upload /> })}
        </section>
    }
}

/// Where an upload stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Upload {
    Idle,
    /// File `n` of `of`, `percent` of it sent.
    Sending {
        n: usize,
        of: usize,
        percent: u32,
    },
    Done(usize),
    Failed(String),
}

impl Upload {
    /// The state a page starts in: a refusal of a plain form post (sent before the wasm
    /// loaded) comes back in the URL as `photo_error`.
    pub fn from_url(i18n: leptos_i18n::I18nContext<Locale>) -> Upload {
        match use_query_map().with_untracked(|q| q.get("photo_error")) {
            Some(code) => Upload::Failed(field_text(i18n, "photo", &code)),
            None => Upload::Idle,
        }
    }
}

#[component]
fn PhotoUpload(action: String, uploaded: RwSignal<u32>, state: RwSignal<Upload>) -> impl IntoView {
    let i18n = use_i18n();
    let files = NodeRef::<leptos::html::Input>::new();
    let caption = NodeRef::<leptos::html::Input>::new();
    let form = NodeRef::<leptos::html::Form>::new();
    let url = action.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(input), Some(caption), Some(form)) = (files.get(), caption.get(), form.get())
        else {
            return;
        };
        let Some(list) = input.files() else { return };
        let chosen: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        if chosen.is_empty() {
            state.set(Upload::Failed(field_text(i18n, "photo", "required")));
            return;
        }
        if let Some(code) = chosen.iter().find_map(precheck) {
            state.set(Upload::Failed(field_text(i18n, "photo", code)));
            return;
        }
        let url = url.clone();
        let text = caption.value();
        leptos::task::spawn_local(async move {
            let of = chosen.len();
            // The page reloads once, after the last file (or the first refusal).
            let mut sent = 0;
            for (i, file) in chosen.iter().enumerate() {
                state.set(Upload::Sending { n: i + 1, of, percent: 0 });
                let progress = move |percent| state.set(Upload::Sending { n: i + 1, of, percent });
                match send(&url, file, &text, progress).await {
                    Ok(()) => sent += 1,
                    Err(error) => {
                        let message = match error.field_code("photo") {
                            Some(code) => field_text(i18n, "photo", code),
                            None => match error.field_code("caption") {
                                Some(code) => field_text(i18n, "caption", code),
                                None => crate::components::error_view::error_text(i18n, &error),
                            },
                        };
                        let name = file.name();
                        state.set(Upload::Failed(format!("{name}: {message}")));
                        if sent > 0 {
                            uploaded.update(|n| *n += 1);
                        }
                        return;
                    }
                }
            }
            form.reset();
            state.set(Upload::Done(of));
            uploaded.update(|n| *n += 1);
        });
    };
    let sending = move || matches!(state.get(), Upload::Sending { .. });
    view! {
        <form node_ref=form class="grid-form photo-upload" method="post" enctype="multipart/form-data"
            action=action on:submit=on_submit>
            <h3>{tr!(i18n, photo_upload_title)}</h3>
            <div class="field">
                <label for="photo-files">{tr!(i18n, photo_files)}</label>
                <input node_ref=files id="photo-files" name="photo" type="file" multiple required
                    accept=PHOTO_TYPES.join(",") aria-describedby="photo-hint" />
                <p id="photo-hint" class="hint">{tr!(i18n, photo_hint)}</p>
            </div>
            <div class="field">
                <label for="photo-caption">{tr!(i18n, photo_caption)}</label>
                <input node_ref=caption id="photo-caption" name="caption" type="text" maxlength="100" />
            </div>
            {move || match state.get() {
                Upload::Sending { n, of, percent } => Some(view! {
                    <div class="upload-progress">
                        <progress max="100" value=percent aria-labelledby="upload-progress-text"></progress>
                        <span id="upload-progress-text" role="status">
                            {t_string!(i18n, photo_sending)
                                .replace("{n}", &n.to_string())
                                .replace("{of}", &of.to_string())
                                .replace("{percent}", &percent.to_string())}
                        </span>
                    </div>
                }.into_any()),
                Upload::Done(count) => Some(view! {
                    <p class="form-ok" role="status">
                        {t_string!(i18n, photo_done).replace("{count}", &count.to_string())}
                    </p>
                }.into_any()),
                Upload::Failed(message) => Some(view! { <p class="form-error" role="alert">{message}</p> }.into_any()),
                Upload::Idle => None,
            }}
            <button type="submit" class="primary" disabled=sending>{tr!(i18n, photo_upload)}</button>
        </form>
    }
}

/// The browser-side check of a chosen file (the server repeats it on the bytes).
fn precheck(file: &web_sys::File) -> Option<&'static str> {
    if file.size() > Photo::MAX_BYTES as f64 {
        Some("photo_too_large")
    } else if !PHOTO_TYPES.contains(&file.type_().as_str()) {
        Some("photo_type")
    } else {
        None
    }
}

/// Sends one file with its caption, reporting upload progress in percent.
async fn send(
    url: &str,
    file: &web_sys::File,
    caption: &str,
    progress: impl Fn(u32) + 'static,
) -> Result<(), AppError> {
    use wasm_bindgen::closure::Closure;
    let failed = |_| AppError::Request;
    let data = web_sys::FormData::new().map_err(failed)?;
    data.append_with_blob_and_filename("photo", file, &file.name()).map_err(failed)?;
    data.append_with_str("caption", caption).map_err(failed)?;
    let request = web_sys::XmlHttpRequest::new().map_err(failed)?;
    request.open("POST", url).map_err(failed)?;
    request.set_request_header("Accept", "application/json").map_err(failed)?;
    let on_progress =
        Closure::<dyn Fn(web_sys::ProgressEvent)>::new(move |event: web_sys::ProgressEvent| {
            if event.length_computable() && event.total() > 0.0 {
                progress((event.loaded() / event.total() * 100.0).round().clamp(0.0, 100.0) as u32);
            }
        });
    request.upload().map_err(failed)?.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    let (done, finished) = futures::channel::oneshot::channel::<()>();
    let on_end = Closure::<dyn FnMut()>::once(move || {
        let _ = done.send(());
    });
    request.set_onloadend(Some(on_end.as_ref().unchecked_ref()));
    request.send_with_opt_form_data(Some(&data)).map_err(failed)?;
    let _ = finished.await;
    // Both closures live until the request has ended.
    drop((on_progress, on_end));
    match request.status().map_err(failed)? {
        201 => Ok(()),
        0 => Err(AppError::Request),
        _ => {
            let body = request.response_text().ok().flatten().unwrap_or_default();
            Err(serde_json::from_slice(body.as_bytes()).unwrap_or(AppError::Unexpected))
        }
    }
}
