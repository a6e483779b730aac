//! Routed pages, one per file.

mod account;
mod admin;
mod applicants;
mod call;
mod casting;
mod catalogue;
mod home;
mod item;
mod join;
mod location;
mod locations;
mod login;
mod not_found;
mod requests;
mod schedule;
mod shortlist;
mod work;

pub use account::AccountPage;
pub(crate) use account::org_name;
pub use admin::AdminPage;
pub use applicants::ApplicantsPage;
pub use call::CallDetailPage;
pub use casting::CastingPage;
pub use catalogue::CataloguePage;
pub use home::HomePage;
pub use item::ItemPage;
pub use join::JoinPage;
pub use location::LocationPage;
pub use locations::LocationsPage;
pub use login::{LoginPage, RegisterPage};
pub use not_found::NotFoundPage;
pub use requests::RequestsPage;
pub use schedule::SchedulePage;
pub use shortlist::{ComparePage, SharedShortlistPage, ShortlistPage};
pub use work::WorkPage;
