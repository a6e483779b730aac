//! The role matrix: every state-changing server function (and every read of personal data)
//! called by a visitor and by each role, over real HTTP against SQLite and PostgreSQL, must be
//! allowed or refused exactly as designed. Add each new server function here.

mod support;

use app::models::{OrgKind, OrgRef};
use domain::account::Role;
use domain::booking::{Window, studio_local};
use domain::casting::Decision;
use domain::reservation::Step;
use domain::wages::WageClaim;
use server::storage::bookings::{Booked, NewBooking};
use server::storage::casting::Applied;
use server::storage::photos::{NewPhoto, PhotoAdded, PhotoOf};
use server::storage::reservations::{NewReservation, Reserved};
use server::storage::supply::{Move, Moved};
use server::storage::wages::{ReportScope, Reported};
use support::{Backend, Browser, TEST_PASSWORD, TestApp, TestDb};

/// Who calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caller {
    Visitor,
    Actor,
    Crew,
    Supplier,
    Admin,
}

const CALLERS: [Caller; 5] =
    [Caller::Visitor, Caller::Actor, Caller::Crew, Caller::Supplier, Caller::Admin];

/// What the server answered, in the terms of the design.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome {
    Allowed,
    Unauthorized,
    Forbidden,
    /// Refused with a validation code on a field (the caller may call, but not with this).
    Refused(String),
    Other(u16),
}

use Outcome::{Allowed, Forbidden, Unauthorized};

fn refused(code: &str) -> Outcome {
    Outcome::Refused(code.into())
}

/// The server functions and reads under test.
#[derive(Debug, Clone, Copy)]
enum Case {
    LogIn,
    Register,
    LogOut,
    ChangePassword,
    DeleteAccount,
    Attach,
    Detach,
    VerifyProduction,
    CreateProduction,
    InviteToOwnOrg,
    InviteToOtherProduction,
    AcceptInvitation,
    AdminOverview,
    MyData,
    BookLocation,
    ConfirmBooking,
    CancelBooking,
    ExtendBooking,
    AddToShortlist,
    RemoveFromShortlist,
    ShareShortlist,
    MyShortlist,
    UploadPhoto,
    DeletePhoto,
    UploadItemPhoto,
    DeleteItemPhoto,
    SetInstantBook,
    SetRequestLine,
    SetRequestDays,
    SubmitRequest,
    MyRequestList,
    MyReservations,
    ApplyToCall,
    MyWork,
    CallApplicants,
    DecideApplication,
    CloseCall,
    PostCall,
    EditCall,
    CancelCall,
    MyProfile,
    SaveProfile,
    ActorPool,
    CheckIn,
    AttendanceSheet,
    MarkPaid,
    ReportWages,
    WageReports,
    AnswerReport,
    ResolveReport,
    OurCalls,
    UploadLook,
    RemoveLook,
    TravelMap,
    SupplyList,
    ReservationSheet,
    ConfirmReservation,
    DeclineReservation,
    PickUpReservation,
    ReturnReservation,
    CancelReservation,
    MarkRepaired,
}

impl Case {
    /// Expected outcome for visitor, actor, crew, supplier, admin.
    fn expected(self) -> [Outcome; 5] {
        let admin_only = || [Unauthorized, Forbidden, Forbidden, Forbidden, Allowed];
        match self {
            Case::LogIn | Case::Register | Case::LogOut => {
                [Allowed, Allowed, Allowed, Allowed, Allowed]
            }
            Case::ChangePassword | Case::MyData => {
                [Unauthorized, Allowed, Allowed, Allowed, Allowed]
            }
            Case::DeleteAccount => [Unauthorized, Allowed, Allowed, Allowed, Forbidden],
            Case::Attach
            | Case::Detach
            | Case::VerifyProduction
            | Case::CreateProduction
            | Case::AdminOverview => admin_only(),
            Case::InviteToOwnOrg => [Unauthorized, Forbidden, Allowed, Allowed, Forbidden],
            Case::InviteToOtherProduction => {
                [Unauthorized, Forbidden, Forbidden, Forbidden, Allowed]
            }
            // Crew members book for their production; operators and admins confirm; the
            // production, the operator or an admin cancels.
            Case::BookLocation => [Unauthorized, Forbidden, Allowed, Forbidden, Forbidden],
            Case::ConfirmBooking => [Unauthorized, Forbidden, Forbidden, Allowed, Allowed],
            Case::CancelBooking | Case::ExtendBooking => {
                [Unauthorized, Forbidden, Allowed, Allowed, Allowed]
            }
            // Shortlists are crew members' own.
            Case::AddToShortlist
            | Case::RemoveFromShortlist
            | Case::ShareShortlist
            | Case::MyShortlist => [Unauthorized, Forbidden, Allowed, Forbidden, Forbidden],
            // Request lists and reservations belong to crew members of a production.
            Case::SetRequestLine
            | Case::SetRequestDays
            | Case::SubmitRequest
            | Case::MyRequestList
            | Case::MyReservations => [Unauthorized, Forbidden, Allowed, Forbidden, Forbidden],
            // Actors apply and see their own work; the call's production's crew and admins
            // see its applicants and decide.
            Case::ApplyToCall | Case::MyWork | Case::MyProfile | Case::SaveProfile => {
                [Unauthorized, Allowed, Forbidden, Forbidden, Forbidden]
            }
            Case::CallApplicants
            | Case::DecideApplication
            | Case::CloseCall
            | Case::EditCall
            | Case::CancelCall => [Unauthorized, Forbidden, Allowed, Forbidden, Allowed],
            // Crews of verified productions and admins search the actor pool.
            Case::ActorPool => [Unauthorized, Forbidden, Allowed, Forbidden, Allowed],
            // The call's crew (and admins) read passes and the attendance sheet and mark days
            // paid; a pass records only on a shooting day (the fixture's is not today).
            Case::CheckIn => [
                Unauthorized,
                Forbidden,
                refused("not_shooting_today"),
                Forbidden,
                refused("not_shooting_today"),
            ],
            Case::AttendanceSheet | Case::MarkPaid => {
                [Unauthorized, Forbidden, Allowed, Forbidden, Allowed]
            }
            // Actors report their own attended days (a new actor has none).
            Case::ReportWages => {
                [Unauthorized, refused("not_attended"), Forbidden, Forbidden, Forbidden]
            }
            // The production reads and answers its reports; admins read all and settle them.
            Case::WageReports => [Unauthorized, Forbidden, Allowed, Forbidden, Allowed],
            Case::AnswerReport => [Unauthorized, Forbidden, Allowed, Forbidden, Forbidden],
            // Only the reporting actor (not another) or an admin resolves a report.
            Case::ResolveReport => [Unauthorized, Forbidden, Forbidden, Forbidden, Allowed],
            // Only actors keep a look photo; the travel guide is for everyone.
            Case::UploadLook | Case::RemoveLook => {
                [Unauthorized, Allowed, Forbidden, Forbidden, Forbidden]
            }
            Case::TravelMap => [Allowed, Allowed, Allowed, Allowed, Allowed],
            // A production's crew lists its own calls.
            Case::OurCalls => [Unauthorized, Forbidden, Allowed, Forbidden, Forbidden],
            // A supplier's members (and admins) list, answer, hand over, take back and repair
            // its reservations; the production's crew reads its own reservation's sheet and
            // cancels it.
            Case::SupplyList
            | Case::ConfirmReservation
            | Case::DeclineReservation
            | Case::PickUpReservation
            | Case::ReturnReservation
            | Case::MarkRepaired => [Unauthorized, Forbidden, Forbidden, Allowed, Allowed],
            Case::ReservationSheet => [Unauthorized, Forbidden, Allowed, Allowed, Allowed],
            Case::CancelReservation => [Unauthorized, Forbidden, Allowed, Forbidden, Forbidden],
            // The item's supplier and admins keep its photos.
            Case::UploadItemPhoto | Case::DeleteItemPhoto => {
                [Unauthorized, Forbidden, Forbidden, Allowed, Allowed]
            }
            // A new call is posted by a crew member for their own production.
            Case::PostCall => [Unauthorized, Forbidden, Allowed, Forbidden, Forbidden],
            // The location's operator and admins keep its photos and its booking rule.
            Case::UploadPhoto | Case::DeletePhoto | Case::SetInstantBook => {
                [Unauthorized, Forbidden, Forbidden, Allowed, Allowed]
            }
            // The invitation is to a production; callers here belong to nothing yet.
            Case::AcceptInvitation => [
                Unauthorized,
                refused("wrong_role"),
                Allowed,
                refused("wrong_role"),
                refused("wrong_role"),
            ],
        }
    }

    /// Whether crew and supplier callers belong to production 1 / supplier 1.
    fn members_attached(self) -> bool {
        !matches!(self, Case::AcceptInvitation)
    }

    /// Whether the case acts on a reservation's supplier side (supplier callers belong to the
    /// reserved item's supplier rather than the booked location's operator).
    fn supply(self) -> bool {
        matches!(
            self,
            Case::SupplyList
                | Case::ReservationSheet
                | Case::ConfirmReservation
                | Case::DeclineReservation
                | Case::PickUpReservation
                | Case::ReturnReservation
                | Case::CancelReservation
                | Case::MarkRepaired
                | Case::UploadItemPhoto
                | Case::DeleteItemPhoto
        )
    }
}

/// A photo row of `of` (no files) stored directly; its id, as a form value.
async fn stored_photo(app: &TestApp, of: PhotoOf, key: &str) -> String {
    let photo = NewPhoto {
        of,
        file_key: key,
        width: 300,
        height: 240,
        thumb: (300, 200),
        caption: "",
        uploaded_by: 1,
        now: 0,
    };
    let PhotoAdded::Done(id) = app.db.store.add_photo(photo).await.unwrap() else {
        panic!("could not prepare a photo")
    };
    id.to_string()
}

const PRODUCTION_1: OrgRef = OrgRef { kind: OrgKind::Production, id: 1 };

/// The location bookings are made on, and its operator (the supplier callers belong to).
async fn booked_location(app: &TestApp) -> (String, OrgRef) {
    let slug = app.db.store.location_pins().await.unwrap()[0].slug.clone();
    let facts = app.db.store.location_facts(&slug).await.unwrap().expect("the location");
    (slug, OrgRef { kind: OrgKind::Supplier, id: facts.operator_id })
}

async fn caller_browser(app: &TestApp, caller: Caller, case: Case) -> Browser {
    let attach = |org| case.members_attached().then_some(org);
    let operator =
        if case.supply() { supply_item(app).await.1 } else { booked_location(app).await.1 };
    let (role, org) = match caller {
        Caller::Visitor => return app.browser(),
        Caller::Actor => return app.actor(&actress()).await.0,
        Caller::Crew => (Role::Crew, attach(PRODUCTION_1)),
        Caller::Supplier => (Role::Supplier, attach(operator)),
        Caller::Admin => (Role::Admin, None),
    };
    app.logged_in(role, org).await.0
}

/// The item reservation cases reserve (the seed's largest stock) and its supplier.
async fn supply_item(app: &TestApp) -> (i64, OrgRef) {
    let page = app.db.store.item_page(1, 4_500).await.unwrap();
    let item = page.items.iter().max_by_key(|i| (i.quantity_owned, -i.item_id)).unwrap().item_id;
    let sql = format!("select supplier_id from item where item_id = {item}");
    (item, OrgRef { kind: OrgKind::Supplier, id: support::scalar(&app.db.store, &sql).await })
}

/// A new reservation of one unit of the supply item by production 1, taken through `steps`
/// (a return with one damaged unit); its code. Reservations taken through steps start today
/// (to be handed over); the others on days of their own far ahead, so that the cases never run
/// out of stock.
async fn supply_fixture(app: &TestApp, steps: &[Step]) -> String {
    static NEXT_DAY: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(100);
    let store = &app.db.store;
    let (item, _) = supply_item(app).await;
    let today = server::backend::studio_today();
    let first = if !steps.is_empty() {
        today
    } else {
        today + time::Duration::days(NEXT_DAY.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    };
    let lines = [(item, 1)];
    let new = NewReservation {
        production_id: PRODUCTION_1.id,
        requested_by: 2,
        days: domain::stock::Days { first, last: first + time::Duration::days(1) },
        lines: &lines,
        clear_list_of: None,
        now: 0,
    };
    let Reserved::Done(made) = store.reserve(&new, server::tokens::reservation_code).await.unwrap()
    else {
        panic!("could not prepare a reservation");
    };
    let (reservation_id, code) = made[0].clone();
    for &step in steps {
        let damaged = [(item, 1)];
        let m = Move { reservation_id, step, today, now: now(), damaged: &damaged };
        let moved = store.move_reservation(&m).await.unwrap();
        assert!(matches!(moved, Moved::Done(_)), "{step:?}: {moved:?}");
    }
    code
}

/// An actress who meets the requirements of production 1's first call.
fn actress() -> domain::casting::ActorFacts {
    domain::casting::ActorFacts {
        gender: domain::vocab::Gender::Female,
        birth_date: time::macros::date!(2004 - 03 - 08),
        height_cm: 164,
        weight_kg: 49,
        skills: vec![],
        training: vec![],
    }
}

/// An actress booked on production 1's first call, her first shooting day (not today) attended
/// and reported unpaid.
struct WorkedDay {
    call: i64,
    application: i64,
    day: time::Date,
    pass: String,
    report: i64,
}

/// The `WorkedDay`, made on first use and found again after.
async fn worked_day(app: &TestApp) -> WorkedDay {
    let store = &app.db.store;
    let call = production_1_calls(app).await[0];
    let today = server::backend::studio_today();
    let day = store.call(call, today).await.unwrap().unwrap().card.starts_on;
    assert!(day > today, "the seed's calls start later");
    let reports = store.wage_reports(ReportScope::Production(PRODUCTION_1.id)).await.unwrap();
    let (actor_id, application, report) = match reports.first() {
        Some(r) => (r.actor_id, r.application_id, r.report_id),
        None => {
            let (_, account) = app.actor(&actress()).await;
            let actor_id = store.actor_of(account).await.unwrap().unwrap();
            let Applied::Done(application) = store.apply(call, actor_id, today, 0).await.unwrap()
            else {
                panic!("could not apply")
            };
            store.decide(call, application, Decision::Book, 0).await.unwrap();
            store.record_attendance(application, day, 1, 0).await.unwrap();
            let claim =
                WageClaim { day, amount: domain::Money::from_yuan(300), note: String::new() };
            let Reported::Done(report) =
                store.report_wages(actor_id, application, &claim, today, 0).await.unwrap()
            else {
                panic!("could not report")
            };
            (actor_id, application, report)
        }
    };
    let pass = store.pass_code(actor_id, application, server::tokens::pass_code).await.unwrap();
    WorkedDay { call, application, day, pass: pass.expect("booked"), report }
}

/// Production 1's calls by id (in the seed, both open until a case closes the second).
/// A call form as the page posts it: `form[field]`, and `form[skills][]` once per skill.
fn call_form_fields(form: &domain::casting::CallForm) -> Vec<(String, String)> {
    let serde_json::Value::Object(fields) = serde_json::to_value(form).unwrap() else {
        unreachable!("a form is an object")
    };
    let mut out = Vec::new();
    for (key, value) in fields {
        match value {
            serde_json::Value::Array(items) => out.extend(
                items.into_iter().map(|i| (format!("form[{key}][]"), i.as_str().unwrap().into())),
            ),
            other => out.push((format!("form[{key}]"), other.as_str().unwrap().to_string())),
        }
    }
    out
}

async fn production_1_calls(app: &TestApp) -> Vec<i64> {
    let today = server::backend::studio_today();
    let mut ids = Vec::new();
    for id in 1..=100 {
        let call = app.db.store.call(id, today).await.unwrap();
        if call.is_some_and(|c| c.production_id == PRODUCTION_1.id) {
            ids.push(id);
        }
    }
    assert!(ids.len() >= 2, "production 1 has two calls in the seed");
    ids
}

/// A two-hour window on a day of its own, far enough ahead that no other call uses it.
fn free_window() -> (i64, i64) {
    static NEXT_DAY: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(2);
    let day = NEXT_DAY.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let start = (now() / 86_400 + day) * 86_400 + 2 * 3600;
    (start, start + 2 * 3600)
}

/// The date `days` from today, as a date field sends it.
fn days_ahead(days: i64) -> String {
    (time::OffsetDateTime::now_utc().date() + time::Duration::days(days)).to_string()
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// Makes the request for `case` (preparing any records it acts on) and reads the answer.
async fn run(app: &TestApp, case: Case, browser: &Browser) -> Outcome {
    let unique = fastrand::u32(..).to_string();
    let response = match case {
        Case::LogIn => {
            let (_, login) = app.account(Role::Actor, None).await;
            browser.call("/api/login", &[("login", &login), ("password", TEST_PASSWORD)]).await
        }
        Case::Register => {
            let login = format!("new-{unique}@test.backlot.local");
            let form = [
                ("login", login.as_str()),
                ("password", TEST_PASSWORD),
                ("display_name", "新人"),
                ("gender", "male"),
                ("birth_date", "1999-09-09"),
                ("height_cm", "178"),
                ("weight_kg", "66"),
            ];
            browser.call("/api/register", &form).await
        }
        Case::LogOut => browser.call("/api/logout", &[]).await,
        Case::ChangePassword => {
            let form =
                [("current_password", TEST_PASSWORD), ("new_password", "Another strong 2027")];
            browser.call("/api/password", &form).await
        }
        Case::DeleteAccount => {
            browser.call("/api/delete-account", &[("password", TEST_PASSWORD)]).await
        }
        Case::Attach => {
            let (id, _) = app.account(Role::Crew, None).await;
            let form = [("account_id", id.to_string()), ("org", "production:2".to_string())];
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            browser.call("/api/admin/attach", &form).await
        }
        Case::Detach => {
            let (id, _) = app.account(Role::Crew, Some(PRODUCTION_1)).await;
            browser.call("/api/admin/detach", &[("account_id", &id.to_string())]).await
        }
        Case::VerifyProduction => {
            browser
                .call("/api/admin/verify", &[("production_id", "2"), ("verified", "false")])
                .await
        }
        Case::CreateProduction => {
            let code = format!("test-{unique}");
            let form = [
                ("code", code.as_str()),
                ("name_zh", "测试剧组"),
                ("name_en", "Test Production"),
                ("company_zh", "测试影视"),
                ("company_en", "Test Pictures"),
            ];
            browser.call("/api/admin/production", &form).await
        }
        Case::InviteToOwnOrg => browser.call("/api/invite", &[]).await,
        Case::InviteToOtherProduction => {
            browser.call("/api/invite", &[("org", "production:2")]).await
        }
        Case::AcceptInvitation => {
            let token = server::tokens::new_token();
            let hash = server::tokens::hash(&token);
            app.db
                .store
                .create_invitation(1, PRODUCTION_1, &hash, now(), now() + 3600)
                .await
                .expect("store an invitation");
            browser.call("/api/join", &[("token", &token)]).await
        }
        Case::AdminOverview => browser.call("/api/admin/overview", &[]).await,
        Case::BookLocation => {
            let (slug, _) = booked_location(app).await;
            let (start, end) = free_window();
            let (start, end) = (studio_local(start), studio_local(end));
            let form = [("slug", slug.as_str()), ("starts_at", &start), ("ends_at", &end)];
            browser.call("/api/book", &form).await
        }
        Case::ConfirmBooking | Case::CancelBooking | Case::ExtendBooking => {
            let (slug, _) = booked_location(app).await;
            let (start, end) = free_window();
            let new = NewBooking {
                slug: &slug,
                production_id: 1,
                booked_by: 2,
                window: Window { start, end },
                shoot: None,
                note: "",
            };
            let Booked::Done { booking_id, .. } = app.db.store.book(&new, 0).await.unwrap() else {
                panic!("could not prepare a booking");
            };
            let id = booking_id.to_string();
            match case {
                Case::ConfirmBooking => {
                    browser.call("/api/booking/confirm", &[("booking_id", &id)]).await
                }
                Case::CancelBooking => {
                    browser.call("/api/booking/cancel", &[("booking_id", &id)]).await
                }
                _ => {
                    let ends_at = studio_local(end + 3600);
                    let form = [("booking_id", id.as_str()), ("ends_at", ends_at.as_str())];
                    browser.call("/api/booking/extend", &form).await
                }
            }
        }
        Case::MyData => browser.get("/account/data").await,
        Case::AddToShortlist | Case::RemoveFromShortlist => {
            let (slug, _) = booked_location(app).await;
            let endpoint = match case {
                Case::AddToShortlist => "/api/shortlist/add",
                _ => "/api/shortlist/remove",
            };
            browser.call(endpoint, &[("slug", &slug)]).await
        }
        Case::ShareShortlist => browser.call("/api/shortlist/share", &[]).await,
        Case::MyShortlist => browser.call("/api/shortlist", &[]).await,
        Case::UploadPhoto => {
            let (slug, _) = booked_location(app).await;
            browser.upload_photo(&slug, "set.png", support::test_png(300, 240), "").await
        }
        Case::SetInstantBook => {
            let (slug, _) = booked_location(app).await;
            browser
                .call("/api/location/instant-book", &[("slug", &slug), ("instant", "true")])
                .await
        }
        Case::DeletePhoto => {
            let (slug, _) = booked_location(app).await;
            let target = app.db.store.photo_target(&slug).await.unwrap().expect("the location");
            let id =
                stored_photo(app, PhotoOf::Location(target.location_id), &format!("test-{unique}"))
                    .await;
            browser.call("/api/photo/delete", &[("photo_id", &id)]).await
        }
        Case::UploadItemPhoto => {
            let (item, _) = supply_item(app).await;
            let path = format!("/catalogue/{item}/photos");
            browser.upload_photo_to(&path, "gown.png", support::test_png(300, 240), "").await
        }
        Case::DeleteItemPhoto => {
            let (item, _) = supply_item(app).await;
            let id = stored_photo(app, PhotoOf::Item(item), &format!("test-item-{unique}")).await;
            browser.call("/api/item/photo/delete", &[("photo_id", &id)]).await
        }
        Case::SetRequestLine => {
            browser.call("/api/requests/line", &[("item_id", "1"), ("quantity", "1")]).await
        }
        Case::SetRequestDays => {
            let (first, last) = (days_ahead(30), days_ahead(32));
            browser.call("/api/requests/days", &[("first_day", &first), ("last_day", &last)]).await
        }
        Case::SubmitRequest => {
            // A crew caller's list holds one unit for three days; others' calls fail before.
            browser.call("/api/requests/line", &[("item_id", "1"), ("quantity", "1")]).await;
            let (first, last) = (days_ahead(60), days_ahead(62));
            browser.call("/api/requests/days", &[("first_day", &first), ("last_day", &last)]).await;
            browser.call("/api/requests/submit", &[]).await
        }
        Case::MyRequestList => browser.call("/api/requests", &[]).await,
        Case::MyReservations => browser.call("/api/reservations", &[]).await,
        Case::ApplyToCall => {
            let call = production_1_calls(app).await[0].to_string();
            browser.call("/api/call/apply", &[("call_id", &call)]).await
        }
        Case::MyWork => browser.call("/api/work", &[]).await,
        Case::CallApplicants => {
            let call = production_1_calls(app).await[0].to_string();
            browser.call("/api/call/applicants", &[("call_id", &call)]).await
        }
        Case::DecideApplication => {
            // A new applicant each time, for the caller to shortlist.
            let call = production_1_calls(app).await[0];
            let (actor, _) = app.actor(&actress()).await;
            actor.call("/api/call/apply", &[("call_id", &call.to_string())]).await;
            let newest =
                app.db.store.applicants(call).await.unwrap().last().unwrap().application_id;
            let form = [
                ("call_id", call.to_string()),
                ("application_id", newest.to_string()),
                ("decision", "shortlist".to_string()),
            ];
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            browser.call("/api/call/decide", &form).await
        }
        Case::CloseCall => {
            // The second call, so that the first keeps taking applications.
            let call = production_1_calls(app).await[1].to_string();
            browser.call("/api/call/close", &[("call_id", &call)]).await
        }
        Case::PostCall | Case::EditCall => {
            // The first call's own terms: posted again as new, or saved unchanged.
            let id = production_1_calls(app).await[0];
            let today = server::backend::studio_today();
            let card = app.db.store.call(id, today).await.unwrap().unwrap().card;
            let mut form = call_form_fields(&domain::casting::CallForm::from_draft(&card.draft()));
            if matches!(case, Case::EditCall) {
                form.push(("call_id".to_string(), id.to_string()));
            }
            let form: Vec<(&str, &str)> =
                form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            browser.call("/api/call/save", &form).await
        }
        Case::MyProfile => browser.call("/api/profile", &[]).await,
        Case::ActorPool => browser.call("/api/actors", &[("query", "gender=female")]).await,
        Case::SaveProfile => {
            let form = [
                ("edit[height_cm]", "165"),
                ("edit[weight_kg]", "50"),
                ("edit[skills][]", "dance"),
            ];
            browser.call("/api/profile/save", &form).await
        }
        Case::CheckIn => {
            let worked = worked_day(app).await;
            browser.call("/api/attend/record", &[("code", &worked.pass)]).await
        }
        Case::AttendanceSheet => {
            let worked = worked_day(app).await;
            browser.call("/api/call/attendance", &[("call_id", &worked.call.to_string())]).await
        }
        Case::MarkPaid => {
            let worked = worked_day(app).await;
            let form = [
                ("call_id", worked.call.to_string()),
                ("application_id", worked.application.to_string()),
                ("day", worked.day.to_string()),
            ];
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            browser.call("/api/call/paid", &form).await
        }
        Case::ReportWages => {
            let worked = worked_day(app).await;
            let form = [
                ("application_id", worked.application.to_string()),
                ("form[day]", worked.day.to_string()),
                ("form[amount]", "300".to_string()),
            ];
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            browser.call("/api/work/report", &form).await
        }
        Case::WageReports => browser.call("/api/wages", &[]).await,
        Case::OurCalls => browser.call("/api/calls/ours", &[]).await,
        Case::UploadLook => browser.upload_look(support::test_png(300, 400), "2026-11-01").await,
        Case::RemoveLook => browser.post_json("/profile/look/remove").await,
        Case::TravelMap => browser.call("/api/travel", &[]).await,
        Case::AnswerReport => {
            let report = worked_day(app).await.report.to_string();
            browser.call("/api/wages/answer", &[("report_id", &report), ("answer", "已付")]).await
        }
        Case::ResolveReport => {
            let report = worked_day(app).await.report.to_string();
            browser.call("/api/wages/resolve", &[("report_id", &report)]).await
        }
        Case::SupplyList => browser.call("/api/supply", &[("status", "requested")]).await,
        Case::ReservationSheet => {
            let code = supply_fixture(app, &[]).await;
            browser.call("/api/supply/reservation", &[("code", &code)]).await
        }
        Case::ConfirmReservation | Case::DeclineReservation | Case::CancelReservation => {
            let code = supply_fixture(app, &[]).await;
            let endpoint = match case {
                Case::ConfirmReservation => "/api/supply/confirm",
                Case::DeclineReservation => "/api/supply/decline",
                _ => "/api/reservations/cancel",
            };
            browser.call(endpoint, &[("code", &code)]).await
        }
        Case::PickUpReservation => {
            let code = supply_fixture(app, &[Step::Confirm]).await;
            // Starts today: a hand-over is checked against the reservation's days.
            browser.call("/api/supply/pick-up", &[("code", &code)]).await
        }
        Case::ReturnReservation => {
            let code = supply_fixture(app, &[Step::Confirm, Step::PickUp]).await;
            let (item, _) = supply_item(app).await;
            let item = item.to_string();
            let form = [("code", code.as_str()), ("items[]", &item), ("damaged[]", "0")];
            browser.call("/api/supply/return", &form).await
        }
        Case::MarkRepaired => {
            supply_fixture(app, &[Step::Confirm, Step::PickUp, Step::Return]).await;
            let id = support::scalar(&app.db.store, "select max(maintenance_id) from maintenance")
                .await
                .to_string();
            browser.call("/api/supply/repair", &[("maintenance_id", &id)]).await
        }
        Case::CancelCall => {
            // The second call, closed already by the case before.
            let call = production_1_calls(app).await[1].to_string();
            browser.call("/api/call/cancel", &[("call_id", &call)]).await
        }
    };
    let status = response.status().as_u16();
    match status {
        200..=399 => Allowed,
        401 => Unauthorized,
        403 => Forbidden,
        422 => {
            let body: serde_json::Value = response.json().await.unwrap_or_default();
            Outcome::Refused(body["Invalid"][0]["code"].as_str().unwrap_or("?").to_string())
        }
        other => Outcome::Other(other),
    }
}

on_both_backends!(every_write_checks_who_is_asking, |backend: Backend| async move {
    let app = TestApp::spawn_with(TestDb::seeded(backend).await, 10_000).await;
    let cases = [
        Case::LogIn,
        Case::Register,
        Case::LogOut,
        Case::ChangePassword,
        Case::DeleteAccount,
        Case::Attach,
        Case::Detach,
        Case::VerifyProduction,
        Case::CreateProduction,
        Case::InviteToOwnOrg,
        Case::InviteToOtherProduction,
        Case::AcceptInvitation,
        Case::AdminOverview,
        Case::MyData,
        Case::BookLocation,
        Case::ConfirmBooking,
        Case::CancelBooking,
        Case::ExtendBooking,
        Case::AddToShortlist,
        Case::RemoveFromShortlist,
        Case::ShareShortlist,
        Case::MyShortlist,
        Case::UploadPhoto,
        Case::DeletePhoto,
        Case::UploadItemPhoto,
        Case::DeleteItemPhoto,
        Case::SetInstantBook,
        Case::SetRequestLine,
        Case::SetRequestDays,
        Case::SubmitRequest,
        Case::MyRequestList,
        Case::MyReservations,
        Case::ApplyToCall,
        Case::MyWork,
        Case::CallApplicants,
        Case::DecideApplication,
        Case::CloseCall,
        Case::PostCall,
        Case::EditCall,
        Case::CancelCall,
        Case::MyProfile,
        Case::SaveProfile,
        Case::ActorPool,
        Case::CheckIn,
        Case::AttendanceSheet,
        Case::MarkPaid,
        Case::ReportWages,
        Case::WageReports,
        Case::AnswerReport,
        Case::ResolveReport,
        Case::OurCalls,
        Case::UploadLook,
        Case::RemoveLook,
        Case::TravelMap,
        Case::SupplyList,
        Case::ReservationSheet,
        Case::ConfirmReservation,
        Case::DeclineReservation,
        Case::PickUpReservation,
        Case::ReturnReservation,
        Case::CancelReservation,
        Case::MarkRepaired,
    ];
    let mut mismatches = Vec::new();
    for case in cases {
        for (caller, expected) in CALLERS.into_iter().zip(case.expected()) {
            let browser = caller_browser(&app, caller, case).await;
            let got = run(&app, case, &browser).await;
            if got != expected {
                mismatches
                    .push(format!("{case:?} by {caller:?}: expected {expected:?}, got {got:?}"));
            }
        }
    }
    assert!(mismatches.is_empty(), "role matrix mismatches:\n{}", mismatches.join("\n"));
});

on_both_backends!(refused_writes_change_nothing, |backend: Backend| async move {
    let app = TestApp::spawn(TestDb::seeded(backend).await).await;
    let (crew_id, _) = app.account(Role::Crew, None).await;
    let (actor, _) = app.logged_in(Role::Actor, None).await;
    let (crew, _) = app.logged_in(Role::Crew, Some(PRODUCTION_1)).await;
    for browser in [&app.browser(), &actor, &crew] {
        let id = crew_id.to_string();
        browser.call("/api/admin/attach", &[("account_id", &id), ("org", "production:1")]).await;
        browser.call("/api/admin/verify", &[("production_id", "1"), ("verified", "false")]).await;
    }
    let account = app.db.store.account(crew_id).await.unwrap().expect("the crew account");
    assert_eq!(account.org, None, "a refused attach attached the account");
    let (productions, _) = app.db.store.organisations().await.unwrap();
    assert!(productions.iter().find(|p| p.org.id == 1).expect("production 1").verified);
    let audit = app.db.store.audit_entries(100).await.unwrap();
    assert!(
        audit.iter().all(|e| !e.action.starts_with("production.")),
        "refused calls were audited as done: {audit:?}"
    );
});
