//! Structured logs through `tracing`.

/// Installs the global subscriber: JSON lines when `BACKLOT_LOG_FORMAT=json`, readable text
/// otherwise, filtered by the already-validated `filter`.
pub fn init(filter: &str) {
    let env_filter = tracing_subscriber::EnvFilter::new(filter);
    let json = std::env::var("BACKLOT_LOG_FORMAT").is_ok_and(|v| v == "json");
    let builder = tracing_subscriber::fmt().with_env_filter(env_filter).with_target(true);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}
