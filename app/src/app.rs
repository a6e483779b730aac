//! The HTML shell, the router and the layout every page shares.

use domain::account::Role;
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, Title, provide_meta_context};
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::{ParamSegment, SsrMode, StaticSegment};

use crate::auth::{LogOut, current_user};
use crate::i18n::*;
use crate::pages::{
    AccountPage, ActorsPage, AdminPage, ApplicantsPage, AttendancePage, CallDetailPage,
    CastingPage, CataloguePage, CheckInPage, ComparePage, EditCallPage, HomePage, ItemPage,
    JoinPage, LocationPage, LocationsPage, LoginPage, ModulePage, NewCallPage, NotFoundPage,
    PassPage, ProfilePage, RegisterPage, RequestsPage, SchedulePage, SharedShortlistPage,
    ShortlistPage, TrainingPage, WagesPage, WorkPage,
};
use crate::pages::{InventoryPage, PickListPage, StockItemPage, SupplyPage, SupplyScanPage};
use crate::pages::{OurCallsPage, TravelPage};

/// The document around the app. Leaflet is loaded (deferred) before the hydration scripts
/// because leaflet-rs binds the global `L` when the wasm starts. The bundle is fetched at low
/// priority and hydrates once the page is idle (`defer`), so the first paint never waits for
/// it; every form and link works before. The stylesheet and bundle carry their content's hash
/// in their names when built with `hash-files` (see `server::routes::cache_lifetimes`).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="description" content="Backlot: Hengdian studio locations, wardrobe and props, and casting." />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link rel="stylesheet" href="/leaflet/leaflet.css" />
                <script defer src="/leaflet/leaflet.js"></script>
                <HashedStylesheet options=options.clone() id="leptos" />
                <AutoReload options=options.clone() />
                <HydrationScripts options defer=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The routed application.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <I18nContextProvider cookie_options=language_cookie()>
            <Router>
                <Header />
                <main id="main">
                    <Routes fallback=NotFoundPage>
                        <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async />
                        <Route path=StaticSegment("locations") view=LocationsPage ssr=SsrMode::Async />
                        <Route path=(StaticSegment("locations"), ParamSegment("slug")) view=LocationPage ssr=SsrMode::Async />
                        <Route path=StaticSegment("catalogue") view=CataloguePage ssr=SsrMode::Async />
                        <Route path=(StaticSegment("catalogue"), ParamSegment("id")) view=ItemPage ssr=SsrMode::Async />
                        <Route path=StaticSegment("requests") view=RequestsPage ssr=SsrMode::Async />
                        <Route path=StaticSegment("casting") view=CastingPage ssr=SsrMode::Async />
                        <Route path=(StaticSegment("casting"), StaticSegment("new")) view=NewCallPage ssr=SsrMode::Async />
                        <Route path=(StaticSegment("casting"), StaticSegment("ours")) view=OurCallsPage ssr=SsrMode::Async />
                        <Route path=(StaticSegment("casting"), ParamSegment("id")) view=CallDetailPage ssr=SsrMode::Async />
                        <Route path=(StaticSegment("casting"), ParamSegment("id"), StaticSegment("edit")) view=EditCallPage ssr=SsrMode::Async />
                        <Route path=(StaticSegment("casting"), ParamSegment("id"), StaticSegment("applicants")) view=ApplicantsPage ssr=SsrMode::Async />
                        <Route path=(StaticSegment("casting"), ParamSegment("id"), StaticSegment("attendance")) view=AttendancePage ssr=SsrMode::Async />
                        <Route path=StaticSegment("work") view=WorkPage ssr=SsrMode::Async />
                        <Route path=(StaticSegment("work"), ParamSegment("id"), StaticSegment("pass")) view=PassPage ssr=SsrMode::Async />
                        <Route path=StaticSegment("attend") view=CheckInPage ssr=SsrMode::Async />
                        <Route path=StaticSegment("wages") view=WagesPage ssr=SsrMode::Async />
                        <Route path=StaticSegment("training") view=TrainingPage ssr=SsrMode::Async />
                        <Route path=StaticSegment("travel") view=TravelPage ssr=SsrMode::Async />
                        <Route path=(StaticSegment("training"), ParamSegment("module")) view=ModulePage ssr=SsrMode::Async />
                        <Route path=StaticSegment("actors") view=ActorsPage ssr=SsrMode::Async />
                        <Route path=StaticSegment("profile") view=ProfilePage ssr=SsrMode::Async />
                        <Route path=StaticSegment("login") view=LoginPage ssr=SsrMode::Async />
                        <Route path=StaticSegment("account") view=AccountPage ssr=SsrMode::Async />
                        <Route path=StaticSegment("register") view=RegisterPage ssr=SsrMode::Async />
                        <Route path=StaticSegment("admin") view=AdminPage ssr=SsrMode::Async />
                        <Route path=StaticSegment("schedule") view=SchedulePage ssr=SsrMode::Async />
                        <Route path=StaticSegment("shortlist") view=ShortlistPage ssr=SsrMode::Async />
                        <Route path=(StaticSegment("shortlist"), ParamSegment("token")) view=SharedShortlistPage ssr=SsrMode::Async />
                        <Route path=StaticSegment("compare") view=ComparePage ssr=SsrMode::Async />
                        <Route path=(StaticSegment("join"), ParamSegment("token")) view=JoinPage ssr=SsrMode::Async />
                        <Route path=StaticSegment("supply") view=SupplyPage ssr=SsrMode::Async />
                        <Route path=(StaticSegment("supply"), StaticSegment("scan")) view=SupplyScanPage ssr=SsrMode::Async />
                        <Route path=(StaticSegment("supply"), StaticSegment("pick-list")) view=PickListPage ssr=SsrMode::Async />
                        <Route path=(StaticSegment("supply"), StaticSegment("items")) view=InventoryPage ssr=SsrMode::Async />
                        <Route path=(StaticSegment("supply"), StaticSegment("items"), StaticSegment("new")) view=StockItemPage ssr=SsrMode::Async />
                        <Route path=(StaticSegment("supply"), StaticSegment("items"), ParamSegment("id")) view=StockItemPage ssr=SsrMode::Async />
                    </Routes>
                </main>
            </Router>
        </I18nContextProvider>
    }
}

/// The language choice is one cookie for the whole site. Without a path the browser files
/// each page's answer under that page's folder (`/join`, `/catalogue`), and an older choice
/// stored for `/` would then still speak for every other page.
fn language_cookie() -> leptos_i18n::context::CookieOptions<Locale> {
    leptos_use::UseCookieOptions::default()
        .path("/".to_string())
        .same_site(leptos_use::SameSite::Lax)
}

/// Site header: brand, main navigation and the language switch.
#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let switch = move |_| {
        let next = match i18n.get_locale() {
            Locale::zh => Locale::en,
            Locale::en => Locale::zh,
        };
        i18n.set_locale(next);
    };
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let title = move || t_string!(i18n, brand).to_string();
    // On the server the head is written after the body, when the locale signal may already be
    // disposed: read the title now. In the browser it follows the language switch.
    #[cfg(feature = "ssr")]
    let title = title();
    view! {
        <Title text=title />
        <a class="skip-link" href="#main">{t!(i18n, skip_to_content)}</a>
        <header class="site-header" data-hydrated=move || hydrated.get().to_string()>
            <A href="/" attr:class="brand">{t!(i18n, brand)}</A>
            <nav aria-label=move || t_string!(i18n, nav_main).to_string()>
                <ul>
                    <li><A href="/locations">{t!(i18n, nav_locations)}</A></li>
                    <li><A href="/catalogue">{t!(i18n, nav_catalogue)}</A></li>
                    <li><A href="/casting">{t!(i18n, nav_casting)}</A></li>
                </ul>
            </nav>
            <UserMenu />
            <button
                type="button"
                class="lang-switch"
                on:click=switch
                aria-label=move || t_string!(i18n, switch_language_label).to_string()
                lang=move || match i18n.get_locale() { Locale::zh => "en", Locale::en => "zh" }
            >
                {t!(i18n, switch_language)}
            </button>
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
    let user = Resource::new(
        move || (location.pathname.get(), logout.version().get()),
        |_| current_user(),
    );
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
                                {(role == Role::Actor).then(|| view! { <A href="/work">{t!(i18n, nav_my_work)}</A> <A href="/profile">{t!(i18n, nav_my_profile)}</A> <A href="/training">{t!(i18n, nav_training)}</A> <A href="/travel">{t!(i18n, nav_travel)}</A> })}
                                {(role == Role::Admin).then(|| view! { <A href="/admin">{t!(i18n, nav_admin)}</A> <A href="/actors">{t!(i18n, nav_pool)}</A> <A href="/wages">{t!(i18n, nav_wages)}</A> })}
                                {(role == Role::Crew).then(|| view! { <A href="/actors">{t!(i18n, nav_pool)}</A> <A href="/schedule">{t!(i18n, nav_schedule)}</A> <A href="/shortlist">{t!(i18n, nav_shortlist)}</A> <A href="/requests">{t!(i18n, nav_requests)}</A> <A href="/wages">{t!(i18n, nav_wages)}</A> })}
                                {(role == Role::Supplier).then(|| view! { <A href="/supply">{t!(i18n, nav_supply)}</A> })}
                                <A href="/account" attr:class="account-link">{t!(i18n, nav_my_account)}</A>
                                <span class="signed-in">
                                    {t!(i18n, signed_in_as, name = name.clone(), role = role_text)}
                                </span>
                                <ActionForm action=logout attr:class="inline-form">
                                    <button type="submit" class="link-button">{t!(i18n, logout)}</button>
                                </ActionForm>
                            }
                                .into_any()
                        }
                        _ => {
                            view! {
                                <A href=move || format!("/login?next={}", next())>{t!(i18n, nav_login)}</A>
                                <A href=move || format!("/register?next={}", next())>{t!(i18n, nav_register)}</A>
                            }
                                .into_any()
                        }
                    }
                })}
            </Transition>
        </div>
    }
}
