//! `backlot [serve]` runs the server (seeding an empty database first); `backlot seed
//! [--actors N]` loads the seed into an empty database and exits.

use std::process::ExitCode;

/// Rendering a page allocates and frees many small strings and nodes; mimalloc serves them
/// faster than the system allocator (glibc's malloc and free were a third of a casting page's
/// CPU time in a profile).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use app::models::TileSource;
use axum::serve::ListenerExt as _;
use leptos::prelude::get_configuration;
use server::backend::{ServerBackend, studio_today};
use server::guards::Guards;
use server::media::MediaStore;
use server::routes::Services;
use server::seed::{DEFAULT_ACTORS, SeedOptions};
use server::sessions::Sessions;
use server::settings::Settings;
use server::storage::{StorageError, Store};
use server::{passwords, routes, telemetry};

enum Command {
    Serve,
    Seed { actors: usize },
}

fn parse_command(args: &[String]) -> Result<Command, String> {
    match args {
        [] => Ok(Command::Serve),
        [serve] if serve == "serve" => Ok(Command::Serve),
        [seed] if seed == "seed" => Ok(Command::Seed { actors: DEFAULT_ACTORS }),
        [seed, flag, n] if seed == "seed" && flag == "--actors" => n
            .parse()
            .map(|actors| Command::Seed { actors })
            .map_err(|_| format!("--actors needs a whole number, not {n:?}")),
        _ => Err("usage: backlot [serve] | backlot seed [--actors N]".into()),
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = match parse_command(&args) {
        Ok(command) => command,
        Err(message) => {
            eprintln!("backlot: {message}");
            return ExitCode::from(2);
        }
    };
    let settings = match Settings::from_env() {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("backlot: refusing to start: {error}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(&settings.log_filter);
    match run(command, settings).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            eprintln!("backlot: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, settings: Settings) -> Result<(), String> {
    let store = Store::open(&settings.database)
        .await
        .map_err(|e| format!("cannot open the database ({:?}): {e}", settings.database))?;
    tracing::info!(backend = store.backend_name(), "database ready");
    match command {
        Command::Seed { actors } => seed(&store, actors).await.map_err(|e| match e {
            StorageError::NotEmpty => {
                "the database already holds data; seed needs an empty one".to_string()
            }
            other => format!("seeding failed: {other}"),
        }),
        Command::Serve => {
            if store.is_empty().await.map_err(|e| e.to_string())? {
                seed(&store, DEFAULT_ACTORS).await.map_err(|e| format!("seeding failed: {e}"))?;
            }
            serve(settings, store).await
        }
    }
}

async fn seed(store: &Store, actors: usize) -> Result<(), StorageError> {
    let started = std::time::Instant::now();
    let report =
        store.load_seed(SeedOptions { anchor: studio_today(), actors }, passwords::hash).await?;
    tracing::info!(?report, elapsed_ms = started.elapsed().as_millis() as u64, "seed loaded");
    Ok(())
}

async fn serve(settings: Settings, store: Store) -> Result<(), String> {
    let mut options = get_configuration(None)
        .map_err(|e| format!("Leptos settings (LEPTOS_* variables) are missing or invalid: {e}"))?
        .leptos_options;
    options.site_addr = settings.addr;
    if options.hash_files {
        // Pages name the bundle's files from this list; without it every page would fail.
        let list = app::hash_list(&options).unwrap_or_default();
        if !list.is_file() {
            return Err(format!(
                "LEPTOS_HASH_FILES is on but {} is missing: build with `cargo leptos build \
                 --release` and keep its {} beside the binary",
                list.display(),
                options.hash_file
            ));
        }
    }
    let sessions = Sessions::open(&store)
        .await
        .map_err(|e| format!("cannot prepare the session store: {e}"))?;
    tokio::spawn(sessions.clone().delete_expired_every(std::time::Duration::from_secs(3600)));
    let tiles = TileSource {
        url: settings.tile_url.clone(),
        attribution: settings.tile_attribution.clone(),
        gcj02: settings.tile_gcj02,
    };
    let backend =
        ServerBackend::new(store, tiles, MediaStore::new(&settings.data_dir.join("media")));
    let guards = Guards::new(settings.public_origin.clone(), settings.login_attempts_per_minute);
    let app = routes::router(options, Services { backend, sessions, guards });
    let listener = tokio::net::TcpListener::bind(settings.addr)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", settings.addr))?
        // Without TCP_NODELAY a response written in two pieces (a file's headers, then its
        // body) waits for the browser's delayed ACK on a kept-alive connection: 40 ms a file.
        .tap_io(|tcp| {
            if let Err(e) = tcp.set_nodelay(true) {
                tracing::debug!(error = %e, "cannot set TCP_NODELAY");
            }
        });
    tracing::info!(addr = %settings.addr, "listening");
    axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| format!("server error: {e}"))
}
