//! Routed pages, one per file.

mod account;
mod casting;
mod catalogue;
mod home;
mod locations;
mod login;
mod not_found;

pub use account::AccountPage;
pub use casting::CastingPage;
pub use catalogue::CataloguePage;
pub use home::HomePage;
pub use locations::LocationsPage;
pub use login::{LoginPage, RegisterPage};
pub use not_found::NotFoundPage;
