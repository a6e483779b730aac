//! Settings read from the environment and checked before anything starts.

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::storage::DatabaseTarget;

/// Why start-up was refused; each names the variable at fault.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SettingsError {
    #[error("{name}={value:?} is not a valid {expected}")]
    Invalid { name: &'static str, value: String, expected: &'static str },
}

/// Everything the server needs to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// `BACKLOT_ADDR`, else `LEPTOS_SITE_ADDR`, else `127.0.0.1:3000`.
    pub addr: SocketAddr,
    /// `BACKLOT_DATA_DIR` (default `./data`): the SQLite file and uploads live here.
    pub data_dir: PathBuf,
    /// From `DATABASE_URL`: `postgres://…` or `sqlite://path`; unset means `<data_dir>/backlot.db`.
    pub database: DatabaseTarget,
    /// `BACKLOT_LOG` (default `info`), a `tracing` filter such as `info,sqlx=warn`.
    pub log_filter: String,
    /// `BACKLOT_TILE_URL` (default OpenStreetMap's standard tiles); empty for no tiles.
    pub tile_url: String,
    /// `BACKLOT_TILE_ATTRIBUTION`.
    pub tile_attribution: String,
    /// `BACKLOT_TILE_DATUM`: `wgs84` (default, OpenStreetMap and most providers) or `gcj02`
    /// (Chinese providers such as AMap); markers are shifted to match the tiles.
    pub tile_gcj02: bool,
    /// `BACKLOT_PUBLIC_ORIGIN` (e.g. `https://backlot.example`): the origin browsers see when
    /// Backlot runs behind a proxy; `https://` also marks the session cookie Secure.
    pub public_origin: Option<String>,
    /// `BACKLOT_LOGIN_ATTEMPTS_PER_MINUTE` (default 10): login and registration requests
    /// allowed per client IP per minute.
    pub login_attempts_per_minute: u32,
}

const DEFAULT_TILE_URL: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const DEFAULT_TILE_ATTRIBUTION: &str =
    "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

impl Settings {
    /// Reads settings from the process environment.
    pub fn from_env() -> Result<Settings, SettingsError> {
        Settings::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup` (tests pass a map).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Settings, SettingsError> {
        let addr_var =
            if lookup("BACKLOT_ADDR").is_some() { "BACKLOT_ADDR" } else { "LEPTOS_SITE_ADDR" };
        let addr_text = lookup(addr_var).unwrap_or_else(|| "127.0.0.1:3000".to_string());
        let addr = addr_text.parse().map_err(|_| SettingsError::Invalid {
            name: addr_var,
            value: addr_text.clone(),
            expected: "socket address such as 127.0.0.1:3000",
        })?;

        let data_dir = PathBuf::from(lookup("BACKLOT_DATA_DIR").unwrap_or_else(|| "./data".into()));
        if data_dir.as_os_str().is_empty() {
            return Err(SettingsError::Invalid {
                name: "BACKLOT_DATA_DIR",
                value: String::new(),
                expected: "directory path",
            });
        }

        let database = match lookup("DATABASE_URL").filter(|url| !url.is_empty()) {
            None => DatabaseTarget::SqliteFile(data_dir.join("backlot.db")),
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                DatabaseTarget::Postgres(url)
            }
            Some(url) => {
                match url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) {
                    Some(path) if !path.is_empty() => {
                        DatabaseTarget::SqliteFile(PathBuf::from(path))
                    }
                    _ => {
                        return Err(SettingsError::Invalid {
                            name: "DATABASE_URL",
                            value: url,
                            expected: "postgres://… or sqlite://path URL",
                        });
                    }
                }
            }
        };

        let log_filter = lookup("BACKLOT_LOG").unwrap_or_else(|| "info".into());
        if tracing_subscriber::EnvFilter::try_new(&log_filter).is_err() {
            return Err(SettingsError::Invalid {
                name: "BACKLOT_LOG",
                value: log_filter,
                expected: "log filter such as info or backlot=debug,sqlx=warn",
            });
        }

        let tile_url = lookup("BACKLOT_TILE_URL").unwrap_or_else(|| DEFAULT_TILE_URL.into());
        let tile_url_ok = tile_url.is_empty()
            || tile_url.starts_with("https://")
            || tile_url.starts_with("http://")
            || tile_url.starts_with('/');
        if !tile_url_ok {
            return Err(SettingsError::Invalid {
                name: "BACKLOT_TILE_URL",
                value: tile_url,
                expected: "tile URL template (http(s)://…/{z}/{x}/{y}.png) or empty",
            });
        }
        let tile_attribution =
            lookup("BACKLOT_TILE_ATTRIBUTION").unwrap_or_else(|| DEFAULT_TILE_ATTRIBUTION.into());
        let tile_gcj02 = match lookup("BACKLOT_TILE_DATUM").as_deref().map(str::trim) {
            None | Some("") | Some("wgs84") => false,
            Some("gcj02") => true,
            Some(other) => {
                return Err(SettingsError::Invalid {
                    name: "BACKLOT_TILE_DATUM",
                    value: other.to_string(),
                    expected: "wgs84 or gcj02",
                });
            }
        };

        let public_origin = lookup("BACKLOT_PUBLIC_ORIGIN").filter(|o| !o.is_empty());
        if let Some(origin) = &public_origin {
            let authority =
                origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://"));
            if authority.is_none_or(|a| a.is_empty() || a.trim_end_matches('/').contains('/')) {
                return Err(SettingsError::Invalid {
                    name: "BACKLOT_PUBLIC_ORIGIN",
                    value: origin.clone(),
                    expected: "origin such as https://backlot.example (no path)",
                });
            }
        }
        let attempts = lookup("BACKLOT_LOGIN_ATTEMPTS_PER_MINUTE").unwrap_or_else(|| "10".into());
        let login_attempts_per_minute = match attempts.parse::<u32>() {
            Ok(n) if n > 0 => n,
            _ => {
                return Err(SettingsError::Invalid {
                    name: "BACKLOT_LOGIN_ATTEMPTS_PER_MINUTE",
                    value: attempts,
                    expected: "whole number above 0",
                });
            }
        };

        Ok(Settings {
            addr,
            data_dir,
            database,
            log_filter,
            tile_url,
            tile_attribution,
            tile_gcj02,
            public_origin,
            login_attempts_per_minute,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(pairs: &[(&str, &str)]) -> Result<Settings, SettingsError> {
        let map: HashMap<String, String> =
            pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Settings::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults_give_a_sqlite_file_under_the_data_directory() {
        let settings = read(&[]).unwrap();
        assert_eq!(settings.addr, "127.0.0.1:3000".parse().unwrap());
        assert_eq!(
            settings.database,
            DatabaseTarget::SqliteFile(PathBuf::from("./data/backlot.db"))
        );
        assert_eq!(settings.log_filter, "info");
    }

    #[test]
    fn a_postgres_url_selects_postgres() {
        let settings = read(&[("DATABASE_URL", "postgres://u@localhost/db")]).unwrap();
        assert_eq!(settings.database, DatabaseTarget::Postgres("postgres://u@localhost/db".into()));
    }

    #[test]
    fn the_tile_datum_is_wgs84_unless_gcj02_is_asked_for() {
        assert!(read(&[("BACKLOT_TILE_DATUM", "gcj02")]).unwrap().tile_gcj02);
        assert!(!read(&[]).unwrap().tile_gcj02);
        let err = read(&[("BACKLOT_TILE_DATUM", "bd09")]).unwrap_err();
        assert!(err.to_string().starts_with("BACKLOT_TILE_DATUM="), "{err}");
    }

    #[test]
    fn bad_values_name_the_variable() {
        let err = read(&[("BACKLOT_ADDR", "not-an-address")]).unwrap_err();
        assert!(err.to_string().starts_with("BACKLOT_ADDR="), "{err}");
        let err = read(&[("DATABASE_URL", "mysql://x")]).unwrap_err();
        assert!(err.to_string().starts_with("DATABASE_URL="), "{err}");
        let err = read(&[("BACKLOT_LOG", "info,[")]).unwrap_err();
        assert!(err.to_string().starts_with("BACKLOT_LOG="), "{err}");
        let err = read(&[("BACKLOT_PUBLIC_ORIGIN", "backlot.example")]).unwrap_err();
        assert!(err.to_string().starts_with("BACKLOT_PUBLIC_ORIGIN="), "{err}");
        let err = read(&[("BACKLOT_LOGIN_ATTEMPTS_PER_MINUTE", "0")]).unwrap_err();
        assert!(err.to_string().starts_with("BACKLOT_LOGIN_ATTEMPTS_PER_MINUTE="), "{err}");
        let err = read(&[("BACKLOT_TILE_URL", "ftp://tiles")]).unwrap_err();
        assert!(err.to_string().starts_with("BACKLOT_TILE_URL="), "{err}");
    }
}
