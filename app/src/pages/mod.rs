//! Routed pages, one per file.

mod account;
mod admin;
mod casting;
mod catalogue;
mod home;
mod join;
mod location;
mod locations;
mod login;
mod not_found;
mod schedule;
mod shortlist;

pub use account::AccountPage;
pub(crate) use account::org_name;
pub use admin::AdminPage;
pub use casting::CastingPage;
pub use catalogue::CataloguePage;
pub use home::HomePage;
pub use join::JoinPage;
pub use location::LocationPage;
pub use locations::LocationsPage;
pub use login::{LoginPage, RegisterPage};
pub use not_found::NotFoundPage;
pub use schedule::SchedulePage;
pub use shortlist::{ComparePage, SharedShortlistPage, ShortlistPage};
