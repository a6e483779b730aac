//! The HTML shell, the router and the layout every page shares.

use crate::codec::fetched;
use domain::account::Role;
use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::{Lazy, ParamSegment, SsrMode, StaticSegment};

use crate::auth::{LogOut, current_user};
use crate::bundle::BundleHead;
use crate::i18n::*;
use crate::pages::NotFoundPage;

/// The document around the app. Leaflet is not part of it: the map component fetches it on
/// the pages that show a map (`components::location_map`). The bundle is fetched only once the
/// page is on screen and the browser idle (`bundle`), so the first paint never waits for it;
/// every form and link works before. The stylesheet and bundle carry their content's hash in
/// their names when built with `hash-files` (see `server::routes::cache_lifetimes`).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="description" content="Backlot: Hengdian studio locations, wardrobe and props, and casting." />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <AutoReload options=options.clone() />
                <BundleHead options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Pages are lazily loaded, in areas: built with `cargo leptos build --split`, the browser first
/// fetches the shared part of the bundle (router, header) and then only the area
/// of the current page; hydration waits for it (`hydrate_from_async` in the `frontend` crate).
/// An area is one split point: pages that are used together share it, so a page needs a few
/// dozen pieces rather than hundreds, and the public pages do not carry the crews' tools.
/// The pieces are not preloaded from the head (`bundle` says why), so every page's HTML is the
/// same from one request to the next. Each area's page starts with a hidden `data-area` marker
/// naming it: the loader fetches the area's pieces as one pack by it (`crate::bundle`); a page
/// reached by a link into another area asks the loader for that area's pack before its pieces
/// load. Each
/// `routes::X` route type stands for the page component `crate::pages::X`.
macro_rules! lazy_areas {
    ($($area:ident: $($page:ident),+;)+) => {
        mod routes {
            use leptos::prelude::*;
            use leptos_router::LazyRoute;
            $(
                mod $area {
                    use leptos::prelude::*;

                    // The variants are the pages' own component names.
                    #[allow(clippy::enum_variant_names)]
                    pub enum Page {
                        $($page),+
                    }

                    #[leptos::lazy($area)]
                    pub fn view(page: Page) -> AnyView {
                        let page = match page {
                            $(Page::$page => view! { <crate::pages::$page /> }.into_any()),+
                        };
                        // Names the area for the bundle's loader, which fetches its pack
                        // (`crate::bundle`).
                        let area = stringify!($area);
                        view! { <span hidden data-area=area></span> {page} }.into_any()
                    }
                }

                $(
                    pub struct $page;

                    impl LazyRoute for $page {
                        fn data() -> Self {
                            $page
                        }

                        async fn view(_this: Self) -> AnyView {
                            // The area's pieces come in its pack (a no-op once asked for).
                            #[cfg(target_arch = "wasm32")]
                            crate::bundle::fetch_area_pack(stringify!($area));
                            $area::view($area::Page::$page).await
                        }

                        // The router loads the area's code here, before the page is drawn:
                        // the page shows it is on its way meanwhile.
                        async fn preload() {
                            #[cfg(target_arch = "wasm32")]
                            {
                                let _navigating = crate::bundle::Navigating::start();
                                crate::bundle::fetch_area_pack(stringify!($area));
                                $area::__preload_view().await;
                            }
                        }
                    }
                )+
            )+
        }
    };
}

lazy_areas! {
    home: HomePage;
    locations: LocationsPage;
    location_plans: LocationPage, ShortlistPage, SharedShortlistPage, ComparePage, SchedulePage;
    catalogue: CataloguePage;
    catalogue_items: ItemPage, RequestsPage;
    casting: CastingPage, CallDetailPage;
    casting_crew: NewCallPage, EditCallPage, OurCallsPage, ApplicantsPage, AttendancePage, ActorsPage;
    actor: WorkPage, PassPage, CheckInPage, ProfilePage, WagesPage;
    guides: TrainingPage, ModulePage, TravelPage;
    accounts: LoginPage, RegisterPage, AccountPage, JoinPage, AdminPage;
    supply: SupplyPage, SupplyScanPage, PickListPage, InventoryPage, StockItemPage;
}

/// The routed application.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <I18nContextProvider ssr_lang_header_getter=asked_languages()>
            <Router>
                <Header />
                <main id="main">
                    <Routes fallback=NotFoundPage>
                        <Route path=StaticSegment("") view={Lazy::<routes::HomePage>::new()} ssr=SsrMode::Async />
                        <Route path=StaticSegment("locations") view={Lazy::<routes::LocationsPage>::new()} ssr=SsrMode::Async />
                        <Route path=(StaticSegment("locations"), ParamSegment("slug")) view={Lazy::<routes::LocationPage>::new()} ssr=SsrMode::Async />
                        <Route path=StaticSegment("catalogue") view={Lazy::<routes::CataloguePage>::new()} ssr=SsrMode::Async />
                        <Route path=(StaticSegment("catalogue"), ParamSegment("id")) view={Lazy::<routes::ItemPage>::new()} ssr=SsrMode::Async />
                        <Route path=StaticSegment("requests") view={Lazy::<routes::RequestsPage>::new()} ssr=SsrMode::Async />
                        <Route path=StaticSegment("casting") view={Lazy::<routes::CastingPage>::new()} ssr=SsrMode::Async />
                        <Route path=(StaticSegment("casting"), StaticSegment("new")) view={Lazy::<routes::NewCallPage>::new()} ssr=SsrMode::Async />
                        <Route path=(StaticSegment("casting"), StaticSegment("ours")) view={Lazy::<routes::OurCallsPage>::new()} ssr=SsrMode::Async />
                        <Route path=(StaticSegment("casting"), ParamSegment("id")) view={Lazy::<routes::CallDetailPage>::new()} ssr=SsrMode::Async />
                        <Route path=(StaticSegment("casting"), ParamSegment("id"), StaticSegment("edit")) view={Lazy::<routes::EditCallPage>::new()} ssr=SsrMode::Async />
                        <Route path=(StaticSegment("casting"), ParamSegment("id"), StaticSegment("applicants")) view={Lazy::<routes::ApplicantsPage>::new()} ssr=SsrMode::Async />
                        <Route path=(StaticSegment("casting"), ParamSegment("id"), StaticSegment("attendance")) view={Lazy::<routes::AttendancePage>::new()} ssr=SsrMode::Async />
                        <Route path=StaticSegment("work") view={Lazy::<routes::WorkPage>::new()} ssr=SsrMode::Async />
                        <Route path=(StaticSegment("work"), ParamSegment("id"), StaticSegment("pass")) view={Lazy::<routes::PassPage>::new()} ssr=SsrMode::Async />
                        <Route path=StaticSegment("attend") view={Lazy::<routes::CheckInPage>::new()} ssr=SsrMode::Async />
                        <Route path=StaticSegment("wages") view={Lazy::<routes::WagesPage>::new()} ssr=SsrMode::Async />
                        <Route path=StaticSegment("training") view={Lazy::<routes::TrainingPage>::new()} ssr=SsrMode::Async />
                        <Route path=StaticSegment("travel") view={Lazy::<routes::TravelPage>::new()} ssr=SsrMode::Async />
                        <Route path=(StaticSegment("training"), ParamSegment("module")) view={Lazy::<routes::ModulePage>::new()} ssr=SsrMode::Async />
                        <Route path=StaticSegment("actors") view={Lazy::<routes::ActorsPage>::new()} ssr=SsrMode::Async />
                        <Route path=StaticSegment("profile") view={Lazy::<routes::ProfilePage>::new()} ssr=SsrMode::Async />
                        <Route path=StaticSegment("login") view={Lazy::<routes::LoginPage>::new()} ssr=SsrMode::Async />
                        <Route path=StaticSegment("account") view={Lazy::<routes::AccountPage>::new()} ssr=SsrMode::Async />
                        <Route path=StaticSegment("register") view={Lazy::<routes::RegisterPage>::new()} ssr=SsrMode::Async />
                        <Route path=StaticSegment("admin") view={Lazy::<routes::AdminPage>::new()} ssr=SsrMode::Async />
                        <Route path=StaticSegment("schedule") view={Lazy::<routes::SchedulePage>::new()} ssr=SsrMode::Async />
                        <Route path=StaticSegment("shortlist") view={Lazy::<routes::ShortlistPage>::new()} ssr=SsrMode::Async />
                        <Route path=(StaticSegment("shortlist"), ParamSegment("token")) view={Lazy::<routes::SharedShortlistPage>::new()} ssr=SsrMode::Async />
                        <Route path=StaticSegment("compare") view={Lazy::<routes::ComparePage>::new()} ssr=SsrMode::Async />
                        <Route path=(StaticSegment("join"), ParamSegment("token")) view={Lazy::<routes::JoinPage>::new()} ssr=SsrMode::Async />
                        <Route path=StaticSegment("supply") view={Lazy::<routes::SupplyPage>::new()} ssr=SsrMode::Async />
                        <Route path=(StaticSegment("supply"), StaticSegment("scan")) view={Lazy::<routes::SupplyScanPage>::new()} ssr=SsrMode::Async />
                        <Route path=(StaticSegment("supply"), StaticSegment("pick-list")) view={Lazy::<routes::PickListPage>::new()} ssr=SsrMode::Async />
                        <Route path=(StaticSegment("supply"), StaticSegment("items")) view={Lazy::<routes::InventoryPage>::new()} ssr=SsrMode::Async />
                        <Route path=(StaticSegment("supply"), StaticSegment("items"), StaticSegment("new")) view={Lazy::<routes::StockItemPage>::new()} ssr=SsrMode::Async />
                        <Route path=(StaticSegment("supply"), StaticSegment("items"), ParamSegment("id")) view={Lazy::<routes::StockItemPage>::new()} ssr=SsrMode::Async />
                    </Routes>
                </main>
            </Router>
        </I18nContextProvider>
    }
}

/// The language a visitor chose, one cookie for the whole site (with `Path=/`: without a path
/// the browser files each page's answer under that page's folder, and an older choice stored
/// for `/` would then still speak for every other page). Kept for a year.
pub const LANGUAGE_COOKIE: &str = "i18n_pref_locale";

/// The value of the cookie `name` in a `Cookie` request header (`a=1; b=2`), if it is there.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header
        .split(';')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| key.trim() == name)
        .map(|(_, value)| value.trim())
}

/// The languages a request asks for, on the server: the visitor's choice (`LANGUAGE_COOKIE`)
/// before the browser's `Accept-Language`. The browser's page takes the server's language from
/// the `<html lang>` it was sent. (`leptos_i18n`'s own cookie handling is not built: it brought
/// `leptos-use`'s cookie jar, cross-tab sync and date parsing into the bundle every page loads.)
fn asked_languages() -> leptos_use::UseLocalesOptions {
    leptos_use::UseLocalesOptions::default().ssr_lang_header_getter(|| {
        #[cfg(feature = "ssr")]
        {
            let parts = use_context::<http::request::Parts>()?;
            let chosen = parts
                .headers
                .get_all(http::header::COOKIE)
                .iter()
                .filter_map(|value| value.to_str().ok())
                .find_map(|header| cookie_value(header, LANGUAGE_COOKIE))
                .map(str::to_string);
            chosen.or_else(|| {
                let accepted = parts.headers.get(http::header::ACCEPT_LANGUAGE)?;
                accepted.to_str().ok().map(str::to_string)
            })
        }
        #[cfg(not(feature = "ssr"))]
        None
    })
}

/// The cookie text (for `Set-Cookie` or `document.cookie`) that keeps `locale` as the visitor's
/// choice for a year, on every page of the site.
pub fn language_cookie(locale: Locale) -> String {
    format!("{LANGUAGE_COOKIE}={locale}; Path=/; Max-Age=31536000; SameSite=Lax")
}

/// The language a code names (`zh`, `en`), if the site speaks it.
pub fn offered_language(code: &str) -> Option<Locale> {
    code.parse().ok()
}

/// Remembers the visitor's language choice for every page (`asked_languages` reads it).
fn remember_language(locale: Locale) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Ok(document) = document().dyn_into::<web_sys::HtmlDocument>() {
            _ = document.set_cookie(&language_cookie(locale));
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = locale;
}

/// Site header: brand, main navigation and the language switch.
#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let other = move || match i18n.get_locale() {
        Locale::zh => Locale::en,
        Locale::en => Locale::zh,
    };
    // Before the page's script has loaded (or without it) the switch is a form the server
    // answers (`POST /language`: the cookie, then back to this page); hydrated, it switches here.
    let switch = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let next = other();
        i18n.set_locale(next);
        remember_language(next);
    };
    let location = use_location();
    let back = move || {
        let (path, query) = (location.pathname.get(), location.search.get());
        if query.is_empty() { path } else { format!("{path}?{query}") }
    };
    let title = move || t_string!(i18n, brand).to_string();
    // On the server the head is written after the body, when the locale signal may already be
    // disposed: read the title now. In the browser it follows the language switch.
    #[cfg(feature = "ssr")]
    let title = title();
    view! {
        <Title text=title />
        <a class="skip-link" href="#main">{tr!(i18n, skip_to_content)}</a>
        // `data-hydrated` turns "true" once the whole page, its lazily loaded area included, has
        // hydrated (set by the `frontend` crate); tests wait for it.
        <header class="site-header" data-hydrated="false">
            <A href="/" attr:class="brand">{tr!(i18n, brand)}</A>
            <nav aria-label=move || t_string!(i18n, nav_main).to_string()>
                <ul>
                    <li><A href="/locations">{tr!(i18n, nav_locations)}</A></li>
                    <li><A href="/catalogue">{tr!(i18n, nav_catalogue)}</A></li>
                    <li><A href="/casting">{tr!(i18n, nav_casting)}</A></li>
                </ul>
            </nav>
            <UserMenu />
            <form method="post" action="/language" class="lang-form" on:submit=switch>
                <input type="hidden" name="to" value=move || other().to_string() />
                <input type="hidden" name="back" value=back />
                <button
                    type="submit"
                    class="lang-switch"
                    aria-label=move || t_string!(i18n, switch_language_label).to_string()
                    lang=move || other().to_string()
                >
                    {tr!(i18n, switch_language)}
                </button>
            </form>
        </header>
    }
}

/// Who is logged in (name and role, with a log-out button), or links to log in and register.
#[component]
fn UserMenu() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let logout = ServerAction::<LogOut>::new();
    // Asked again after every navigation and every log-out.
    let user =
        fetched(move || (location.pathname.get(), logout.version().get()), |_| current_user());
    let role_label = move |role: Role| match role {
        Role::Actor => t_string!(i18n, role_actor),
        Role::Crew => t_string!(i18n, role_crew),
        Role::Supplier => t_string!(i18n, role_supplier),
        Role::Admin => t_string!(i18n, role_admin),
    };
    let next = move || {
        let path = location.pathname.get();
        if path == "/login" || path == "/register" { "/".to_string() } else { path }
    };
    view! {
        <div class="user-menu">
            <Transition>
                {move || Suspend::new(async move {
                    match user.await {
                        Ok(Some(user)) => {
                            let name = user.display_name.clone();
                            let role = user.role;
                            let org = StoredValue::new(user.org.clone());
                            let role_text = move || {
                                let role = role_label(role);
                                match org.with_value(|o| o.as_ref().map(|o| crate::pages::org_name(i18n, o))) {
                                    Some(org) => format!("{role} · {org}"),
                                    None => role.to_string(),
                                }
                            };
                            view! {
                                {(role == Role::Actor).then(|| view! { <A href="/work">{tr!(i18n, nav_my_work)}</A> <A href="/profile">{tr!(i18n, nav_my_profile)}</A> <A href="/training">{tr!(i18n, nav_training)}</A> <A href="/travel">{tr!(i18n, nav_travel)}</A> })}
                                {(role == Role::Admin).then(|| view! { <A href="/admin">{tr!(i18n, nav_admin)}</A> <A href="/actors">{tr!(i18n, nav_pool)}</A> <A href="/wages">{tr!(i18n, nav_wages)}</A> })}
                                {(role == Role::Crew).then(|| view! { <A href="/actors">{tr!(i18n, nav_pool)}</A> <A href="/schedule">{tr!(i18n, nav_schedule)}</A> <A href="/shortlist">{tr!(i18n, nav_shortlist)}</A> <A href="/requests">{tr!(i18n, nav_requests)}</A> <A href="/wages">{tr!(i18n, nav_wages)}</A> })}
                                {(role == Role::Supplier).then(|| view! { <A href="/supply">{tr!(i18n, nav_supply)}</A> })}
                                <A href="/account" attr:class="account-link">{tr!(i18n, nav_my_account)}</A>
                                <span class="signed-in">
                                    {t!(i18n, signed_in_as, name = name.clone(), role = role_text)}
                                </span>
                                <ActionForm action=logout attr:class="inline-form">
                                    <button type="submit" class="link-button">{tr!(i18n, logout)}</button>
                                </ActionForm>
                            }
                                .into_any()
                        }
                        _ => {
                            view! {
                                <A href=move || format!("/login?next={}", next())>{tr!(i18n, nav_login)}</A>
                                <A href=move || format!("/register?next={}", next())>{tr!(i18n, nav_register)}</A>
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </div>
    }
}
